package org.loyaltykpi.internal;

import java.util.List;
import java.util.Objects;

/**
 * The bulk path from a parallel CSV loader into a purchase-table builder, kept out of the API: the builder's {@code
 * addColumns} is package-private in {@code domain}, and {@code domain} hands it over here when its table class is
 * initialised (the JDK's "shared secrets" pattern). The builder type is a type parameter so that this package does
 * not depend on {@code domain}.
 *
 * @param <B> the builder type
 */
@FunctionalInterface
public interface ColumnAppender<B> {

    /**
     * One chunk's rows as columns, with chunk-local dictionaries.
     *
     * @param customerIds the chunk's customer ids; {@code customerIndex} values index this list
     * @param customerIndex per row, the customer
     * @param epochDay per row, days since 1970-01-01
     * @param amountMinorUnits per row, the amount in minor units, {@code >= 0}
     * @param categories the chunk's category names; {@code categoryIndex} values index this list
     * @param categoryIndex per row, the category or {@code -1} for none
     * @param quantity per row, items {@code >= 1}
     * @param rows how many rows of the arrays to add
     */
    record Columns(
            List<String> customerIds,
            int[] customerIndex,
            int[] epochDay,
            long[] amountMinorUnits,
            List<String> categories,
            int[] categoryIndex,
            int[] quantity,
            int rows) {}

    /**
     * Adds the rows of chunks in bulk, in the chunks' order; see the builder's {@code addColumns}.
     *
     * @param builder the builder
     * @param chunks the chunks, in file order
     * @throws IllegalArgumentException naming the field and value of the first invalid row or id
     */
    void addColumns(B builder, List<Columns> chunks);

    /** Where the builder's class registers its appender. */
    final class Registry {
        private static volatile ColumnAppender<?> appender;

        private Registry() {}

        /**
         * Registers the appender; called once, by the builder's class.
         *
         * @param value the appender
         */
        public static void register(ColumnAppender<?> value) {
            appender = Objects.requireNonNull(value, "appender must not be null");
        }

        /**
         * The registered appender. A builder can only be had from the table class, whose initialisation registers
         * it, so holding a builder means the appender is there.
         *
         * @param <B> the builder type
         * @param builder a builder, to fix the type
         * @return the appender
         */
        @SuppressWarnings("unchecked")
        public static <B> ColumnAppender<B> of(B builder) {
            Objects.requireNonNull(builder, "builder must not be null");
            ColumnAppender<?> a = appender;
            if (a == null) {
                throw new IllegalStateException("no column appender registered for " + builder.getClass());
            }
            return (ColumnAppender<B>) a;
        }
    }
}
