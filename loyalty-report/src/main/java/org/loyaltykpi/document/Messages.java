package org.loyaltykpi.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves {@link Message}s through the resource bundle of a language and formats {@link Cell}s for people in that
 * language. JSON and CSV never use it for values: they stay locale-free.
 *
 * <p>The bundles are the UTF-8 files {@code org/loyaltykpi/document/messages.properties} (English, the base) and
 * {@code messages_<language>.properties} beside it; a key missing from a language falls back to English, and
 * {@link #untranslated(java.util.Collection)} lists such keys so a test can insist on none. Patterns use
 * {@link MessageFormat} syntax (a literal apostrophe is written {@code ''}).
 *
 * <p>English formats numbers as the text reports always have: {@code 1,234}, {@code 12.5%}, {@code 1,234.50},
 * {@code n/a} for undefined values, ISO dates. Other languages use their locale's separators.
 *
 * <pre>{@code
 * Messages en = Messages.english();
 * en.text(Message.of("column.retention"));   // "retention"
 * en.format(Cell.ratio(1, 8));               // "12.5%"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Messages {
    private static final String BASE = "messages";

    private final Locale locale;
    private final Properties english;
    private final Properties own;
    private final DateTimeFormatter dates;

    private Messages(Locale locale, Properties english, Properties own) {
        this.locale = locale;
        this.english = english;
        this.own = own;
        this.dates = DateTimeFormatter.ofPattern(lookup("format.date"), locale);
    }

    /**
     * The English messages.
     *
     * @return the messages
     */
    public static Messages english() {
        return of(Locale.ENGLISH);
    }

    /**
     * The messages of a language, English where the language has no bundle or no translation of a key.
     *
     * @param locale the locale (its language picks the bundle)
     * @return the messages
     */
    public static Messages of(Locale locale) {
        Properties english = load(BASE + ".properties")
                .orElseThrow(() -> new IllegalStateException("the English message bundle is missing"));
        String language = locale.getLanguage();
        if (language.isEmpty() || language.equals("en")) {
            return new Messages(Locale.ENGLISH, english, english);
        }
        Properties own = load(BASE + "_" + language + ".properties").orElseGet(Properties::new);
        return new Messages(locale, english, own);
    }

    private static java.util.Optional<Properties> load(String name) {
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return java.util.Optional.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message bundle " + name, e);
        }
    }

    /**
     * The locale numbers and dates are formatted for.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    /**
     * The text of a message.
     *
     * @param message the message
     * @return the text
     * @throws IllegalArgumentException if no bundle has the key
     */
    public String text(Message message) {
        String pattern = lookup(message.key());
        if (message.arguments().isEmpty()) {
            return new MessageFormat(pattern, locale).format(new Object[0]);
        }
        Object[] args = new Object[message.arguments().size()];
        for (int i = 0; i < args.length; i++) {
            Object a = message.arguments().get(i);
            if (a instanceof Message nested) {
                args[i] = text(nested);
            } else if (a instanceof LocalDate date) {
                args[i] = dates.format(date);
            } else if (a instanceof Long || a instanceof Integer) {
                args[i] = String.format(locale, "%,d", ((Number) a).longValue());
            } else if (a instanceof Double d) {
                args[i] = String.format(locale, "%,.2f", d);
            } else if (a instanceof BigDecimal b) {
                args[i] = String.format(locale, "%,.2f", b);
            } else {
                args[i] = a;
            }
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    private String lookup(String key) {
        String pattern = own.getProperty(key);
        if (pattern == null) {
            pattern = english.getProperty(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no message for key " + key + " in the English bundle");
        }
        return pattern;
    }

    /**
     * Whether a key resolves (in this language or in English).
     *
     * @param key the key
     * @return whether it resolves
     */
    public boolean has(String key) {
        return own.containsKey(key) || english.containsKey(key);
    }

    /**
     * The keys among the given messages that this language's own bundle does not translate (always empty for
     * English), sorted.
     *
     * @param messages the messages, for example {@link Document#messages()}
     * @return the untranslated keys
     */
    public Set<String> untranslated(java.util.Collection<Message> messages) {
        Set<String> missing = new TreeSet<>();
        for (Message m : messages) {
            if (!own.containsKey(m.key())) {
                missing.add(m.key());
            }
        }
        return Collections.unmodifiableSet(missing);
    }

    /**
     * A cell for people: counts with grouping, ratios and shares as percentages with one decimal, money with two,
     * decimals with their digits, labels resolved, {@code n/a} for missing values.
     *
     * @param cell the cell
     * @return the text
     */
    public String format(Cell cell) {
        if (cell instanceof Cell.Count c) {
            return count(c.value());
        } else if (cell instanceof Cell.Money m) {
            return String.format(locale, "%,.2f", m.amount());
        } else if (cell instanceof Cell.Decimal d) {
            return String.format(locale, "%,." + d.digits() + "f", d.value());
        } else if (cell instanceof Cell.Day d) {
            return dates.format(d.date());
        } else if (cell instanceof Cell.Text t) {
            return t.text();
        } else if (cell instanceof Cell.Label l) {
            return text(l.label());
        } else if (cell instanceof Cell.Flag f) {
            return text(Message.of(f.value() ? "answer.yes" : "answer.no"));
        } else if (cell instanceof Cell.Missing) {
            return text(Message.of("value.missing"));
        }
        // ratios and shares
        return cell.number().isPresent()
                ? percent(100 * cell.number().getAsDouble())
                : text(Message.of("value.missing"));
    }

    /**
     * A count with grouping: {@code 1,234}.
     *
     * @param value the count
     * @return the text
     */
    public String count(long value) {
        return String.format(locale, "%,d", value);
    }

    /**
     * A percentage with one decimal: {@code 12.5%}.
     *
     * @param percent the percentage (not the fraction)
     * @return the text
     */
    public String percent(double percent) {
        return String.format(locale, "%.1f%%", percent);
    }

    /**
     * The change of a key figure for people: {@code +2.5 pp} for ratios and shares, {@code +12.0%} for others.
     *
     * @param figure the figure
     * @return the text, or empty when the figure has no change
     */
    public java.util.Optional<String> change(KeyFigure figure) {
        if (figure.change().isEmpty()) {
            return java.util.Optional.empty();
        }
        double change = figure.change().getAsDouble();
        return java.util.Optional.of(
                figure.score()
                        ? text(Message.of("change.score", String.format(locale, "%+.1f", change)))
                        : figure.changeInPoints()
                                ? text(Message.of("change.points", String.format(locale, "%+.1f", change)))
                                : text(Message.of("change.relative", String.format(locale, "%+.1f", 100 * change))));
    }

    /**
     * Every key of the English bundle, sorted.
     *
     * @return the keys
     */
    public static List<String> englishKeys() {
        return english().english.stringPropertyNames().stream().sorted().toList();
    }
}
