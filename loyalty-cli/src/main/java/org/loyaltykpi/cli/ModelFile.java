package org.loyaltykpi.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loyaltykpi.clv.Coefficient;
import org.loyaltykpi.clv.ModelFit;
import org.loyaltykpi.clv.Parameter;
import org.loyaltykpi.clv.ParameterCovariance;
import org.loyaltykpi.clv.ParameterInterval;
import org.loyaltykpi.clv.SavedModel;
import org.loyaltykpi.clv.TimeScale;
import org.loyaltykpi.document.report.ClvDocuments;
import org.loyaltykpi.domain.Granularity;

/**
 * The model file of {@code clv fit --save} and {@code clv predict --model-file}: the JSON of {@code clv fit} with the
 * format name and version, the covariance (when the fit has one), the covariates and the calibration facts.
 *
 * <pre>
 * {"format": "loyalty-clv-model", "formatVersion": 1, "model": "bg-nbd", "timeUnit": "weeks", "customers": 2357,
 *  "params": {...}, "standardErrors": {...}, "logLikelihood": ..., "converged": true, "warnings": [],
 *  "covariance": {"scale": "log", "r": {"r": ..., ...}, ...}, "intervals": {...},
 *  "iterations": 23, "penalizer": 0.0, "covariates": [], "coefficients": {},
 *  "calibration": {"source": "orders.csv", "calibrationEnd": "1997-09-30", "periodLength": null}}
 * </pre>
 */
final class ModelFile {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ModelFile() {}

