package org.loyaltykpi.io;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.loyaltykpi.domain.QuestionKind;
import org.loyaltykpi.domain.Scale;

/**
 * How to read a survey-answers CSV file ({@link SurveyCsv}).
 *
 * <p>The defaults ({@link #defaults()}): comma-separated, a header line, columns {@code respondent_id}, {@code date},
 * {@code question}, {@code score}, and {@code segment} and {@code weight} when the header has them; ISO dates.
 *
 * <p>Which scale a question is asked on, in this order:
 *
 * <ol>
 *   <li>the scale given for it in {@link #scales()} (question names matched ignoring case);
 *   <li>else the default scale of its {@link QuestionKind}, told by its name: {@code nps...} 0..10, {@code csat...}
 *       1..5, {@code ces...} 1..7, {@code csi:ATTRIBUTE} 0..10;
 *   <li>else {@link #defaultScale()} if given;
 *   <li>else the row is an error naming the question.
 * </ol>
 *
 * <pre>{@code
 * SurveyCsvOptions options = SurveyCsvOptions.defaults()
 *         .withScale("csat", Scale.of(1, 7))            // our CSAT question is asked on 1..7
 *         .withScale("overall_satisfaction", Scale.of(1, 10))
 *         .withDelimiter(Delimiter.SEMICOLON);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param delimiter the field separator
 * @param header whether the first line names the columns
 * @param respondentColumn the respondent (customer) id column
 * @param dateColumn the answer date column
 * @param questionColumn the question name column
 * @param scoreColumn the score column (whole numbers)
 * @param segmentColumn the segment column, or empty for {@code segment} if present
 * @param weightColumn the weight column, or empty for {@code weight} if present
 * @param datePattern a {@link java.time.format.DateTimeFormatter} pattern, read strictly
 * @param scales the scale per question name (lower case keys), overriding the kind's default
 * @param defaultScale the scale of questions of no known kind, or empty to reject them
 * @param timeZone the zone that date-times with an offset or zone convert to (their calendar date in it); empty: the
 *     date as written
 */
