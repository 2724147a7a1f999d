package org.loyaltykpi.cli;

import java.io.PrintWriter;

/**
 * One section of {@code loyalty report}. Each section computes from the shared {@link ReportData} and renders itself
 * as text and as one JSON field; {@link ReportCommand} numbers and orders the sections.
 */
interface ReportSection {

    /** The section title, for example {@code Purchase behaviour}. */
    String title();

    /** The name of the section's field in the JSON report, for example {@code purchaseBehaviour}. */
    String jsonName();

    /** Writes the section body as text (the command writes the numbered title). */
    void writeText(ReportData data, PrintWriter out);

    /** Writes the section as the value of its JSON field: the command has written the field name. */
    void writeJson(ReportData data, Json json);
}
