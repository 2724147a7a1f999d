package org.loyaltykpi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltykpi.demo.SampleShop;
import org.loyaltykpi.domain.Purchase;
import org.loyaltykpi.domain.PurchaseGenerators;
import org.loyaltykpi.domain.PurchaseTable;

/** The parallel byte-level fast path reads exactly what the general reader reads, or steps aside. */
class ParallelCsvLoaderTest {

    @TempDir
    Path dir;

    private static PurchaseTable general(Path file, CsvOptions options) throws IOException {
        return PurchaseCsv.read(new StringReader(Files.readString(file, StandardCharsets.UTF_8)), "test", options);
    }

    @Test
    void aFileOfSeveralChunksLoadsInParallelToTheSameTableAsTheGeneralReader() throws IOException {
        Path file = dir.resolve("shop.csv");
        PurchaseTable shop = SampleShop.standard().withCustomers(40_000).purchases();
        PurchaseCsv.write(shop, file);
        assertThat(Files.size(file)).as("more than one 8 MiB chunk").isGreaterThan(8L << 20);
        assertThat(ParallelCsvLoader.load(file, CsvOptions.defaults()).map(PurchaseLoad::table))
                .contains(shop);
        assertThat(general(file, CsvOptions.defaults())).isEqualTo(shop);
    }