    /** Writes a saved model. */
    static void write(Path file, SavedModel saved) {
        OutputFiles.write(file, out -> {
            try {
                JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                write(json, saved);
                json.flush();
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The file's fields: those of the JSON of {@code clv fit} (the time unit lower-kebab, {@code "weeks"}, as every
     * enum of the JSON; files written before with {@code "WEEKS"} read as well), then the file's own.
     */
    private static void write(JsonGenerator json, SavedModel saved) throws IOException {
        ModelFit fit = saved.fit();
        json.writeStartObject();
        json.writeStringField("format", SavedModel.FORMAT);
        json.writeNumberField("formatVersion", saved.formatVersion());
        json.writeStringField("model", fit.model());
        json.writeStringField("timeUnit", ClvDocuments.timeUnitCode(fit.timeUnit()));
        json.writeNumberField("customers", fit.customers());
        json.writeObjectFieldStart("params");
        for (Parameter p : fit.parameters()) {
            number(json, p.name(), p.value());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("standardErrors");
        for (Parameter p : fit.parameters()) {
            number(json, p.name(), p.standardError().orElse(Double.NaN));
        }
        json.writeEndObject();
        number(json, "logLikelihood", fit.logLikelihood());
        json.writeBooleanField("converged", fit.converged());
        json.writeArrayFieldStart("warnings");
        for (String w : fit.warnings()) {
            json.writeString(w);
        }
        json.writeEndArray();
        if (fit.covariance().isEmpty()) {
            json.writeNullField("covariance");
            json.writeNullField("intervals");
        } else {
            ParameterCovariance c = fit.covariance().get();
            json.writeObjectFieldStart("covariance");
            json.writeStringField("scale", "log");
            for (int i = 0; i < c.size(); i++) {
                json.writeObjectFieldStart(c.names().get(i));
                for (int j = 0; j < c.size(); j++) {
                    number(json, c.names().get(j), c.get(i, j));
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("intervals");
            number(json, "level", ClvDocuments.FIT_INTERVAL_LEVEL);
            for (ParameterInterval interval : fit.intervals(ClvDocuments.FIT_INTERVAL_LEVEL)) {
                json.writeObjectFieldStart(interval.name());
                number(json, "low", interval.low());
                number(json, "high", interval.high());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeNumberField("iterations", fit.iterations());
        number(json, "penalizer", fit.penalizer());
        json.writeArrayFieldStart("covariates");
        for (String name : saved.covariates()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("coefficients");
        for (Coefficient c : saved.coefficients()) {
            number(json, c.process() + "." + c.covariate(), c.value());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("calibration");
        json.writeStringField("source", saved.source());
        if (saved.calibrationEnd().isPresent()) {
            json.writeStringField("calibrationEnd", saved.calibrationEnd().get().toString());
        } else {
            json.writeNullField("calibrationEnd");
        }
        if (saved.periodLength().isPresent()) {
            json.writeStringField(
                    "periodLength", saved.periodLength().get().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            json.writeNullField("periodLength");
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A number as the shortest decimal that reads back as the same double; {@code null} when not finite. */
    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }

    /** Reads and validates a saved model; every problem is one line naming the file and the field. */
    static SavedModel read(Path file) {
        Object root;
        try (JsonParser parser = FACTORY.createParser(Files.newBufferedReader(file))) {
            parser.nextToken();
            root = value(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(file + ": not a model file: text after the JSON object");
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a model file: invalid JSON at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": holds bytes that are not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        try {
            return saved(new Fields(file, "", root));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(
                    message.startsWith(file.toString()) ? message : file + ": " + message, e);
        }
    }

    private static SavedModel saved(Fields root) {
        String format = root.string("format");
        if (!format.equals(SavedModel.FORMAT)) {
            throw root.bad("format", format, "is not " + SavedModel.FORMAT + ": not a model file of loyalty");
        }
        int version = (int) root.count("formatVersion");
        if (version != SavedModel.FORMAT_VERSION) {
            throw root.bad(
                    "formatVersion",
                    version,
                    "is not supported: this version of loyalty reads version " + SavedModel.FORMAT_VERSION);
        }
        String model = root.string("model");
        List<String> names = SavedModel.parameterNames(model);
        if (names.isEmpty()) {
            throw root.bad("model", model, "is not bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma or bg-bb");
        }
        String unitText = root.string("timeUnit");
        Optional<TimeScale> unit;
        try {
            unit = unitText.isEmpty() ? Optional.empty() : Optional.of(TimeScale.parse(unitText));
        } catch (IllegalArgumentException e) {
            throw root.bad("timeUnit", unitText, "is not days, weeks, months or years");
        }
        Fields params = root.object("params");
        Fields errors = root.object("standardErrors");
        if (!params.keys().equals(names)) {
            throw root.bad("params", params.keys(), "must be " + names + " for " + model);
        }
        List<Parameter> parameters = new ArrayList<>();
        for (String name : names) {
            double value = params.number(name);
            if (!(value > 0)) {
                throw params.bad(name, value, "must be positive");
            }
            OptionalDouble se = errors.optionalNumber(name);
            if (se.isPresent() && !(se.getAsDouble() >= 0)) {
                throw errors.bad(name, se.getAsDouble(), "must be >= 0");
            }
            parameters.add(new Parameter(name, value, se));
        }
        List<String> warnings = root.strings("warnings");
        List<String> covariates = root.has("covariates") ? root.strings("covariates") : List.of();
        List<Coefficient> coefficients = new ArrayList<>();
        List<String> covarianceNames = new ArrayList<>(names);
        if (!covariates.isEmpty()) {
            Fields given = root.object("coefficients");
            for (String process : List.of("purchase", "dropout")) {
                for (String covariate : covariates) {
                    String name = process + "." + covariate;
                    coefficients.add(new Coefficient(process, covariate, given.number(name), OptionalDouble.empty()));
                    covarianceNames.add(name);
                }
            }
        }
        Optional<ParameterCovariance> covariance = Optional.empty();
        if (root.has("covariance")) {
            Fields c = root.object("covariance");
            if (c.has("scale") && !c.string("scale").equals("log")) {
                throw c.bad("scale", c.string("scale"), "is not log: the fits' covariance is on the log scale");
            }
            int size = covarianceNames.size();
            double[][] matrix = new double[size][size];
            for (int i = 0; i < size; i++) {
                Fields r = c.object(covarianceNames.get(i));
                for (int j = 0; j < size; j++) {
                    matrix[i][j] = r.number(covarianceNames.get(j));
                }
            }
            // The model's parameters are on the log scale, the coefficients as they are.
            boolean[] logScale = new boolean[size];
            java.util.Arrays.fill(logScale, 0, names.size(), true);
            double[] estimates = java.util.stream.DoubleStream.concat(
                            parameters.stream().mapToDouble(Parameter::value),
                            coefficients.stream().mapToDouble(Coefficient::value))
                    .toArray();
            covariance = Optional.of(new ParameterCovariance(covarianceNames, estimates, logScale, matrix));
        }
        ModelFit fit = new ModelFit(
                model,
                unit,
                root.count("customers"),
                parameters,
                root.number("logLikelihood"),
                root.bool("converged"),
                (int) root.count("iterations"),
                root.number("penalizer"),
                warnings,
                covariance);
        Fields calibration = root.object("calibration");
        Optional<LocalDate> end = Optional.empty();
        if (calibration.has("calibrationEnd")) {
            String text = calibration.string("calibrationEnd");
            try {
                end = Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw calibration.bad("calibrationEnd", text, "is not a date yyyy-MM-dd");
            }
        }
        Optional<Granularity> period = Optional.empty();
        if (calibration.has("periodLength")) {
            String text = calibration.string("periodLength");
            try {
                period = Optional.of(Granularity.parse(text));
            } catch (IllegalArgumentException e) {
                throw calibration.bad("periodLength", text, "is not week, month, quarter or year");
            }
        }
        return new SavedModel(version, fit, covariates, coefficients, end, period, calibration.string("source"));
    }

    /** The JSON value at the parser's current token: a map, list, Double, Long, String, Boolean or null. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonParseError();
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseError();
        }
    }

    /** An empty document. */
    private static final class JsonParseError extends IOException {
        private static final long serialVersionUID = 1L;

        JsonParseError() {
            super("empty or not JSON");
        }
    }

    /** The fields of one JSON object, with typed getters whose errors name the file and the field's path. */
    private static final class Fields {
        private final Path file;
        private final String path;
        private final Map<?, ?> map;

        Fields(Path file, String path, Object value) {
            this.file = file;
            this.path = path;
            if (!(value instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(file + ": " + (path.isEmpty() ? "the file" : "field '" + path + "'")
                        + " must be a JSON object");
            }
            this.map = m;
        }

        List<String> keys() {
            return map.keySet().stream().map(String::valueOf).toList();
        }

        boolean has(String name) {
            return map.get(name) != null;
        }

        private String where(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        IllegalArgumentException bad(String name, Object value, String problem) {
            return new IllegalArgumentException(file + ": field '" + where(name) + "': "
                    + (value instanceof String ? "'" + value + "'" : value) + " " + problem);
        }

        private Object get(String name) {
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException(file + ": field '" + where(name) + "' is missing");
            }
            return map.get(name);
        }

        String string(String name) {
            Object v = get(name);
            if (!(v instanceof String s)) {
                throw bad(name, v, "must be a string");
            }
            return s;
        }

        double number(String name) {
            Object v = get(name);
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw bad(name, v, "must be a finite number");
            }
            return n.doubleValue();
        }

        OptionalDouble optionalNumber(String name) {
            return map.get(name) == null ? OptionalDouble.empty() : OptionalDouble.of(number(name));
        }

        long count(String name) {
            Object v = get(name);
            if (!(v instanceof Long n) || n < 0) {
                throw bad(name, v, "must be a whole number >= 0");
            }
            return n;
        }

        boolean bool(String name) {
            Object v = get(name);
            if (!(v instanceof Boolean b)) {
                throw bad(name, v, "must be true or false");
            }
            return b;
        }

        Fields object(String name) {
            return new Fields(file, where(name), get(name));
        }

        List<String> strings(String name) {
            Object v = get(name);
            if (!(v instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw bad(name, v, "must be an array of strings");
            }
            return list.stream().map(String.class::cast).toList();
        }
    }
}
