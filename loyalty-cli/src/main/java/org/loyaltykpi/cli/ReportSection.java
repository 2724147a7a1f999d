package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One section of {@code loyalty report}. Each section computes from the shared {@link ReportData} and renders itself
 * as text, as one JSON field and as HTML; {@link ReportCommand} numbers and orders the sections.
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

    /**
     * Writes the section body as HTML (the command writes the section element and its numbered heading). By default
     * the text body in a {@code <pre>} block: the text tables are aligned for a monospaced font, so they stay
     * readable and every number of the text report is in the HTML one.
     */
    default void writeHtml(ReportData data, PrintWriter out) {
        StringWriter text = new StringWriter();
        try (PrintWriter body = new PrintWriter(text)) {
            writeText(data, body);
        }
        out.print("<pre>");
        out.print(Html.escape(text.toString()));
        out.println("</pre>");
    }
}
