package org.loyaltykpi.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.cohort.CohortMatrix;

/**
 * The two JSON documents of the job, field for field those of {@code loyalty cohort --format json --metric customers}
 * and {@code loyalty clv fit} (DESIGN.md's CLI contract): pretty-printed, undefined numbers as {@code null}, a final
 * newline.
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {}

    static void cohortCustomers(Writer out, CohortMatrix matrix) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("granularity", matrix.granularity().name());
            g.writeStringField("metric", "customers");
            g.writeStringField(
                    "lastPeriod", matrix.lastPeriod().map(p -> p.label()).orElse(""));
            g.writeArrayFieldStart("cohorts");
            for (int c = 0; c < matrix.cohortCount(); c++) {
                g.writeStartObject();
                g.writeStringField("cohort", matrix.cohort(c).label());
                g.writeStringField("period", matrix.cohort(c).toString());
                g.writeNumberField("size", matrix.size(c));
                g.writeArrayFieldStart("values");
                for (int k = 0; k < matrix.observedOffsets(c); k++) {
                    g.writeNumber(matrix.activeCustomers(c, k));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            g.writeRaw('\n');
        }
    }

    static void fit(Writer out, ModelFit fit) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("model", fit.model());
            g.writeStringField("timeUnit", fit.timeUnit().map(TimeScale::name).orElse(""));
            g.writeNumberField("customers", fit.customers());
            g.writeObjectFieldStart("params");
            for (Parameter p : fit.parameters()) {
                g.writeNumberField(p.name(), p.value());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("standardErrors");
            for (Parameter p : fit.parameters()) {
                if (p.standardError().isPresent()) {
                    g.writeNumberField(p.name(), p.standardError().getAsDouble());
                } else {
                    g.writeNullField(p.name());
                }
            }
            g.writeEndObject();
            g.writeNumberField("logLikelihood", fit.logLikelihood());
            g.writeBooleanField("converged", fit.converged());
            g.writeArrayFieldStart("warnings");
            for (String w : fit.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            g.writeRaw('\n');
        }
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }
}
