package org.loyaltykpi.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A label of the document: a resource-bundle key and its arguments, resolved for a locale by {@link Messages}.
 *
 * <p>Arguments are strings (data such as a period label or a file name, never translated), numbers ({@link Long},
 * {@link Integer}, {@link Double}, {@link BigDecimal}: formatted for the locale), dates ({@link LocalDate}) or nested
 * messages (resolved first). The bundle pattern places them with {@link java.text.MessageFormat} syntax:
 * {@code section.behaviour.by-period=By {0} (retention and churn against the {0} before)}.
 *
 * <pre>{@code
 * Message.of("column.retention")                              // "retention"
 * Message.of("table.behaviour.total", "2024-01-01/2024-04-01") // "Whole range 2024-01-01/2024-04-01:"
 * }</pre>
 *
 * @param key the bundle key: lower case letters, digits, dots and dashes, for example {@code column.retention}
 * @param arguments the arguments, in pattern order
 */
public record Message(String key, List<Object> arguments) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    /**
     * Validates the key and the argument types.
     *
     * @throws IllegalArgumentException if the key is not a dotted lower-case name or an argument has another type
     */
    public Message {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("message key must be dotted lower-case words, got: " + key);
        }
        arguments = List.copyOf(arguments);
        for (Object argument : arguments) {
            if (!(argument instanceof String
                    || argument instanceof Long
                    || argument instanceof Integer
                    || argument instanceof Double
                    || argument instanceof BigDecimal
                    || argument instanceof LocalDate
                    || argument instanceof Message)) {
                throw new IllegalArgumentException("message " + key + ": argument " + argument + " of type "
                        + argument.getClass().getSimpleName()
                        + " is not a String, Long, Integer, Double, BigDecimal, LocalDate or Message");
            }
        }
    }

    /**
     * A message.
     *
     * @param key the bundle key
     * @param arguments the arguments
     * @return the message
     */
    public static Message of(String key, Object... arguments) {
        return new Message(key, List.of(arguments));
    }

    @Override
    public String toString() {
        return arguments.isEmpty() ? key : key + arguments;
    }
}