    @Test
    void cdnowMasterLoadsOnTheFastPathLikeTheGeneralReader() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/cdnow/CDNOW_master.txt").toURI());
        CsvOptions cdnow = CsvOptions.defaults()
                .withDelimiter(Delimiter.WHITESPACE)
                .withDatePattern("yyyyMMdd")
                .withAmountColumn(ColumnRef.named("dollar_value"))
                .withQuantityColumn(ColumnRef.named("number_of_cds"));
        PurchaseTable fast = ParallelCsvLoader.load(file, cdnow).orElseThrow().table();
        assertThat(fast).isEqualTo(general(file, cdnow));
        assertThat(fast.size()).isEqualTo(69_659);
    }

    @Test
    void bareCarriageReturnsAndBadRowsAreLeftToTheGeneralReader() throws IOException {
        for (String content : List.of(
                "customer_id,date,amount\rc1,2024-01-01,1.00\r",
                "customer_id,date,amount\nc1,2024-02-30,1.00\n",
                "customer_id,date,amount\nc1,2024-02-03\n",
                "customer_id,date,amount\n,2024-02-03,1.00\n",
                "customer_id,date,amount\nc1,2024-02-03,1.001\n")) {
            Path file = dir.resolve("odd.csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            assertThat(ParallelCsvLoader.load(file, CsvOptions.defaults()))
                    .as(content)
                    .isEmpty();
        }
    }

    @Test
    void anyWrittenTableReadsBackIdenticallyThroughEitherPath() {
        qt().withFixedSeed(7_771L).forAll(PurchaseGenerators.purchaseLists()).checkAssert(purchases -> {
            try {
                PurchaseTable table = PurchaseTable.of(purchases);
                Path file = Files.createTempFile(dir, "random", ".csv");
                PurchaseCsv.write(table, file);
                assertThat(PurchaseCsv.read(file, CsvOptions.defaults())).isEqualTo(table);
                assertThat(general(file, CsvOptions.defaults())).isEqualTo(table);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void semicolonsDecimalCommasAndCrlfLoadOnTheFastPath() throws IOException {
        Path file = dir.resolve("eu.csv");
        Files.writeString(
                file,
                "\uFEFFkunde;datum;betrag\r\nk1;05.01.2024;12,50\r\n\r\nk2;06.01.2024;3\r\n",
                StandardCharsets.UTF_8);
        CsvOptions eu = CsvOptions.defaults()
                .withDelimiter(Delimiter.SEMICOLON)
                .withDecimalSeparator(',')
                .withDatePattern("dd.MM.yyyy")
                .withCustomerColumn(ColumnRef.named("kunde"))
                .withDateColumn(ColumnRef.named("datum"))
                .withAmountColumn(ColumnRef.named("betrag"));
        PurchaseTable fast = ParallelCsvLoader.load(file, eu).orElseThrow().table();
        assertThat(fast).isEqualTo(general(file, eu));
        assertThat(fast.stream())
                .containsExactly(Purchase.of("k1", "2024-01-05", "12.50"), Purchase.of("k2", "2024-01-06", "3.00"));
    }

    @Test
    void shuffledRowsOverSeveralChunksLoadLikeTheGeneralReader() throws IOException {
        PurchaseTable shop = SampleShop.standard().withCustomers(40_000).purchases();
        Path sorted = dir.resolve("sorted.csv");
        PurchaseCsv.write(shop, sorted);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(sorted, StandardCharsets.UTF_8));
        String header = lines.remove(0);
        java.util.Collections.shuffle(lines, new java.util.Random(11));
        lines.add(0, header);
        Path shuffled = dir.resolve("shuffled.csv");
        Files.write(shuffled, lines, StandardCharsets.UTF_8);
        // Same-day rows of a customer keep file order, so the shuffled file is compared with the general reader.
        PurchaseTable fast = ParallelCsvLoader.load(shuffled, CsvOptions.defaults())
                .orElseThrow()
                .table();
        assertThat(fast).isEqualTo(general(shuffled, CsvOptions.defaults()));
        assertThat(fast.size()).isEqualTo(shop.size());
        assertThat(fast.customerCount()).isEqualTo(shop.customerCount());
    }

    /** The fast path with the rules of real exports: the same load (table and summary) as the general reader. */
    private void sameLoadAsTheGeneralReader(String csv, CsvOptions options) throws IOException {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        PurchaseLoad general = PurchaseCsv.load(new StringReader(csv), file.toString(), options, 0);
        assertThat(ParallelCsvLoader.load(file, options)).as(csv).contains(general);
    }

    @Test
    void orderLinesRefundsAndGuestsStayOnTheFastPath() throws IOException {
        // The Online Retail layout (unquoted): invoices, C-invoices and rows without a customer.
        sameLoadAsTheGeneralReader(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                        + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/10 8:26,2.55,17850,United Kingdom\n"
                        + "536365,71053,WHITE METAL LANTERN,6,12/1/10 8:26,3.39,17850,United Kingdom\n"
                        + "C536383,35004C,SET OF 3 COLOURED FLYING DUCKS,-1,12/1/10 9:49,4.65,17850,United Kingdom\n"
                        + "536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,12/1/10 14:32,2.51,,United Kingdom\n"
                        + "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/10 8:34,1.69,13047,United Kingdom\n",
                PurchasePreset.ONLINE_RETAIL.csvOptions());
    }

    @Test
    void signsCurrenciesThousandsSeparatorsDateTimesAndStatusesStayOnTheFastPath() throws IOException {
        sameLoadAsTheGeneralReader(
                "customer_id;date;amount;status\n"
                        + "c1;2024-03-05T23:30:00-07:00;1.234,50 €;paid\n"
                        + "c2;2024-03-06 09:00;12,00 €;paid\n"
                        + "c1;2024-03-07;-2,00 €;paid\n"
                        + "c3;2024-03-08;5,00 €;failed\n"
                        + "0;2024-03-09;5,00 €;paid\n",
                CsvOptions.defaults()
                        .withDelimiter(Delimiter.SEMICOLON)
                        .withDecimalSeparator(',')
                        .withThousandsSeparator('.')
                        .withTimeZone(java.time.ZoneId.of("Europe/Berlin"))
                        .withRules(PurchaseRules.defaults()
                                .withStatusColumn(ColumnRef.named("status"))
                                .withExcludeStatuses(java.util.Set.of("failed"))
                                .withGuestIds(java.util.Set.of("0"))
                                .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP)));
    }

    @Test
    void aRuleThatRefusesARowHandsTheFileToTheGeneralReader() throws IOException {
        Path file = dir.resolve("guest.csv");
        Files.writeString(file, "customer_id,date,amount\nc1,2024-03-05,1.00\n,2024-03-06,2.00\n");
        assertThat(ParallelCsvLoader.load(file, CsvOptions.defaults())).isEmpty();
    }

    @Test
    void aRefundInALaterChunkHandsThePlainRowsAlreadyLoadedToTheRulesAndLoadsLikeTheGeneralReader() throws IOException {
        Path file = dir.resolve("late-refund.csv");
        PurchaseCsv.write(SampleShop.standard().withCustomers(60_000).purchases(), file);
        assertThat(Files.size(file)).as("more than two 8 MiB chunks").isGreaterThan(16L << 20);
        Files.writeString(
                file,
                "C0000001,2025-06-01,-4.50,music,1\n,2025-06-02,7.00,music,1\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        CsvOptions options = CsvOptions.defaults()
                .withRules(PurchaseRules.defaults().withMissingCustomer(PurchaseRules.MissingCustomer.SKIP));
        List<Long> progress = new java.util.ArrayList<>();
        PurchaseLoad fast = ParallelCsvLoader.load(file, options, progress::add).orElseThrow();
        PurchaseLoad general = PurchaseCsv.load(
                new StringReader(Files.readString(file, StandardCharsets.UTF_8)), file.toString(), options, 0);
        assertThat(fast).isEqualTo(general);
        assertThat(fast.table().refundCount()).isEqualTo(1);
        assertThat(fast.summary().rows()).isEqualTo(fast.table().size() + 2L);
        assertThat(progress).as("one report per wave, rising to every row").isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(fast.summary().rows());
    }

    @Test
    void everyPresetsExportLoadsOnTheFastPathLikeTheGeneralReaderQuotedAmountsAndTimeStampsIncluded()
            throws IOException, URISyntaxException {
        for (PurchasePreset preset : PurchasePreset.values()) {
            String name = switch (preset) {
                case SHOPIFY -> "shopify_orders_export.csv";
                case WOOCOMMERCE -> "woocommerce_orders.csv";
                case STRIPE -> "stripe_payments.csv";
                case ONLINE_RETAIL -> "online_retail.csv";
            };
            Path file = Path.of(getClass().getResource("/exports/" + name).toURI());
            for (CsvOptions options : List.of(
                    preset.csvOptions(),
                    preset.csvOptions().withTimeZone(java.time.ZoneId.of("America/Los_Angeles")),
                    preset.csvOptions().withTimeZone(java.time.ZoneOffset.ofHours(9)))) {
                String csv = Files.readString(file, StandardCharsets.UTF_8);
                PurchaseLoad general = PurchaseCsv.load(new StringReader(csv), file.toString(), options, 0);
                assertThat(ParallelCsvLoader.load(file, options))
                        .as(name + " " + options.timeZone())
                        .contains(general);
            }
        }
    }

    @Test
    void quotedFieldsAndHeaderNamesStayOnTheFastPathWhileEscapedQuotesAndQuotedLineBreaksDoNot() throws IOException {
        sameLoadAsTheGeneralReader(
                "\"customer_id\",\"date\",\"amount\"\n\"c1\",2024-01-01,\"1,250.00\"\n c2 , \"2024-01-02\" ,3.00\n"
                        + "\"c,3\",2024-01-03,4.00\n",
                CsvOptions.defaults().withThousandsSeparator(','));
        assertThat(ParallelCsvLoader.load(
                        write("customer_id,date,amount\n\"c1\",2024-01-01,\"1,250.00\"\n"),
                        CsvOptions.defaults().withThousandsSeparator(',')))
                .isPresent();
        for (String content : List.of(
                "customer_id,date,amount\n\"c\"\"1\",2024-01-01,1.00\n",
                "customer_id,date,amount\n\"c\n1\",2024-01-01,1.00\n",
                "customer_id,date,amount\nc\"1\",2024-01-01,1.00\n",
                "customer_id,date,amount\n\"c1\"x,2024-01-01,1.00\n",
                "customer_id,date,amount\n\" c1\",2024-01-01,1.00\n",
                "customer_id,date,amount\n\"c1,2024-01-01,1.00\n",
                "\"customer_id,date\",amount\nc1,2024-01-01,1.00\n")) {
            assertThat(ParallelCsvLoader.load(write(content), CsvOptions.defaults()))
                    .as(content)
                    .isEmpty();
        }
    }

    @Test
    void thousandsSeparatorsAreReadInPlaceAndBadGroupingIsLeftToTheGeneralReader() throws IOException {
        sameLoadAsTheGeneralReader(
                "customer_id,date,amount\nc1,2024-01-01,\"1,250.00\"\nc2,2024-01-02,\"12,345,678.5\"\n"
                        + "c3,2024-01-03,999.99\nc4,2024-01-04,\"1,000\"\n",
                CsvOptions.defaults().withThousandsSeparator(','));
        sameLoadAsTheGeneralReader(
                "customer_id;date;amount\nc1;2024-01-01;1.250,00\nc2;2024-01-02;12.345.678,5\n",
                CsvOptions.defaults()
                        .withDelimiter(Delimiter.SEMICOLON)
                        .withDecimalSeparator(',')
                        .withThousandsSeparator('.'));
        for (String amount : List.of("\"1,25.00\"", "\"1234,567.00\"", "\",123.00\"", "\"1,2345\"", "\"1,234,56\"")) {
            assertThat(ParallelCsvLoader.load(
                            write("customer_id,date,amount\nc1,2024-01-01," + amount + "\n"),
                            CsvOptions.defaults().withThousandsSeparator(',')))
                    .as(amount)
                    .isEmpty();
        }
    }

    @Test
    void anyTenBytesWithIsoDashesGiveTheDayTheGeneralReaderGivesOrLeaveTheFileToIt() {
        String alphabet = "0123456789012345678901234567890123456789/: a+\u00e9";
        qt().withFixedSeed(2_024L)
                .withExamples(400)
                .forAll(
                        org.quicktheories.generators.SourceDSL.longs()
                                .between(
                                        java.time.LocalDate.of(1000, 1, 1).toEpochDay(),
                                        java.time.LocalDate.of(9999, 12, 31).toEpochDay())
                                .map(java.time.LocalDate::ofEpochDay),
                        org.quicktheories.generators.SourceDSL.integers().between(-1, 9),
                        org.quicktheories.generators.SourceDSL.integers().between(0, alphabet.length() - 1))
                .checkAssert((date, position, replacement) -> {
                    // a valid date, or one of its bytes (not a dash) replaced by another
                    StringBuilder text = new StringBuilder(date.toString());
                    if (position >= 0 && position != 4 && position != 7) {
                        text.setCharAt(position, alphabet.charAt(replacement));
                    }
                    // four lines: the first ones read value by value, the last ones by fields
                    String csv = "customer_id,date,amount\n" + ("c1," + text + ",1.00\n").repeat(4);
                    java.util.Optional<PurchaseLoad> general;
                    try {
                        general = java.util.Optional.of(
                                PurchaseCsv.load(new StringReader(csv), "test", CsvOptions.defaults(), 0));
                    } catch (CsvFormatException e) {
                        general = java.util.Optional.empty();
                    }
                    try {
                        java.util.Optional<PurchaseLoad> fast =
                                ParallelCsvLoader.load(write(csv), CsvOptions.defaults());
                        assertThat(fast).as(text.toString()).isEqualTo(general);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Test
    void anyIsoTimeStampGivesTheDayTheGeneralReaderGivesInAnyZone() {
        List<java.time.ZoneId> zones = List.of(
                java.time.ZoneId.of("Europe/Berlin"),
                java.time.ZoneId.of("America/Los_Angeles"),
                java.time.ZoneId.of("Pacific/Kiritimati"),
                java.time.ZoneOffset.ofHoursMinutes(-9, -30));
        List<String> offsets = List.of("", "Z", " +0100", "-07:00", "+14", " -0930", "+18:00", " UTC", "+05:45");
        qt().withFixedSeed(12_012L)
                .withExamples(60)
                .forAll(
                        org.quicktheories.generators.SourceDSL.lists()
                                .of(org.quicktheories.generators.SourceDSL.longs()
                                        .between(1_500_000_000L, 1_800_000_000L))
                                .ofSizeBetween(1, 20),
                        org.quicktheories.generators.SourceDSL.integers().between(0, 4))
                .checkAssert((seconds, zone) -> {
                    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
                    int k = 0;
                    for (long second : seconds) {
                        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(
                                second, (int) (second % 7) * 100_000_000, java.time.ZoneOffset.UTC);
                        String stamp = switch (k % 4) {
                            case 0 -> t.toLocalDate() + "T" + t.toLocalTime();
                            case 1 -> t.toLocalDate() + " " + t.toLocalTime().withNano(0);
                            case 2 -> t.toLocalDate() + " " + String.format("%02d:%02d", t.getHour(), t.getMinute());
                            default -> t.toLocalDate() + "t" + t.toLocalTime().withNano(0);
                        };
                        csv.append('c')
                                .append(k % 3)
                                .append(',')
                                .append(stamp)
                                .append(offsets.get(k % offsets.size()))
                                .append(",1.00\n");
                        k++;
                    }
                    try {
                        for (CsvOptions options : zone == zones.size()
                                ? List.of(CsvOptions.defaults())
                                : List.of(CsvOptions.defaults().withTimeZone(zones.get(zone)))) {
                            sameLoadAsTheGeneralReader(csv.toString(), options);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    /**
     * A random export with the fields in any order, each written in one of the ways real files write it: plain, with
     * blanks around it, quoted, as a date-time, an amount with a currency, thousands separators or one decimal, an
     * empty category, columns nobody reads, carriage returns before line breaks, blank lines.
     */
    private static String anyFieldShapes(long seed, int rows) {
        java.util.Random random = new java.util.Random(seed);
        List<String> columns = new java.util.ArrayList<>(
                List.of("customer_id", "date", "amount", "category", "quantity", "note", "channel"));
        if (random.nextBoolean()) {
            columns.remove("quantity");
        }
        if (random.nextBoolean()) {
            columns.remove("category");
        }
        java.util.Collections.shuffle(columns, random);
        boolean crlf = random.nextInt(3) == 0;
        String lineBreak = crlf ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append(lineBreak);
        for (int row = 0; row < rows; row++) {
            if (random.nextInt(40) == 0) {
                csv.append(lineBreak); // a blank line
            }
            List<String> fields = new java.util.ArrayList<>();
            int customer = random.nextInt(30);
            int day = 1 + random.nextInt(28);
            int cents = 1 + random.nextInt(400_000);
            for (String column : columns) {
                String plain = switch (column) {
                    case "customer_id" ->
                        random.nextInt(50) == 0
                                ? "" // skipped: the rules count it with its line
                                : random.nextInt(4) == 0 ? "customer-number-" + customer : "c" + customer;
                    case "date" -> String.format(java.util.Locale.ROOT, "2024-03-%02d", day);
                    case "amount" -> String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
                    case "category" ->
                        List.of("", "books", "music", "garden tools").get(random.nextInt(4));
                    case "quantity" -> String.valueOf(1 + random.nextInt(12));
                    default -> List.of("", "web", "a note, with a comma", "x").get(random.nextInt(4));
                };
                String field = switch (random.nextInt(12)) {
                    case 0 -> " " + plain + "\t";
                    case 1 -> plain.isEmpty() && !column.equals("category") ? plain : "\"" + plain + "\"";
                    case 2 ->
                        switch (column) {
                            case "date" -> plain + (random.nextBoolean() ? "T14:22:10Z" : " 09:05:00+01:00");
                            case "amount" ->
                                List.of(
                                                "$" + plain,
                                                String.format(
                                                        java.util.Locale.ROOT,
                                                        "\"%,d.%02d\"",
                                                        cents / 100,
                                                        cents % 100),
                                                String.valueOf(cents / 100),
                                                cents / 100 + "." + cents % 10,
                                                "00" + plain,
                                                "-" + plain,
                                                random.nextInt(1, 1_000_000_000) + "0" + plain, // 6 to 14 whole digits
                                                random.nextInt(1, 10_000) + "0"
                                                        + cents / 100) // up to 9 digits, no decimals
                                        .get(random.nextInt(8));
                            case "quantity" ->
                                List.of("0" + plain, "12345678", "123456789").get(random.nextInt(3));
                            default -> plain;
                        };
                    default -> plain;
                };
                fields.add(field.contains(",") && !field.startsWith("\"") ? "\"" + field.strip() + "\"" : field);
            }
            csv.append(String.join(",", fields)).append(lineBreak);
        }
        return csv.toString();
    }

    @Test
    void linesReadValueByValueLoadLikeTheGeneralReaderWhateverShapeEachFieldIsWrittenIn() {
        qt().withFixedSeed(90_210L)
                .withExamples(150)
                .forAll(
                        org.quicktheories.generators.SourceDSL.longs().all(),
                        org.quicktheories.generators.SourceDSL.integers().between(1, 300),
                        org.quicktheories.generators.SourceDSL.integers().between(40, 3_000))
                .checkAssert((seed, rows, chunkBytes) -> assertChunksLoadAsTheGeneralReader(
                        anyFieldShapes(seed, rows),
                        CsvOptions.defaults()
                                .withThousandsSeparator(',')
                                .withRules(PurchaseRules.defaults()
                                        .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP)),
                        chunkBytes));
    }

    /**
     * Ids in ascending order (a file sorted by customer, the common export) go to the table as bytes when they are
     * ASCII and as strings when they are not; either way, and with a customer's rows split between chunks, the table
     * is the general reader's.
     */
    @Test
    void idsInAscendingOrderOverAnyChunksLoadLikeTheGeneralReaderAsciiOrNot() {
        String alphabet = "aZ0-\u00e9\u20ac";
        qt().withFixedSeed(120_41L)
                .withExamples(120)
                .forAll(
                        org.quicktheories.generators.SourceDSL.longs().all(),
                        org.quicktheories.generators.SourceDSL.integers().between(1, 200),
                        org.quicktheories.generators.SourceDSL.integers().between(40, 2_000))
                .checkAssert((seed, customers, chunkBytes) -> {
                    java.util.Random random = new java.util.Random(seed);
                    boolean asciiOnly = random.nextBoolean();
                    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
                    while (ids.size() < customers) {
                        // ASCII at both ends: an id that starts or ends with another character is left to the
                        // general reader (it may be white space the general reader strips)
                        StringBuilder id = new StringBuilder().append(alphabet.charAt(random.nextInt(4)));
                        for (int i = 0, n = random.nextInt(5); i < n; i++) {
                            id.append(alphabet.charAt(random.nextInt(asciiOnly ? 4 : alphabet.length())));
                        }
                        ids.add(id.append(alphabet.charAt(random.nextInt(4))).toString());
                    }
                    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
                    for (String id : ids) {
                        for (int row = 0, n = 1 + random.nextInt(4); row < n; row++) {
                            csv.append(id)
                                    .append(",2024-03-")
                                    .append(String.format(java.util.Locale.ROOT, "%02d", 1 + random.nextInt(28)))
                                    .append(',')
                                    .append(1 + random.nextInt(500))
                                    .append(".00\n");
                        }
                    }
                    assertChunksLoadAsTheGeneralReader(csv.toString(), CsvOptions.defaults(), chunkBytes);
                });
    }

    /** Order lines grouped in chunks and merged at each wave's end: the same orders as line by line. */
    @org.junit.jupiter.api.Nested
    class SplitAndMerge {

        /**
         * A random order-line export: orders spread over the file (most lines next to their order's others, some
         * far away), several customers an order id, guests, statuses written on some lines only, several categories,
         * refunded amounts and negative lines, dates around a window.
         */
        private String orderLines(long seed, int lines) {
            java.util.Random random = new java.util.Random(seed);
            StringBuilder csv = new StringBuilder(ORDER_LINES_HEADER);
            int order = 1000;
            for (int i = 0; i < lines; i++) {
                if (random.nextInt(3) == 0) {
                    order = 1000 + random.nextInt(i / 2 + 2); // an earlier order again, or a new one
                }
                orderLine(csv, random, order, random.nextInt(9));
            }
            return csv.toString();
        }

        private static final String ORDER_LINES_HEADER =
                "Name,Email,Financial Status,Total,Created at,Refunded Amount,Cat,Qty\n";

        /**
         * An export as shops write one: orders numbered upwards from any number (so ids grow a digit, {@code #999}
         * then {@code #1000}), each order's lines together and of one customer; and, after a random line, one way the
         * numbering breaks (by {@code breaking}): none, a line of an earlier order, the current order's id for
         * another customer, or a smaller id from then on.
         */
        private String numberedOrderLines(long seed, int lines, int breaking) {
            java.util.Random random = new java.util.Random(seed);
            StringBuilder csv = new StringBuilder(ORDER_LINES_HEADER);
            int order = 1 + random.nextInt(1_200);
            int customer = random.nextInt(9);
            int breakAt = random.nextInt(lines + 1);
            for (int i = 0; i < lines; i++) {
                if (random.nextInt(3) == 0) {
                    order += 1 + random.nextInt(2);
                    customer = random.nextInt(9);
                }
                if (i == breakAt && breaking == 1) {
                    orderLine(csv, random, Math.max(1, order - 1 - random.nextInt(5)), random.nextInt(9));
                } else if (i == breakAt && breaking == 2) {
                    orderLine(csv, random, order, (customer + 1 + random.nextInt(8)) % 9);
                } else if (i == breakAt && breaking == 3) {
                    order = Math.max(1, order / 2);
                }
                orderLine(csv, random, order, customer);
            }
            return csv.toString();
        }

        /** One line of order {@code #order} for customer {@code customer} (7: no email, 8: the guest id). */
        private void orderLine(StringBuilder csv, java.util.Random random, int order, int customer) {
            List<String> statuses =
                    List.of("paid", "", "", "Paid", "refunded", "pending", " voided ", "partially_refunded");
            List<String> categories = List.of("", "", "books", "music", "toys", "\"games\"");
            String email = customer == 7 ? "" : customer == 8 ? "guest" : "c" + customer + "@shop.example";
            long cents = random.nextInt(5) == 0 ? -random.nextInt(2_000) : random.nextInt(200_000);
            String total = random.nextInt(4) == 0
                    ? ""
                    : cents < 0
                            ? String.format(java.util.Locale.ROOT, "-%d.%02d", -cents / 100, -cents % 100)
                            : String.format(java.util.Locale.ROOT, "\"%,d.%02d\"", cents / 100, cents % 100);
            String refunded = random.nextInt(5) == 0 ? String.valueOf(random.nextInt(50)) : "";
            String day = String.format(
                    java.util.Locale.ROOT,
                    "2024-0%d-%02d %02d:%02d:00 +0100",
                    1 + random.nextInt(3),
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60));
            csv.append('#')
                    .append(order)
                    .append(',')
                    .append(email)
                    .append(',')
                    .append(statuses.get(random.nextInt(statuses.size())))
                    .append(',')
                    .append(total)
                    .append(',')
                    .append(day)
                    .append(',')
                    .append(refunded)
                    .append(',')
                    .append(categories.get(random.nextInt(categories.size())))
                    .append(',')
                    .append(1 + random.nextInt(3))
                    .append('\n');
        }

        @Test
        void orderLinesSplitOverAnyChunksAndWavesGroupIntoTheOrdersTheGeneralReaderGroupsLineByLine() {
            forAnyExport(12_345L, 120, 4, (seed, lines, chunkBytes, variant) -> {
                PurchaseRules rules = PurchasePreset.SHOPIFY
                        .csvOptions()
                        .rules()
                        .withGuestIds(java.util.Set.of("guest"))
                        .withRefunds(variant % 2 == 0 ? PurchaseRules.Refunds.NET : PurchaseRules.Refunds.EXCLUDE);
                if (variant >= 2) {
                    rules = rules.withExcludeStatuses(java.util.Set.of())
                            .withIncludeStatuses(java.util.Set.of("paid", "partially_refunded"))
                            .withSince(java.time.LocalDate.of(2024, 1, 20))
                            .withUntil(java.time.LocalDate.of(2024, 3, 10));
                }
                CsvOptions options =
                        withCategoryAndQuantity(PurchasePreset.SHOPIFY).withRules(rules);
                String csv = orderLines(seed, lines);
                assertChunksLoadAsTheGeneralReader(csv, options, chunkBytes);
            });
        }

        @Test
        void orderLinesNumberedUpwardsGroupAsTheGeneralReaderGroupsThemWhereverTheNumberingBreaks() {
            forAnyExport(271_828L, 160, 4, (seed, lines, chunkBytes, breaking) -> {
                CsvOptions options = withCategoryAndQuantity(PurchasePreset.SHOPIFY)
                        .withRules(PurchasePreset.SHOPIFY.csvOptions().rules().withGuestIds(java.util.Set.of("guest")));
                assertChunksLoadAsTheGeneralReader(numberedOrderLines(seed, lines, breaking), options, chunkBytes);
            });
        }

        /** The preset's options, with the generated exports' category ({@code Cat}) and quantity ({@code Qty}). */
        private CsvOptions withCategoryAndQuantity(PurchasePreset preset) {
            return preset.csvOptions()
                    .withCategoryColumn(ColumnRef.named("Cat"))
                    .withQuantityColumn(ColumnRef.named("Qty"));
        }

        /**
         * Checks {@code law} over {@code examples} random exports (fixed seed {@code fixedSeed}): a seed, 1 to 400 lines,
         * chunks of 1 to 2,000 bytes, and one of {@code variants} variants (0 to {@code variants - 1}).
         */
        private void forAnyExport(
                long fixedSeed,
                int examples,
                int variants,
                org.quicktheories.api.QuadConsumer<Long, Integer, Integer, Integer> law) {
            qt().withFixedSeed(fixedSeed)
                    .withExamples(examples)
                    .forAll(
                            org.quicktheories.generators.SourceDSL.longs().all(),
                            org.quicktheories.generators.SourceDSL.integers().between(1, 400),
                            org.quicktheories.generators.SourceDSL.integers().between(1, 2_000),
                            org.quicktheories.generators.SourceDSL.integers().between(0, variants - 1))
                    .checkAssert(law);
        }

        /**
         * A random payments export, one row per purchase (the Stripe layout): guests (no id, or a guest id), statuses
         * in several spellings, refunded amounts (some refunding all), negative amounts, zero amounts, quoted amounts
         * with thousands separators, dates around a window.
         */
        private String payments(long seed, int rows) {
            java.util.Random random = new java.util.Random(seed);
            List<String> statuses =
                    List.of("Paid", "Paid", "", "Failed", "failed", " Canceled ", "Refunded", "Pending");
            List<String> categories = List.of("", "books", "music", "\"toys\"");
            StringBuilder csv =
                    new StringBuilder("id,Customer ID,Created date (UTC),Amount,Amount Refunded,Status,Cat,Qty\n");
            for (int i = 0; i < rows; i++) {
                int customer = random.nextInt(9);
                String id = customer == 7 ? "" : customer == 8 ? "guest" : "cus_" + customer;
                long cents = random.nextInt(6) == 0
                        ? -random.nextInt(3_000)
                        : random.nextInt(10) == 0 ? 0 : random.nextInt(300_000);
                String amount = cents < 0
                        ? String.format(java.util.Locale.ROOT, "-%d.%02d", -cents / 100, -cents % 100)
                        : String.format(java.util.Locale.ROOT, "\"%,d.%02d\"", cents / 100, cents % 100);
                int refundedCase = random.nextInt(6);
                String refunded = refundedCase == 0
                        ? String.valueOf(random.nextInt(50))
                        : refundedCase == 1 && cents > 0
                                ? String.format(java.util.Locale.ROOT, "\"%,d.%02d\"", cents / 100, cents % 100)
                                : "";
                csv.append("ch_")
                        .append(i)
                        .append(',')
                        .append(id)
                        .append(',')
                        .append(String.format(
                                java.util.Locale.ROOT, "2024-0%d-%02d", 1 + random.nextInt(3), 1 + random.nextInt(28)))
                        .append(',')
                        .append(amount)
                        .append(',')
                        .append(refunded)
                        .append(',')
                        .append(statuses.get(random.nextInt(statuses.size())))
                        .append(',')
                        .append(categories.get(random.nextInt(categories.size())))
                        .append(',')
                        .append(1 + random.nextInt(3))
                        .append('\n');
            }
            return csv.toString();
        }

        @Test
        void rowsJudgedByTheRulesInAnyChunksAndWavesGiveTheTableAndSummaryTheGeneralReaderGivesRowByRow() {
            forAnyExport(54_321L, 120, 6, (seed, rows, chunkBytes, variant) -> {
                CsvOptions stripe = withCategoryAndQuantity(PurchasePreset.STRIPE);
                PurchaseRules rules = stripe.rules()
                        .withGuestIds(java.util.Set.of("guest"))
                        .withRefunds(variant % 2 == 0 ? PurchaseRules.Refunds.NET : PurchaseRules.Refunds.EXCLUDE);
                if (variant == 2 || variant == 3) {
                    rules = rules.withExcludeStatuses(java.util.Set.of())
                            .withIncludeStatuses(java.util.Set.of("Paid", "Refunded"))
                            .withSince(java.time.LocalDate.of(2024, 1, 20))
                            .withUntil(java.time.LocalDate.of(2024, 3, 10));
                }
                if (variant >= 4) {
                    // no rule column: the rows are plain until a chunk meets a guest or a refund
                    rules = PurchaseRules.defaults()
                            .withMissingCustomer(PurchaseRules.MissingCustomer.SKIP)
                            .withRefunds(rules.refunds());
                }
                CsvOptions options = stripe.withRules(rules);
                String csv = payments(seed, rows);
                assertChunksLoadAsTheGeneralReader(csv, options, chunkBytes);
            });
        }
    }

    /** The parallel loader over chunks of {@code chunkBytes} gives the table and summary of the general reader. */
    private void assertChunksLoadAsTheGeneralReader(String csv, CsvOptions options, int chunkBytes) {
        try {
            Path file = write(csv);
            PurchaseLoad general = PurchaseCsv.load(new StringReader(csv), file.toString(), options, 0);
            assertThat(ParallelCsvLoader.load(file, options, rows -> {}, chunkBytes))
                    .as("chunks of %d bytes:%n%s", chunkBytes, csv)
                    .contains(general);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "case", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
