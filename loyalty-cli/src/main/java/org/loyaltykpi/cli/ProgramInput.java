package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.ProgramEvent;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.CsvRead;
import org.loyaltykpi.io.ProgramEventCsv;

/** Loads loyalty-program events: a {@code --events} file, or the sample shop's events on the sample shop. */
final class ProgramInput {
    private ProgramInput() {}

    /**
     * The events of a file, else the sample shop's when the purchases are the sample shop's, else none.
     *
     * @param file the {@code --events} file, if given
     * @param table the purchases
     * @param purchases the purchase input: whether it is the sample shop, and how other inputs are read
     */
    static Optional<Loaded<List<ProgramEvent>>> load(
            Optional<Path> file, PurchaseTable table, PurchaseInput purchases) {
        SampleShop shop = SampleShop.standard();
        OtherInputs others = purchases.otherInputs();
        return CsvLayout.fileOrSampleShop(
                file,
                purchases.isSampleShop(),
                f -> {
                    CsvRead<List<ProgramEvent>> read =
                            ProgramEventCsv.readSkippingBadRows(f, others.events(), others.maxBadRows());
                    return Loaded.of(others.accept(read), OtherInputs.source(f, read));
                },
                () -> Loaded.of(
                        shop.programEvents(table),
                        "built-in sample shop's loyalty program (seed " + shop.seed() + "; 'loyalty sample"
                                + " --events-out FILE' writes it as CSV)"));
    }
}
