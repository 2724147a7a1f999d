package org.loyaltykpi.io;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.loyaltykpi.domain.PurchaseTable;

/** The CDNOW test files of {@code src/test/resources/cdnow} (see the README there), read with this library. */
public final class CdnowFiles {
    /** How {@code CDNOW_master.txt} is read: whitespace, header, {@code yyyyMMdd}, amount and quantity columns. */
    public static final CsvOptions MASTER = CsvOptions.defaults()
            .withDelimiter(Delimiter.WHITESPACE)
            .withDatePattern("yyyyMMdd")
            .withAmountColumn(ColumnRef.named("dollar_value"))
            .withQuantityColumn(ColumnRef.named("number_of_cds"));

    private CdnowFiles() {}

    /** The path of a CDNOW file on the test class path. */
    public static Path path(String name) {
        try {
            return Path.of(CdnowFiles.class.getResource("/cdnow/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code CDNOW_master.txt}: 69,659 purchases of 23,570 customers. */
    public static PurchaseTable master() {
        return PurchaseCsv.read(path("CDNOW_master.txt"), MASTER);
    }
}
