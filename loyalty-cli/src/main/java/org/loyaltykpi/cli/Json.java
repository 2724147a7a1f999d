package org.loyaltykpi.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.OptionalDouble;

/** A thin wrapper over Jackson's streaming generator: pretty-printed, undefined numbers as {@code null}. */
final class Json implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator generator;

    Json(Writer out) {
        try {
            this.generator = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Json beginObject() {
        return io(() -> generator.writeStartObject());
    }

    Json beginObject(String name) {
        return io(() -> generator.writeObjectFieldStart(name));
    }

    Json name(String name) {
        return io(() -> generator.writeFieldName(name));
    }

    Json endObject() {
        return io(() -> generator.writeEndObject());
    }

    Json beginArray(String name) {
        return io(() -> generator.writeArrayFieldStart(name));
    }

    Json endArray() {
        return io(() -> generator.writeEndArray());
    }

    Json field(String name, String value) {
        return io(() -> generator.writeStringField(name, value));
    }

    Json field(String name, long value) {
        return io(() -> generator.writeNumberField(name, value));
    }

    Json field(String name, double value) {
        return field(name, Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty());
    }

    Json field(String name, boolean value) {
        return io(() -> generator.writeBooleanField(name, value));
    }

    Json nullField(String name) {
        return io(() -> generator.writeNullField(name));
    }

    /** An array element. */
    Json value(String value) {
        return io(() -> generator.writeString(value));
    }

    /** An object as an array element. */
    Json beginElement() {
        return beginObject();
    }

    Json field(String name, BigDecimal value) {
        return io(() -> generator.writeNumberField(name, value));
    }

    Json field(String name, OptionalDouble value) {
        return io(() -> {
            if (value.isPresent()) {
                generator.writeNumberField(name, value.getAsDouble());
            } else {
                generator.writeNullField(name);
            }
        });
    }

    Json value(long value) {
        return io(() -> generator.writeNumber(value));
    }

    Json value(double value) {
        return io(() -> generator.writeNumber(value));
    }

    Json value(BigDecimal value) {
        return io(() -> generator.writeNumber(value));
    }

    @Override
    public void close() {
        io(() -> {
            generator.flush();
            generator.writeRaw('\n');
            generator.flush();
        });
    }

    private Json io(IoAction action) {
        try {
            action.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