public record SurveyCsvOptions(
        Delimiter delimiter,
        boolean header,
        ColumnRef respondentColumn,
        ColumnRef dateColumn,
        ColumnRef questionColumn,
        ColumnRef scoreColumn,
        Optional<ColumnRef> segmentColumn,
        Optional<ColumnRef> weightColumn,
        String datePattern,
        Map<String, Scale> scales,
        Optional<Scale> defaultScale,
        Optional<ZoneId> timeZone) {

    /** The default respondent column name. */
    public static final String RESPONDENT = "respondent_id";
    /** The default date column name. */
    public static final String DATE = "date";
    /** The default question column name. */
    public static final String QUESTION = "question";
    /** The default score column name. */
    public static final String SCORE = "score";
    /** The segment column name used when present. */
    public static final String SEGMENT = "segment";
    /** The weight column name used when present. */
    public static final String WEIGHT = "weight";

    /** Validates the options and copies the scales with lower-case keys. */
    public SurveyCsvOptions {
        Objects.requireNonNull(delimiter, "delimiter must not be null");
        Objects.requireNonNull(respondentColumn, "respondentColumn must not be null");
        Objects.requireNonNull(dateColumn, "dateColumn must not be null");
        Objects.requireNonNull(questionColumn, "questionColumn must not be null");
        Objects.requireNonNull(scoreColumn, "scoreColumn must not be null");
        Objects.requireNonNull(segmentColumn, "segmentColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(weightColumn, "weightColumn must not be null (use Optional.empty())");
        Objects.requireNonNull(datePattern, "datePattern must not be null");
        Objects.requireNonNull(timeZone, "timeZone must not be null (use Optional.empty())");
        Objects.requireNonNull(defaultScale, "defaultScale must not be null (use Optional.empty())");
        DateParser.of(datePattern);
        Map<String, Scale> lower = new TreeMap<>();
        scales.forEach((question, scale) -> {
            Objects.requireNonNull(scale, "scale of question '" + question + "' must not be null");
            String key = question.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a scale is given for a blank question name");
            }
            if (lower.put(key, scale) != null) {
                throw new IllegalArgumentException("question '" + question + "' is given two scales");
            }
        });
        scales = Map.copyOf(lower);
    }

    /**
     * The defaults: {@code ,} with a header, {@code respondent_id,date,question,score[,segment][,weight]}, ISO dates,
     * scales by question kind, questions of no known kind rejected.
     *
     * @return the default options
     */
    public static SurveyCsvOptions defaults() {
        return new SurveyCsvOptions(
                Delimiter.COMMA,
                true,
                ColumnRef.named(RESPONDENT),
                ColumnRef.named(DATE),
                ColumnRef.named(QUESTION),
                ColumnRef.named(SCORE),
                Optional.empty(),
                Optional.empty(),
                CsvOptions.ISO_DATE,
                Map.of(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The scale of a question by these options' rules (see the class comment).
     *
     * @param question the question's name
     * @return its scale, or empty if none applies
     */
    public Optional<Scale> scaleOf(String question) {
        Scale given = scales.get(question.strip().toLowerCase(Locale.ROOT));
        if (given != null) {
            return Optional.of(given);
        }
        return QuestionKind.of(question).map(QuestionKind::defaultScale).or(() -> defaultScale);
    }

    /**
     * With another delimiter.
     *
     * @param value the delimiter
     * @return a copy
     */
    public SurveyCsvOptions withDelimiter(Delimiter value) {
        return new SurveyCsvOptions(
                value,
                header,
                respondentColumn,
                dateColumn,
                questionColumn,
                scoreColumn,
                segmentColumn,
                weightColumn,
                datePattern,
                scales,
                defaultScale,
                timeZone);
    }

    /**
     * With or without a header line.
     *
     * @param value whether the first line names the columns
     * @return a copy
     */
    public SurveyCsvOptions withHeader(boolean value) {
        return new SurveyCsvOptions(
                delimiter,
                value,
                respondentColumn,
                dateColumn,
                questionColumn,
                scoreColumn,
                segmentColumn,
                weightColumn,
                datePattern,
                scales,
                defaultScale,
                timeZone);
    }

    /**
     * With other columns for the four required fields.
     *
     * @param respondent the respondent id column
     * @param date the date column
     * @param question the question column
     * @param score the score column
     * @return a copy
     */
    public SurveyCsvOptions withColumns(ColumnRef respondent, ColumnRef date, ColumnRef question, ColumnRef score) {
        return new SurveyCsvOptions(
                delimiter,
                header,
                respondent,
                date,
                question,
                score,
                segmentColumn,
                weightColumn,
                datePattern,
                scales,
                defaultScale,
                timeZone);
    }

    /**
     * With a segment column, which must then exist.
     *
     * @param value the column
     * @return a copy
     */
    public SurveyCsvOptions withSegmentColumn(ColumnRef value) {
        return new SurveyCsvOptions(
                delimiter,
                header,
                respondentColumn,
                dateColumn,
                questionColumn,
                scoreColumn,
                Optional.of(value),
                weightColumn,
                datePattern,
                scales,
                defaultScale,
                timeZone);
    }

    /**
     * With a weight column, which must then exist.
     *
     * @param value the column
     * @return a copy
     */
    public SurveyCsvOptions withWeightColumn(ColumnRef value) {
        return new SurveyCsvOptions(
                delimiter,
                header,
                respondentColumn,
                dateColumn,
                questionColumn,
                scoreColumn,
                segmentColumn,
                Optional.of(value),
                datePattern,
                scales,
                defaultScale,
                timeZone);
    }

    /**
     * With another date pattern.
     *
     * @param value a {@link java.time.format.DateTimeFormatter} pattern
     * @return a copy
     */
    public SurveyCsvOptions withDatePattern(String value) {
        return new SurveyCsvOptions(
                delimiter,
                header,
                respondentColumn,
                dateColumn,
                questionColumn,
                scoreColumn,
                segmentColumn,
                weightColumn,
                value,
                scales,
                defaultScale,
                timeZone);
    }

    /**
     * With a scale for one question (replacing one given before for the same name).
     *
     * @param question the question's name, matched ignoring case
     * @param scale its scale
     * @return a copy
     */
    public SurveyCsvOptions withScale(String question, Scale scale) {
        Map<String, Scale> more = new TreeMap<>(scales);
        more.put(question.strip().toLowerCase(Locale.ROOT), scale);
        return new SurveyCsvOptions(
                delimiter,
                header,
                respondentColumn,
                dateColumn,
                questionColumn,
                scoreColumn,
                segmentColumn,
                weightColumn,
                datePattern,
                more,
                defaultScale,
                timeZone);
    }

    /**
     * With a scale for questions of no known kind.
     *
     * @param value the scale
     * @return a copy
     */
    public SurveyCsvOptions withDefaultScale(Scale value) {
        return new SurveyCsvOptions(
                delimiter,
                header,
                respondentColumn,
                dateColumn,
                questionColumn,
                scoreColumn,
                segmentColumn,
                weightColumn,
                datePattern,
                scales,
                Optional.of(value),
                timeZone);
    }

    /**
     * With date-times converted to their calendar date in a zone (a date without a time, or a date-time without an
     * offset, is taken as written).
     *
     * @param value the zone, such as {@code ZoneId.of("Europe/Berlin")}
     * @return a copy
     */
    public SurveyCsvOptions withTimeZone(ZoneId value) {
        Objects.requireNonNull(value, "time zone must not be null");
        return new SurveyCsvOptions(
                delimiter,
                header,
                respondentColumn,
                dateColumn,
                questionColumn,
                scoreColumn,
                segmentColumn,
                weightColumn,
                datePattern,
                scales,
                defaultScale,
                Optional.of(value));
    }
}
