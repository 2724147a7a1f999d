package org.loyaltykpi.cli;

import org.loyaltykpi.io.LoadSummary;

/** The load summary as JSON: the object {@code input} that every output writes beside its {@code source} string. */
final class SourceJson {
    private SourceJson() {}

    /**
     * Writes {@code "input": {"rows": .., "orderLines": .., "purchases": .., "orders": .. or null, "skipped": {reason:
     * {"rows", "firstLine"}}, "badRows": {...}, "excludedStatuses": {...}, "refunds": {"count", "lines", "amount",
     * "handling"}, "summary": "..."}}.
     */
    static void write(Json json, LoadSummary s) {
        json.beginObject("input")
                .field("rows", s.rows())
                .field("orderLines", s.orderLines())
                .field("purchases", s.purchases());
        if (s.grouped()) {
            json.field("orders", s.purchases());
        } else {
            json.nullField("orders");
        }
        skips(json, "skipped", s.skipped());
        skips(json, "badRows", s.badRows());
        skips(json, "excludedStatuses", s.excludedStatuses());
        json.beginObject("refunds")
                .field("count", s.refunds())
                .field("lines", s.refundLines())
                .field("amount", s.refundAmount())
                .field("handling", s.refundHandling().name().toLowerCase(java.util.Locale.ROOT))
                .endObject();
        json.field("summary", s.toString());
        json.endObject();
    }

    private static void skips(Json json, String name, java.util.Map<String, LoadSummary.Skipped> skips) {
        json.beginObject(name);
        skips.forEach((reason, skipped) -> json.beginObject(reason)
                .field("rows", skipped.rows())
                .field("firstLine", skipped.firstLine())
                .endObject());
        json.endObject();
    }
}
