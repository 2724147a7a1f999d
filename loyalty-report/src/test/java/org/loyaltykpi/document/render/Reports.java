package org.loyaltykpi.document.render;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.document.Document;
import org.loyaltykpi.document.report.ReportDocument;
import org.loyaltykpi.document.report.ReportSources;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.io.ColumnRef;
import org.loyaltykpi.io.CsvOptions;
import org.loyaltykpi.io.Delimiter;
import org.loyaltykpi.io.PurchaseCsv;
import org.loyaltykpi.io.PurchaseLoad;
import org.loyaltykpi.report.LoyaltyReport;
import org.loyaltykpi.report.ReportInputs;
import org.loyaltykpi.report.ReportOptions;

/** The report documents the renderer tests draw: the built-in sample shop and CDNOW_master. */
final class Reports {
    private static Document sampleShop;
    private static Document cdnowMaster;

    private Reports() {}

    /** The sample shop's report with every input (survey answers, reviews, spend, program events). */
    static synchronized Document sampleShop() {
        if (sampleShop == null) {
            SampleShop shop = SampleShop.standard();
            PurchaseTable purchases = shop.purchases();
            ReportInputs inputs = ReportInputs.of(purchases)
                    .withAnswers(shop.surveyResponses(purchases))
                    .withReviews(shop.reviews(purchases))
                    .withSpend(shop.marketingSpend(purchases))
                    .withEvents(shop.programEvents(purchases));
            sampleShop = ReportDocument.of(
                    LoyaltyReport.compute(inputs, ReportOptions.defaults()),
                    new ReportSources(
                            "built-in sample shop",
                            Optional.of("sample survey"),
                            Optional.of("sample reviews"),
                            Optional.of("sample spend"),
                            Optional.of("sample events"),
                            "test"));
        }
        return sampleShop;
    }

    /**
     * CDNOW_master (69,659 purchases of 23,570 customers, 1997-01..1998-06): purchases only, the CLV model validated on
     * the last 39 weeks (the papers' split: 39 weeks of calibration, 39 of holdout).
     */
    static synchronized Document cdnowMaster() {
        if (cdnowMaster == null) {
            CsvOptions master = CsvOptions.defaults()
                    .withDelimiter(Delimiter.WHITESPACE)
                    .withDatePattern("yyyyMMdd")
                    .withAmountColumn(ColumnRef.named("dollar_value"))
                    .withQuantityColumn(ColumnRef.named("number_of_cds"));
            PurchaseLoad load = PurchaseCsv.load(resource("/cdnow/CDNOW_master.txt"), master);
            PurchaseTable purchases = load.table();
            // as the command line writes it: the source and its load summary, and the summary as JSON
            cdnowMaster = ReportDocument.of(
                            LoyaltyReport.compute(
                                    ReportInputs.of(purchases),
                                    ReportOptions.defaults().withClvHoldoutWeeks(39)),
                            ReportSources.of("CDNOW_master.txt: " + load.summary(), "test"))
                    .withInput(load.summary());
        }
        return cdnowMaster;
    }

    private static Path resource(String name) {
        try {
            return Path.of(Reports.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name + " is not on the test class path", e);
        }
    }
}
