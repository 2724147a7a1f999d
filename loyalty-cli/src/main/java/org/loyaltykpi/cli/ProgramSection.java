package org.loyaltykpi.cli;

import java.io.PrintWriter;
import java.util.Optional;

/** The loyalty-program section: program metrics per report period, tiers, migration and lift. */
final class ProgramSection implements ReportSection {

    @Override
    public String title() {
        return "Loyalty program";
    }

    @Override
    public String jsonName() {
        return "program";
    }

    private static Optional<ProgramOutput> output(ReportData data) {
        return data.program()
                .flatMap(p -> ProgramOutput.of(data.purchases(), p.events(), data.granularity(), Optional.empty()));
    }

    @Override
    public void writeText(ReportData data, PrintWriter out) {
        Optional<ProgramOutput> output = output(data);
        if (output.isEmpty()) {
            out.println("  No program events: give them with --events FILE"
                    + " (customer_id,date,event,points,tier,referred_customer_id).");
            return;
        }
        out.println("events: " + data.program().get().source());
        out.println();
        output.get().text(out);
    }

    @Override
    public void writeJson(ReportData data, Json json) {
        json.beginObject();
        Optional<ProgramOutput> output = output(data);
        if (output.isPresent()) {
            json.field("source", data.program().get().source());
            output.get().json(json);
        } else {
            json.field("events", 0);
        }
        json.endObject();
    }
}
