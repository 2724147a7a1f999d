package org.loyaltykpi.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.loyaltykpi.domain.Granularity;
import picocli.CommandLine.Option;

/**
 * {@code --granularity}, declared once for every command that breaks its results down by period: the period lengths
 * a command takes and its default (or none: no breakdown unless asked), in any case. The help line of each command
 * says what the periods are for, which lengths it takes and its default ({@link OptionGroups#describe}).
 *
 * <pre>{@code
 * @Mixin private GranularityOption granularity = GranularityOption.of("Cohort and offset period", Granularity.MONTH,
 *         Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER, Granularity.YEAR);
 * }</pre>
 */
final class GranularityOption {
    private final String purpose;
    private final List<Granularity> offered;
    private final Optional<Granularity> defaultValue;

    @Option(names = "--granularity", paramLabel = "GRANULARITY", description = "Period length.")
    private Granularity value;

    /** Every length, default month, for picocli's factory; commands give their own with {@link #of}. */
    GranularityOption() {
        this("Period length", Optional.of(Granularity.MONTH), List.of(Granularity.values()));
    }

    private GranularityOption(String purpose, Optional<Granularity> defaultValue, List<Granularity> offered) {
        this.purpose = purpose;
        this.defaultValue = defaultValue;
        this.offered = List.copyOf(offered);
        this.value = defaultValue.orElse(null);
    }

    /**
     * The lengths a command takes and its default.
     *
     * @param purpose what the periods are, for help: {@code "Cohort and offset period"}
     * @param defaultValue the default
     * @param offered the lengths it takes; none: every length
     * @return the option
     */
    static GranularityOption of(String purpose, Granularity defaultValue, Granularity... offered) {
        return new GranularityOption(
                purpose,
                Optional.of(defaultValue),
                offered.length == 0 ? List.of(Granularity.values()) : List.of(offered));
    }

    /**
     * An optional breakdown: none unless the option is given.
     *
     * @param purpose what the periods are, for help: {@code "Also break the period down"}
     * @return the option, every length
     */
    static GranularityOption breakdown(String purpose) {
        return new GranularityOption(purpose, Optional.empty(), List.of(Granularity.values()));
    }

    /** Sets the value (an alias option, such as {@code retention --by}, calls this). */
    void set(Granularity granularity) {
        this.value = granularity;
    }

    /**
     * The chosen length, if any.
     *
     * @param command the command's name, for the message
     * @return the length, empty when the breakdown is optional and not asked for
     * @throws IllegalArgumentException if the command does not take the length
     */
    Optional<Granularity> chosen(String command) {
        Optional<Granularity> v = Optional.ofNullable(value);
        if (v.isPresent() && !offered.contains(v.get())) {
            throw new IllegalArgumentException("--granularity " + code(v.get()) + " is not available for " + command
                    + ": use "
                    + FormatOption.words(
                            offered.stream().map(GranularityOption::code).toList()));
        }
        return v;
    }

    /**
     * The chosen length of a command with a default.
     *
     * @param command the command's name, for the message
     * @return the length
     */
    Granularity get(String command) {
        return chosen(command).orElseThrow(() -> new IllegalStateException(command + ": no --granularity"));
    }

    /** The help line. */
    String description() {
        return purpose + ": "
                + FormatOption.words(
                        offered.stream().map(GranularityOption::code).toList()) + " (any case). "
                + defaultValue.map(g -> "Default: " + code(g) + ".").orElse("Default: none.");
    }

    static String code(Granularity g) {
        return g.name().toLowerCase(Locale.ROOT);
    }
}
