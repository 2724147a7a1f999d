package org.loyaltykpi.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.cohort.CohortMetric;
import org.loyaltykpi.cohort.OffsetBracket;
import org.loyaltykpi.cohort.RetentionDefinition;
import org.loyaltykpi.domain.DateRange;
import org.loyaltykpi.domain.Granularity;
import org.loyaltykpi.io.Delimiter;
import org.loyaltykpi.io.PurchasePreset;
import org.loyaltykpi.io.PurchaseRules;
import org.loyaltykpi.survey.CsiMethod;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters, registered once for every command as lambdas over the types' own parsers; their messages
 * name the value and what is accepted.
 */
final class Converters {
    private Converters() {}

    /** Registers every converter on a command line and its subcommands. */
    static void register(CommandLine cli) {
        cli.registerConverter(Delimiter.class, v -> convert(v, Delimiter::parse));
        cli.registerConverter(DateRange.class, v -> convert(v, DateRange::parse));
        cli.registerConverter(CohortMetric.class, v -> convert(v, CohortMetric::parse));
        cli.registerConverter(RetentionDefinition.class, v -> convert(v, RetentionDefinition::parse));
        cli.registerConverter(OffsetBracket.class, v -> convert(v, OffsetBracket::parse));
        cli.registerConverter(CsiMethod.class, v -> convert(v, CsiMethod::parse));
        cli.registerConverter(Granularity.class, v -> convert(v, Granularity::parse));
        cli.registerConverter(TimeScale.class, v -> convert(v, TimeScale::parse));
        cli.registerConverter(ClvModels.Model.class, v -> convert(v, ClvModels.Model::parse));
        cli.registerConverter(LocalDate.class, Converters::date);
    }

    private static <T> T convert(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an ISO date (yyyy-MM-dd)");
        }
    }

    static final class PresetConverter implements ITypeConverter<PurchasePreset> {
        @Override
        public PurchasePreset convert(String value) {
            return PurchasePreset.ofCliName(value)
                    .orElseThrow(() -> new TypeConversionException(
                            "'" + value + "' is not a preset: shopify, woocommerce, stripe or online-retail"));
        }
    }

    static final class RefundsConverter implements ITypeConverter<PurchaseRules.Refunds> {
        @Override
        public PurchaseRules.Refunds convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "net" -> PurchaseRules.Refunds.NET;
                case "exclude" -> PurchaseRules.Refunds.EXCLUDE;
                case "error" -> PurchaseRules.Refunds.ERROR;
                default -> throw new TypeConversionException("'" + value + "' is not net, exclude or error");
            };
        }
    }

    static final class MissingCustomerConverter implements ITypeConverter<PurchaseRules.MissingCustomer> {
        @Override
        public PurchaseRules.MissingCustomer convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "skip" -> PurchaseRules.MissingCustomer.SKIP;
                case "error" -> PurchaseRules.MissingCustomer.ERROR;
                default -> throw new TypeConversionException("'" + value + "' is not skip or error");
            };
        }
    }

    static final class ThousandsConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            String v = value.equalsIgnoreCase("space") ? " " : value;
            if (v.length() != 1 || ",.' ".indexOf(v.charAt(0)) < 0) {
                throw new TypeConversionException("'" + value + "' is not a thousands separator: , . ' or space");
            }
            return v.charAt(0);
        }
    }

    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value);
            } catch (java.time.DateTimeException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a time zone (a region such as Europe/Berlin, or an offset such as"
                                + " +01:00 or UTC)");
            }
        }
    }
}
