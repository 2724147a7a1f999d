package org.loyaltykpi.document.report;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a report's inputs came from, for its header and section notes: descriptions such as a file name or "built-in
 * sample shop", and the version of the program that made the report.
 *
 * @param purchases where the purchases came from
 * @param answers where the survey answers came from, if the report has any
 * @param reviews where the reviews came from, if any
 * @param spend where the marketing spend came from, if any
 * @param events where the program events came from, if any
 * @param version the version that made the report
 */
public record ReportSources(
        String purchases,
        Optional<String> answers,
        Optional<String> reviews,
        Optional<String> spend,
        Optional<String> events,
        String version) {
    /** Validates the parts. */
    public ReportSources {
        Objects.requireNonNull(purchases, "purchases must not be null");
        Objects.requireNonNull(answers, "answers must not be null");
        Objects.requireNonNull(reviews, "reviews must not be null");
        Objects.requireNonNull(spend, "spend must not be null");
        Objects.requireNonNull(events, "events must not be null");
        Objects.requireNonNull(version, "version must not be null");
    }

    /**
     * Purchases only.
     *
     * @param purchases where they came from
     * @param version the version that made the report
     * @return the sources
     */
    public static ReportSources of(String purchases, String version) {
        return new ReportSources(
                purchases, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), version);
    }
}
