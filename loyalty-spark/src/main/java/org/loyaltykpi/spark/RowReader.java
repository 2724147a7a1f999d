package org.loyaltykpi.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.loyaltykpi.domain.CustomerId;

/**
 * Reads one input row into the normalized purchase row {@code (customer_id, epoch_day, amount_minor, category,
 * quantity)} with the core's rules, or throws a {@link PurchaseInputException} naming the column and the value. Built
 * on the driver from the frame's schema (so a missing column or an unusable type fails before any job runs), used on
 * the executors.
 */
final class RowReader implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The normalized schema every scan reads. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("customer_id", DataTypes.StringType, false),
        DataTypes.createStructField("epoch_day", DataTypes.IntegerType, false),
        DataTypes.createStructField("amount_minor", DataTypes.LongType, false),
        DataTypes.createStructField("category", DataTypes.StringType, false),
        DataTypes.createStructField("quantity", DataTypes.IntegerType, false)
    });

    private final PurchaseColumns columns;
    private final int customer;
    private final int date;
    private final int amount;
    private final int category;
    private final int quantity;
    private final int file;
    private final DataType dateType;
    private final DataType amountType;
    private transient DateTimeFormatter formatter;
    private transient ZoneId zone;

    RowReader(StructType schema, PurchaseColumns columns, int fileColumn) {
        this.columns = columns;
        this.customer = index(schema, columns.customer(), "customer", true);
        this.date = index(schema, columns.date(), "date", true);
        this.amount = index(schema, columns.amount(), "amount", true);
        this.category = index(schema, columns.category(), "category", columns.categoryRequired());
        this.quantity = index(schema, columns.quantity(), "quantity", columns.quantityRequired());
        this.file = fileColumn;
        this.dateType = schema.fields()[date].dataType();
        this.amountType = schema.fields()[amount].dataType();
        if (!(dateType.equals(DataTypes.DateType)
                || dateType.equals(DataTypes.TimestampType)
                || dateType.equals(DataTypes.TimestampNTZType)
                || dateType.equals(DataTypes.StringType))) {
            throw new IllegalArgumentException("date column " + columns.date() + " must be a date, a timestamp or a"
                    + " string: it is " + dateType.simpleString());
        }
        if (!(amountType instanceof DecimalType
                || amountType.equals(DataTypes.StringType)
                || amountType.equals(DataTypes.DoubleType)
                || amountType.equals(DataTypes.FloatType)
                || amountType.equals(DataTypes.LongType)
                || amountType.equals(DataTypes.IntegerType)
                || amountType.equals(DataTypes.ShortType))) {
            throw new IllegalArgumentException("amount column " + columns.amount() + " must be a number or a string:"
                    + " it is " + amountType.simpleString());
        }
        DateTimeFormatter.ofPattern(columns.datePattern(), Locale.ROOT);
    }

    private static int index(StructType schema, String name, String what, boolean required) {
        for (int i = 0; i < schema.fields().length; i++) {
            if (schema.fields()[i].name().equals(name)) {
                return i;
            }
        }
        if (required) {
            throw new IllegalArgumentException(
                    "no " + what + " column '" + name + "': the frame has " + String.join(", ", schema.fieldNames()));
        }
        return -1;
    }

    /** The normalized row of an input row. */
    Row read(Row row) {
        String source = source(row);
        Object id = row.get(customer);
        if (id == null) {
            throw new PurchaseInputException(source, columns.customer(), "", "is missing (null customer id)");
        }
        String customerId = id.toString();
        try {
            CustomerId.of(customerId);
        } catch (IllegalArgumentException e) {
            throw new PurchaseInputException(
                    source, columns.customer(), customerId, "is not a valid customer id: " + e.getMessage());
        }
        int day = epochDay(row, source);
        long minor = amount(row, source);
        String categoryName = "";
        if (category >= 0 && !row.isNullAt(category)) {
            categoryName = row.get(category).toString();
            if (!categoryName.isEmpty() && categoryName.isBlank()) {
                throw new PurchaseInputException(source, columns.category(), categoryName, "is not a category (blank)");
            }
        }
        int items = 1;
        if (quantity >= 0 && !row.isNullAt(quantity)) {
            Object q = row.get(quantity);
            try {
                long value = q instanceof Number
                        ? ((Number) q).longValue()
                        : Long.parseLong(q.toString().strip());
                if (q instanceof Number && ((Number) q).doubleValue() != value) {
                    throw new NumberFormatException();
                }
                if (value < 1 || value > Integer.MAX_VALUE) {
                    throw new PurchaseInputException(source, columns.quantity(), q.toString(), "must be >= 1");
                }
                items = (int) value;
            } catch (NumberFormatException e) {
                throw new PurchaseInputException(source, columns.quantity(), q.toString(), "is not a whole number");
            }
        }
        return RowFactory.create(customerId, day, minor, categoryName, items);
    }

    private String source(Row row) {
        if (file >= 0 && !row.isNullAt(file)) {
            String path = row.getString(file);
            if (!path.isEmpty()) {
                return path;
            }
        }
        return "input";
    }

    private int epochDay(Row row, String source) {
        if (row.isNullAt(date)) {
            throw new PurchaseInputException(source, columns.date(), "", "is missing (null date)");
        }
        Object value = row.get(date);
        LocalDate day;
        if (value instanceof LocalDate) {
            day = (LocalDate) value;
        } else if (value instanceof Date) {
            day = ((Date) value).toLocalDate();
        } else if (value instanceof Instant) {
            day = ((Instant) value).atZone(zone()).toLocalDate();
        } else if (value instanceof Timestamp) {
            day = ((Timestamp) value).toInstant().atZone(zone()).toLocalDate();
        } else if (value instanceof LocalDateTime) {
            day = ((LocalDateTime) value).toLocalDate();
        } else {
            day = parseDate(value.toString().strip(), source);
        }
        return Math.toIntExact(day.toEpochDay());
    }

    private LocalDate parseDate(String text, String source) {
        try {
            return LocalDate.parse(text, formatter());
        } catch (DateTimeParseException e) {
            // ISO date-times read too, as on the command line: their calendar day in the time zone.
            if (columns.datePattern().equals("yyyy-MM-dd")) {
                try {
                    return OffsetDateTime.parse(text).atZoneSameInstant(zone()).toLocalDate();
                } catch (DateTimeException notOffset) {
                    try {
                        return LocalDateTime.parse(text).toLocalDate();
                    } catch (DateTimeException notLocal) {
                        // the error below
                    }
                }
            }
            throw new PurchaseInputException(
                    source, columns.date(), text, "is not a date of pattern " + columns.datePattern());
        }
    }

    private long amount(Row row, String source) {
        if (row.isNullAt(amount)) {
            throw new PurchaseInputException(source, columns.amount(), "", "is missing (null amount)");
        }
        Object value = row.get(amount);
        BigDecimal decimal;
        String text = value.toString();
        if (value instanceof BigDecimal) {
            decimal = (BigDecimal) value;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new PurchaseInputException(source, columns.amount(), text, "is not a finite amount");
            }
            decimal = new BigDecimal(Double.toString(d));
        } else if (value instanceof Number) {
            decimal = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            text = text.strip();
            if (!text.matches("-?[0-9]+(\\.[0-9]*)?|-?\\.[0-9]+")) {
                throw new PurchaseInputException(
                        source, columns.amount(), text, "is not an amount (digits with an optional '.' decimal point)");
            }
            decimal = new BigDecimal(text);
        }
        if (decimal.signum() < 0) {
            throw new PurchaseInputException(source, columns.amount(), text, "is negative; refunds are not purchases");
        }
        int scale = columns.amountScale();
        BigDecimal exact = decimal.stripTrailingZeros();
        if (exact.scale() > scale) {
            throw new PurchaseInputException(
                    source,
                    columns.amount(),
                    text,
                    "has more than " + scale + " decimal places; raise the amount scale to keep it exact");
        }
        try {
            return decimal.movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new PurchaseInputException(source, columns.amount(), text, "is too large");
        }
    }

    private DateTimeFormatter formatter() {
        if (formatter == null) {
            String pattern = columns.datePattern().replace('y', 'u');
            formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        }
        return formatter;
    }

    private ZoneId zone() {
        if (zone == null) {
            zone = columns.timeZone();
        }
        return zone;
    }
}
