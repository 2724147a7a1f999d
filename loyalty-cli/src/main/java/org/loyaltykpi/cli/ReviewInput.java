package org.loyaltykpi.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.io.CsvRead;
import org.loyaltykpi.io.ReviewCsv;
import picocli.CommandLine.Option;

/** The {@code --reviews FILE} input: reviews CSV, or the sample shop's reviews when the purchases are the sample's. */
final class ReviewInput {

    @Option(
            names = "--reviews",
            paramLabel = "FILE",
            description = "Reviews CSV: customer_id,date[,rating][,sentiment] (rating 1..5, sentiment positive,"
                    + " neutral or negative; at least one per row). Without it: the sample shop's reviews when the"
                    + " purchases are the sample shop, else none.")
    private Optional<Path> reviews = Optional.empty();

    /**
     * The reviews: the file if given, else the sample shop's when the purchases are the sample shop's, else none.
     *
     * @param purchases the purchase input: whether it is the sample shop, and how other inputs are read
     * @param table the purchases, so the sample reviews need not regenerate them
     */
    Optional<Loaded<List<Review>>> load(PurchaseInput purchases, PurchaseTable table) {
        OtherInputs others = purchases.otherInputs();
        return CsvLayout.fileOrSampleShop(
                reviews,
                purchases.isSampleShop(),
                file -> {
                    CsvRead<List<Review>> read =
                            ReviewCsv.readSkippingBadRows(file, others.reviews(), others.maxBadRows());
                    return Loaded.of(others.accept(read), OtherInputs.source(file, read));
                },
                () -> Loaded.of(
                        SampleShop.standard().reviews(table),
                        "built-in sample shop's reviews ('loyalty sample --reviews-out FILE' writes them as CSV)"));
    }
}
