package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.ProgramEventCsv;

/** Loads loyalty-program events: a {@code --events} file, or the sample shop's events on the sample shop. */
final class ProgramInput {
    private ProgramInput() {}

    /**
     * The events of a file, else the sample shop's when the purchases are the sample shop's, else none.
     *
     * @param file the {@code --events} file, if given
     * @param table the purchases
     * @param sampleShop whether the purchases are the built-in sample shop's
     */
    static Optional<Loaded<List<ProgramEvent>>> load(Optional<Path> file, PurchaseTable table, boolean sampleShop) {
        SampleShop shop = SampleShop.standard();
        return CsvLayout.fileOrSampleShop(
                file,
                sampleShop,
                f -> Loaded.of(ProgramEventCsv.read(f), f.toString()),
                () -> Loaded.of(
                        shop.programEvents(table),
                        "built-in sample shop's loyalty program (seed " + shop.seed() + "; 'loyalty sample"
                                + " --events-out FILE' writes it as CSV)"));
    }
}
