package org.loyaltykpi.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.loyaltykpi.domain.PurchaseTable;
import org.loyaltykpi.internal.ChunkIds;
import org.loyaltykpi.internal.ColumnAppender;
import org.loyaltykpi.internal.ParallelScans;

/**
 * The fast path of {@link PurchaseCsv#read(Path, CsvOptions)}: the file is cut at line breaks into chunks that are
 * parsed in parallel straight from bytes, each into primitive columns with chunk-local id dictionaries, then added to
 * one {@link PurchaseTable.Builder} in file order.
 *
 * <p>It reads what real exports hold: quoted fields and header names ({@code "1,250.00"}), amounts with a sign, a
 * currency or thousands separators, ISO date-times with offsets (converted to a time zone), and the row rules (orders,
 * refunds, statuses, guests) through {@link PurchaseAssembler}. At the first thing it does not handle (an escaped
 * quote or a line break inside quotes, a blank or non-ASCII-edged id, a value that does not parse, a short row, a rule
 * that refuses a row) it gives up and {@link PurchaseCsv} reads the file again with the general reader, which accepts
 * every valid file and names file, line, column and value of the first bad row. So the fast path never decides what
 * is valid: it only skips work on files that are.
 *
 * <p>Memory: the chunks are parsed in waves of two per thread and added to the table as each wave ends, so only a
 * wave's bytes and columns are held beside the table.
 */
final class ParallelCsvLoader {
    /**
     * About 4 MiB a chunk: a wave then holds about 30 MiB beside the table on two cores, and a command's peak RSS on
     * 9.9M purchases is about 80 MiB lower than with 8 MiB chunks, at the same speed (RESULTS.md).
     */
    private static final int CHUNK_BYTES = 4 << 20;

    /** Thrown inside the fast path when the general reader must take over; carries no stack trace. */
    private static final class Fallback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fallback() {
            super(null, null, false, false);
        }
    }

    private static final Fallback FALLBACK = new Fallback();

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = ONES * '\n';
    private static final long QUOTES = ONES * '"';
    private static final long RETURNS = ONES * '\r';

    private ParallelCsvLoader() {}

    /**
     * Whether the order id {@code b[bFrom, bTo)} comes after {@code a[aFrom, aFrom + aLength)}: longer, or as long and
     * greater byte by byte (unsigned), which is numeric order for ids of digits after a fixed prefix ({@code #1001},
     * {@code 536365}).
     */
    private static boolean ascends(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bTo) {
        int bLength = bTo - bFrom;
        return bLength != aLength
                ? bLength > aLength
                : Arrays.compareUnsigned(a, aFrom, aFrom + aLength, b, bFrom, bTo) < 0;
    }

    /** A slot hash of an order id's hash and its customer. */
    private static int mix(int hash, int customer) {
        int h = hash * 0x9E3779B1 + customer * 0x85EBCA6B;
        return h ^ (h >>> 15);
    }

    /** The table, or empty if the general reader must read this file. */
    static Optional<PurchaseLoad> load(Path file, CsvOptions options) throws IOException {
        return load(file, options, rows -> {});
    }

    /**
     * As {@link #load(Path, CsvOptions)}; {@code progress} gets the number of rows read so far as each wave of chunks
     * ends.
     */
    static Optional<PurchaseLoad> load(Path file, CsvOptions options, LongConsumer progress) throws IOException {
        return load(file, options, progress, CHUNK_BYTES);
    }

    /** As {@link #load(Path, CsvOptions, LongConsumer)} with chunks of about {@code chunkBytes} (tests: many chunks). */
    static Optional<PurchaseLoad> load(Path file, CsvOptions options, LongConsumer progress, int chunkBytes)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return Optional.empty();
            }
            byte[] head = read(channel, 0, (int) Math.min(size, 1 << 16));
            if (InputFiles.wideEncoding(head, head.length).isPresent()) {
                return Optional.empty(); // the general reader names the encoding
            }
            int dataStart =
                    head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                            ? 3
                            : 0;
            Optional<List<String>> header = Optional.empty();
            if (options.header()) {
                int lineEnd = indexOf(head, dataStart, head.length, (byte) '\n');
                if (lineEnd < 0) {
                    return Optional.empty();
                }
                if (!isUtf8(head, dataStart, lineEnd)) {
                    return Optional.empty();
                }
                List<String> names = splitHeader(head, dataStart, lineEnd, options.delimiter());
                if (names.isEmpty()) {
                    return Optional.empty();
                }
                header = Optional.of(names);
                dataStart = lineEnd + 1;
            }
            int[] columns = PurchaseRows.columnIndexes(file.toString(), options, header);
            String[] labels = PurchaseRows.columnLabels(file.toString(), options, header);
            int firstLine = options.header() ? 2 : 1;
            long[] bounds = chunkBounds(channel, dataStart, size, chunkBytes);
            try {
                return Optional.of(new Waves(file.toString(), options, labels, firstLine, dataStart, size, progress)
                        .load(channel, bounds, columns));
            } catch (Fallback e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The chunks are parsed in waves of two per thread and added to the table as each wave ends, dropping their bytes
     * and columns. While one wave's rows go to the table on the calling thread, the next wave is read and parsed (into
     * a second set of buffers), so the scan threads do not wait for the builder: two waves are held beside the table,
     * never more. A wave's purchases go to the table's builder a column at a time, each chunk's rows copied in
     * parallel. A chunk with a row that needs the row rules (or every chunk, when the options have rules: a unit price,
     * statuses, a date window, guests) judges its rows itself, in parallel with the others; from the first such chunk a
     * {@link PurchaseAssembler} takes over the builder and the rows already in it (plain rows are one purchase each
     * under any rules that let them through the fast path) and counts what each chunk skipped, excluded and netted, in
     * file order. Order lines (an order column) are grouped in the chunks and merged across them at each wave's end
     * ({@link Orders}).
     */
    private static final class Waves {
        private final String source;
        private final CsvOptions options;
        private final String[] labels;
        private final long dataStart;
        private final long size;
        private final LongConsumer progress;
        private PurchaseTable.Builder builder;
        private PurchaseAssembler assembler;
        /** The orders of every wave so far, when rows are grouped into orders. */
        private Orders orders;

        private String currency = "";
        private long rowsRead;
        private long lineBase;

        Waves(
                String source,
                CsvOptions options,
                String[] labels,
                int firstLine,
                long dataStart,
                long size,
                LongConsumer progress) {
            this.source = source;
            this.options = options;
            this.labels = labels;
            this.lineBase = firstLine;
            this.dataStart = dataStart;
            this.size = size;
            this.progress = progress;
        }

        PurchaseLoad load(FileChannel channel, long[] bounds, int[] columns) throws IOException {
            int chunkCount = bounds.length - 1;
            int wave = Math.max(2, 2 * ParallelScans.threads());
            int longest = 0;
            for (int i = 0; i < chunkCount; i++) {
                longest = (int) Math.max(longest, bounds[i + 1] - bounds[i]);
            }
            int longestChunk = longest;
            Buffers[][] buffers = new Buffers[2][Math.min(wave, chunkCount)];
            for (Buffers[] set : buffers) {
                Arrays.setAll(set, i -> new Buffers(longestChunk));
            }
            CompletableFuture<Chunk[]> next = chunkCount == 0 ? null : parse(channel, bounds, columns, 0, buffers[0]);
            try {
                for (int first = 0; first < chunkCount; first += wave) {
                    Chunk[] chunks = joinParse(next);
                    Buffers[] kept = buffers[first / wave % 2];
                    if (builder == null) {
                        // Before the next wave's arrays: the table's columns are made while the heap holds little.
                        builder = PurchaseTable.builder(
                                options.amountScale(), expectedRows(chunks, bounds[first + chunks.length] - dataStart));
                    }
                    // The next wave is parsed into the other set while this one's rows go to the builder.
                    next = first + wave < chunkCount
                            ? parse(channel, bounds, columns, first + wave, buffers[(first / wave + 1) % 2])
                            : null;
                    addWave(chunks, kept);
                }
            } finally {
                if (next != null) {
                    next.handle((chunks, failure) -> null).join(); // a wave read ahead of a failure: let it end
                }
            }
            if (builder == null) {
                builder = PurchaseTable.builder(options.amountScale());
            }
            if (assembler != null) {
                try {
                    if (orders != null) {
                        orders.addTo(assembler);
                    }
                    return assembler.finish();
                } catch (IllegalArgumentException | ArithmeticException e) { // CsvFormatException is one
                    throw FALLBACK;
                }
            }
            return new PurchaseLoad(builder.build(), LoadSummary.ofPurchases(rowsRead));
        }

        /** Reads and parses the wave of chunks from {@code first} into {@code buffers}, on the scan threads. */
        private CompletableFuture<Chunk[]> parse(
                FileChannel channel, long[] bounds, int[] columns, int first, Buffers[] buffers) {
            int count = Math.min(buffers.length, bounds.length - 1 - first);
            return ParallelScans.async(() -> {
                Chunk[] chunks = new Chunk[count];
                ParallelScans.forEach(count, i -> {
                    try {
                        long from = bounds[first + i];
                        int length = (int) (bounds[first + i + 1] - from);
                        byte[] bytes = readInto(channel, from, buffers[i].bytes(length), length);
                        chunks[i] = new Chunk(bytes, length, options, columns, buffers[i]).parse();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                return chunks;
            });
        }

        private static Chunk[] joinParse(CompletableFuture<Chunk[]> wave) throws IOException {
            try {
                return ParallelScans.join(wave);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }

        /** Adds a parsed wave's rows to the builder, keeping the chunks' arrays in {@code buffers} for a later wave. */
        private void addWave(Chunk[] chunks, Buffers[] buffers) {
            int count = chunks.length;
            for (Chunk chunk : chunks) {
                String c = chunk.amounts.currency();
                if (!c.isEmpty() && !currency.isEmpty() && !c.equals(currency)) {
                    throw FALLBACK; // mixed currencies: the general reader names the lines
                }
                currency = c.isEmpty() ? currency : c;
            }
            if (options.rules().orderColumn().isPresent()) {
                addOrders(chunks);
            }
            // The wave's purchases go to the builder together, their rows copied in parallel (a grouped wave's
            // orders were added above). From the first chunk whose rows were judged by the row rules (a refund,
            // a guest, or rules that judge every row) an assembler counts what each chunk skipped, excluded and
            // netted, and takes over the builder with the plain rows before.
            List<Chunk> purchases = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Chunk chunk = chunks[i];
                chunks[i] = null; // its dictionaries may go as soon as its rows are in; its arrays are kept
                if (!chunk.grouped) {
                    if (chunk.judged && assembler == null) {
                        addPurchases(purchases);
                        assembler = new PurchaseAssembler(
                                source,
                                options.rules(),
                                options.amountScale(),
                                labels[0],
                                labels[1],
                                builder,
                                builder.size());
                    }
                    if (assembler != null) {
                        addJudged(chunk, lineBase);
                    }
                    purchases.add(chunk);
                }
                rowsRead += chunk.rows;
                lineBase += chunk.lines;
                buffers[i].keep(chunk);
            }
            addPurchases(purchases);
            progress.accept(rowsRead);
        }

        /**
         * The rows of the whole file, or its orders when rows are grouped into orders, estimated from those of the first
         * wave (2% over, so the table rarely has to grow).
         */
        private int expectedRows(Chunk[] firstWave, long bytesParsed) {
            boolean grouped = options.rules().orderColumn().isPresent();
            long rows = Arrays.stream(firstWave)
                    .mapToLong(c -> grouped ? c.groups : c.rows)
                    .sum();
            if (bytesParsed <= 0) {
                return 16;
            }
            double estimate = Math.ceil(rows * ((double) (size - dataStart) / bytesParsed) * 1.02) + 16;
            return (int) Math.min(estimate, Integer.MAX_VALUE - 8);
        }

        /** Adds the purchases of chunks (emptied here) to the builder, in order. */
        private void addPurchases(List<Chunk> chunks) {
            if (chunks.isEmpty()) {
                return;
            }
            List<ColumnAppender.Columns> columns = new ArrayList<>(chunks.size());
            for (Chunk chunk : chunks) {
                columns.add(new ColumnAppender.Columns(
                        chunk.customerIds,
                        chunk.customer,
                        chunk.day,
                        chunk.amount,
                        chunk.categories,
                        chunk.category,
                        chunk.quantity,
                        chunk.purchases));
            }
            try {
                ColumnAppender.Registry.of(builder).addColumns(builder, columns);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw FALLBACK;
            }
            chunks.clear();
        }

        /**
         * Counts a chunk's rows in the assembler, as its rows judged one by one would have been: skipped per reason
         * and excluded per status (their first lines counted from {@code lineBase}, the chunk's first line), refunds,
         * purchases (added to the builder with the wave's); the refunds that net go to the builder here, in file order.
         */
        private void addJudged(Chunk chunk, long lineBase) {
            try {
                for (Map.Entry<String, long[]> e : chunk.skippedRows.entrySet()) {
                    assembler.skip(e.getKey(), e.getValue()[0], lineBase + e.getValue()[1]);
                }
                for (Map.Entry<String, long[]> e : chunk.excludedRows.entrySet()) {
                    assembler.excludeRows(e.getKey(), e.getValue()[0], lineBase + e.getValue()[1]);
                }
                assembler.addJudged(chunk.purchases, chunk.refundRows, chunk.refundTotal);
                for (int j = 0; j < chunk.refunds; j++) {
                    builder.addRefund(chunk.refundCustomer[j], chunk.refundDay[j], chunk.refundAmount[j]);
                }
            } catch (IllegalArgumentException | ArithmeticException e) { // CsvFormatException is one
                throw FALLBACK;
            }
        }

        /**
         * Adds a wave's orders (grouped in its chunks) and skipped rows, in file order: the orders are merged with
         * those of the chunks before, so an order whose lines are spread over chunks is still one order.
         */
        private void addOrders(Chunk[] chunks) {
            if (assembler == null) {
                assembler = new PurchaseAssembler(
                        source, options.rules(), options.amountScale(), labels[0], labels[1], builder, rowsRead);
                orders = new Orders(ParallelScans.threads());
            }
            long[] lineBases = new long[chunks.length];
            long line = lineBase;
            for (int i = 0; i < chunks.length; i++) {
                Chunk chunk = chunks[i];
                lineBases[i] = line;
                line += chunk.lines;
                if (orders.size() == 0 && chunk.groups > 0 && chunk.length > 0) {
                    // the first chunk with orders: the file's orders estimated from its orders a byte (5% over)
                    orders.expect((long) Math.ceil((double) chunk.groups / chunk.length * (size - dataStart) * 1.05));
                }
                for (Map.Entry<String, long[]> e : chunk.skippedRows.entrySet()) {
                    assembler.skip(e.getKey(), e.getValue()[0], lineBases[i] + e.getValue()[1]);
                }
                assembler.countOrderRows(chunk.orderRows);
            }
            orders.merge(chunks, lineBases);
        }
    }

    /**
     * The orders of the whole file: each wave's chunk orders merged, in file order, by customer id and order id bytes
     * (kept in byte arenas), so the orders equal those {@link PurchaseAssembler} groups line by line. The orders are
     * split into partitions by the hash of their key, merged in parallel (one task a partition, each reading every
     * chunk's orders in file order and taking its own), and handed on in order of first appearance: by first line,
     * which orders each partition already. About 70 bytes an order, no object per order or line.
     */
    private static final class Orders {
        /** {@link #follows}: a chunk's first order is the order before it, comes after it, or breaks the order. */
        static final int CONTINUES = 0;

        static final int AFTER = 1;
        static final int BREAKS = 2;

        private final Map<String, Integer> categoryIndex = new HashMap<>();
        private final List<String> categoryNames = new ArrayList<>();
        private final Map<String, Integer> statusIndex = new HashMap<>();
        private final List<String> statusNames = new ArrayList<>();
        private final Part[] parts;
        private final int partMask;
        /**
         * Every order so far has a greater id than the one before it, as exports number their orders: a wave whose
         * chunks go on so ({@link #ascendingFrom}) is merged by appending its orders, the first continuing the last
         * order when it is the same, without a probe into the slots of every order. The first wave that does not
         * puts every order into the slots ({@link Part#index}), and the waves from then on are merged by probes.
         */
        private boolean ascending = true;
        /** The last order so far, while {@link #ascending}: its part, and its index there (-1 for none). */
        private int lastPart;

        private int lastOrder = -1;

        Orders(int partitions) {
            int count = Integer.highestOneBit(Math.max(1, partitions * 2 - 1));
            parts = new Part[count];
            Arrays.setAll(parts, p -> new Part());
            partMask = count - 1;
        }

        int size() {
            int size = 0;
            for (Part part : parts) {
                size += part.size;
            }
            return size;
        }

        /** Room for about {@code expected} orders in all (estimated from the first wave). */
        void expect(long expected) {
            for (Part part : parts) {
                part.expect(expected / parts.length + 16);
            }
        }

        /** Merges a wave's chunks' orders; {@code lineBases[i]} is the line of chunk i's first line. */
        void merge(Chunk[] chunks, long[] lineBases) {
            int[][] categoryOf = new int[chunks.length][];
            int[][] statusOf = new int[chunks.length][];
            for (int i = 0; i < chunks.length; i++) {
                categoryOf[i] = new int[chunks[i].categories.size()];
                for (int k = 0; k < categoryOf[i].length; k++) {
                    categoryOf[i][k] = index(chunks[i].categories.get(k), categoryIndex, categoryNames);
                }
                statusOf[i] = new int[chunks[i].statuses.size()];
                for (int st = 0; st < statusOf[i].length; st++) {
                    statusOf[i][st] = index(chunks[i].statuses.get(st), statusIndex, statusNames);
                }
            }
            boolean[] continued = new boolean[chunks.length];
            if (ascending && ascendingFrom(chunks, continued)) {
                // An order continued from the chunk before has the same key, so it is in the same part, and it is the
                // last order there: each part appends its orders in parallel.
                ParallelScans.forEach(parts.length, p -> {
                    for (int i = 0; i < chunks.length; i++) {
                        parts[p].append(
                                chunks[i],
                                lineBases[i],
                                p,
                                partMask,
                                continued[i],
                                categoryOf[i],
                                statusOf[i],
                                categoryNames);
                    }
                });
                for (int i = chunks.length - 1; i >= 0; i--) {
                    if (chunks[i].groups > 0) {
                        lastPart = chunks[i].groupKey[chunks[i].groups - 1] & partMask;
                        lastOrder = parts[lastPart].size - 1;
                        break;
                    }
                }
                return;
            }
            if (ascending) {
                ascending = false;
                for (Part part : parts) {
                    part.index();
                }
            }
            ParallelScans.forEach(parts.length, p -> {
                for (int i = 0; i < chunks.length; i++) {
                    parts[p].merge(chunks[i], lineBases[i], p, partMask, categoryOf[i], statusOf[i], categoryNames);
                }
            });
        }

        /**
         * Whether a wave's orders go on ascending: each chunk's ids ascend, and each chunk's first order comes after
         * the last order before it, or is that order (the same id and customer: an order split between chunks; then
         * {@code continued[i]} is set).
         */
        private boolean ascendingFrom(Chunk[] chunks, boolean[] continued) {
            Chunk previous = null;
            for (int i = 0; i < chunks.length; i++) {
                Chunk chunk = chunks[i];
                if (chunk.groups == 0) {
                    continue;
                }
                if (!chunk.ascendingOrders) {
                    return false;
                }
                int follows;
                if (previous != null) {
                    int last = previous.groups - 1;
                    follows = follows(
                            chunk,
                            previous.bytes,
                            previous.groupOrderFrom[last],
                            previous.groupOrderLength[last],
                            previous.customerIds.get(previous.groupCustomer[last]));
                } else {
                    follows = lastOrder < 0 ? AFTER : parts[lastPart].followedBy(lastOrder, chunk);
                }
                if (follows == BREAKS) {
                    return false;
                }
                continued[i] = follows == CONTINUES;
                previous = chunk;
            }
            return true;
        }

        /**
         * How {@code chunk}'s first order follows the order with the id at {@code id[from, from + length)} and that
         * customer while the ids ascend: {@link #CONTINUES} it (the same order, split between chunks), comes {@link
         * #AFTER} it (a greater id), or {@link #BREAKS} the order (a smaller id, or the same id for another customer).
         */
        static int follows(Chunk chunk, byte[] id, int from, int length, String customer) {
            int start = chunk.groupOrderFrom[0];
            int end = start + chunk.groupOrderLength[0];
            if (Arrays.equals(id, from, from + length, chunk.bytes, start, end)) {
                return customer.equals(chunk.customerIds.get(chunk.groupCustomer[0])) ? CONTINUES : BREAKS;
            }
            return ascends(id, from, length, chunk.bytes, start, end) ? AFTER : BREAKS;
        }

        /** Every order, in order of first appearance (first line), judged and added by the assembler. */
        void addTo(PurchaseAssembler assembler) {
            int[] next = new int[parts.length];
            while (true) {
                int best = -1;
                long bestLine = Long.MAX_VALUE;
                for (int p = 0; p < parts.length; p++) {
                    if (next[p] < parts[p].size && parts[p].firstLine[next[p]] < bestLine) {
                        best = p;
                        bestLine = parts[p].firstLine[next[p]];
                    }
                }
                if (best < 0) {
                    return;
                }
                Part part = parts[best];
                int g = next[best]++;
                java.util.TreeSet<String> categories = part.several.isEmpty() ? null : part.several.get(g);
                assembler.addOrder(
                        part.customer[g],
                        part.day[g],
                        part.amount[g],
                        part.refunded[g],
                        part.negative[g],
                        part.quantity[g],
                        part.lines[g],
                        part.firstLine[g],
                        part.status[g] < 0 ? "" : statusNames.get(part.status[g]),
                        categories != null || part.category[g] == PurchaseTable.NO_CATEGORY
                                ? ""
                                : categoryNames.get(part.category[g]),
                        categories);
            }
        }

        private static int index(String value, Map<String, Integer> index, List<String> values) {
            Integer found = index.get(value);
            if (found != null) {
                return found;
            }
            index.put(value, values.size());
            values.add(value);
            return values.size() - 1;
        }
    }

    /** One partition of {@link Orders}: its orders in order of first appearance. Not thread-safe; one task each. */
    private static final class Part {
        private final Map<Integer, java.util.TreeSet<String>> several = new HashMap<>();
        private int size;
        private String[] customer = new String[1 << 10];
        private int[] orderOffset = new int[1 << 10];
        private int[] orderLength = new int[1 << 10];
        private int[] key = new int[1 << 10];
        private int[] day = new int[1 << 10];
        private long[] amount = new long[1 << 10];
        private long[] refunded = new long[1 << 10];
        private long[] quantity = new long[1 << 10];
        private int[] lines = new int[1 << 10];
        private long[] firstLine = new long[1 << 10];
        private boolean[] negative = new boolean[1 << 10];
        private int[] status = new int[1 << 10];
        private int[] category = new int[1 << 10];
        /**
         * Open addressing: the order's key hash in the high word (most probes touch no other array), index + 1 low.
         * Empty while the orders come with ascending ids ({@link Orders}); {@link #index} fills them.
         */
        private long[] slots = new long[0];

        private int expectedSlots = 1 << 11;

        private byte[] arena = new byte[1 << 14];
        private int arenaSize;

        /** Merges the orders of a chunk that fall in partition {@code p}, in the chunk's order. */
        void merge(
                Chunk chunk,
                long lineBase,
                int p,
                int partMask,
                int[] categoryOf,
                int[] statusOf,
                List<String> categoryNames) {
            byte[] bytes = chunk.bytes;
            int[] keys = chunk.groupKey;
            for (int j = 0; j < chunk.groups; j++) {
                int h = keys[j];
                if ((h & partMask) != p) {
                    continue;
                }
                String id = chunk.customerIds.get(chunk.groupCustomer[j]);
                int from = chunk.groupOrderFrom[j];
                int length = chunk.groupOrderLength[j];
                int mask = slots.length - 1;
                int g;
                int slot = spread(h) & mask;
                while (true) {
                    long entry = slots[slot];
                    g = (int) entry - 1;
                    if (g < 0
                            || (int) (entry >>> 32) == h
                                    && orderLength[g] == length
                                    && Arrays.equals(
                                            arena, orderOffset[g], orderOffset[g] + length, bytes, from, from + length)
                                    && customer[g].equals(id)) {
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (g < 0) {
                    g = newOrder(chunk, j, lineBase, categoryOf, statusOf, categoryNames);
                    slots[slot] = slot(h, g);
                    if (2 * size > slots.length) {
                        rehash(slots.length * 2);
                    }
                } else {
                    mergeInto(g, chunk, j, categoryOf, statusOf, categoryNames);
                }
            }
        }

        /** Group {@code j} of {@code chunk} as a new order; returns its index. */
        int newOrder(Chunk chunk, int j, long lineBase, int[] categoryOf, int[] statusOf, List<String> categoryNames) {
            int g = add(
                    chunk.customerIds.get(chunk.groupCustomer[j]),
                    chunk.bytes,
                    chunk.groupOrderFrom[j],
                    chunk.groupOrderLength[j],
                    chunk.groupKey[j]);
            day[g] = chunk.groupDay[j];
            amount[g] = chunk.groupAmount[j];
            refunded[g] = chunk.groupRefunded[j];
            quantity[g] = chunk.groupQuantity[j];
            lines[g] = chunk.groupLines[j];
            firstLine[g] = lineBase + chunk.groupFirstLine[j];
            negative[g] = chunk.groupNegative[j];
            status[g] = chunk.groupStatus[j] < 0 ? -1 : statusOf[chunk.groupStatus[j]];
            category[g] = chunk.groupCategory[j] == PurchaseTable.NO_CATEGORY
                    ? PurchaseTable.NO_CATEGORY
                    : categoryOf[chunk.groupCategory[j]];
            addSeveral(g, chunk, j, categoryOf, categoryNames);
            return g;
        }

        /** Group {@code j} of {@code chunk}, a later part of order {@code g}: merged as its lines would have been. */
        void mergeInto(int g, Chunk chunk, int j, int[] categoryOf, int[] statusOf, List<String> categoryNames) {
            day[g] = Math.min(day[g], chunk.groupDay[j]);
            try {
                amount[g] = Math.addExact(amount[g], chunk.groupAmount[j]);
                refunded[g] = Math.addExact(refunded[g], chunk.groupRefunded[j]);
                lines[g] = Math.addExact(lines[g], chunk.groupLines[j]);
            } catch (ArithmeticException e) {
                throw FALLBACK;
            }
            quantity[g] += chunk.groupQuantity[j];
            negative[g] |= chunk.groupNegative[j];
            if (status[g] < 0) {
                status[g] = chunk.groupStatus[j] < 0 ? -1 : statusOf[chunk.groupStatus[j]];
            }
            addCategory(
                    g,
                    chunk.groupCategory[j] == PurchaseTable.NO_CATEGORY
                            ? PurchaseTable.NO_CATEGORY
                            : categoryOf[chunk.groupCategory[j]],
                    categoryNames);
            addSeveral(g, chunk, j, categoryOf, categoryNames);
        }

        /** The other categories of group {@code j}, when it has several. */
        private void addSeveral(int g, Chunk chunk, int j, int[] categoryOf, List<String> categoryNames) {
            java.util.BitSet more = chunk.groupSeveral.isEmpty() ? null : chunk.groupSeveral.get(j);
            if (more != null) {
                for (int m = more.nextSetBit(0); m >= 0; m = more.nextSetBit(m + 1)) {
                    addCategory(g, categoryOf[m], categoryNames);
                }
            }
        }

        /** How {@code chunk}'s first order follows order {@code g} ({@link Orders#follows}). */
        int followedBy(int g, Chunk chunk) {
            return Orders.follows(chunk, arena, orderOffset[g], orderLength[g], customer[g]);
        }

        /**
         * Appends the orders of a chunk that fall in partition {@code p}, in the chunk's order, while the ids ascend
         * ({@link Orders}): each is new, but for the chunk's first when it {@code continues} this part's last order.
         */
        void append(
                Chunk chunk,
                long lineBase,
                int p,
                int partMask,
                boolean continues,
                int[] categoryOf,
                int[] statusOf,
                List<String> categoryNames) {
            int[] keys = chunk.groupKey;
            for (int j = 0; j < chunk.groups; j++) {
                if ((keys[j] & partMask) != p) {
                    continue;
                }
                if (j == 0 && continues) {
                    mergeInto(size - 1, chunk, 0, categoryOf, statusOf, categoryNames);
                } else {
                    newOrder(chunk, j, lineBase, categoryOf, statusOf, categoryNames);
                }
            }
        }

        /** One more category of order {@code g}: the orders keep the set of their non-empty categories. */
        private void addCategory(int g, int k, List<String> categoryNames) {
            if (k == PurchaseTable.NO_CATEGORY || k == category[g]) {
                return;
            }
            if (category[g] == PurchaseTable.NO_CATEGORY) {
                category[g] = k;
                return;
            }
            int first = category[g];
            several.computeIfAbsent(g, x -> new java.util.TreeSet<>(List.of(categoryNames.get(first))))
                    .add(categoryNames.get(k));
        }

        private static int spread(int h) {
            int x = h * 0x9E3779B1;
            return x ^ (x >>> 16);
        }

        private static long slot(int h, int g) {
            return (long) h << 32 | (g + 1L);
        }

        private int add(String id, byte[] bytes, int from, int length, int h) {
            int g = size++;
            if (g == day.length) {
                grow(g + (g >> 1));
            }
            if (arena.length - arenaSize < length) {
                long wanted = Math.max((long) arenaSize + length, arena.length + ((long) arena.length >> 1));
                if (wanted > Integer.MAX_VALUE - 8) {
                    throw FALLBACK; // over 2 GB of order ids: the general reader
                }
                arena = Arrays.copyOf(arena, (int) wanted);
            }
            System.arraycopy(bytes, from, arena, arenaSize, length);
            customer[g] = id;
            orderOffset[g] = arenaSize;
            orderLength[g] = length;
            key[g] = h;
            arenaSize += length;
            return g;
        }

        private void grow(int capacity) {
            customer = Arrays.copyOf(customer, capacity);
            orderOffset = Arrays.copyOf(orderOffset, capacity);
            orderLength = Arrays.copyOf(orderLength, capacity);
            key = Arrays.copyOf(key, capacity);
            day = Arrays.copyOf(day, capacity);
            amount = Arrays.copyOf(amount, capacity);
            refunded = Arrays.copyOf(refunded, capacity);
            quantity = Arrays.copyOf(quantity, capacity);
            lines = Arrays.copyOf(lines, capacity);
            firstLine = Arrays.copyOf(firstLine, capacity);
            negative = Arrays.copyOf(negative, capacity);
            status = Arrays.copyOf(status, capacity);
            category = Arrays.copyOf(category, capacity);
        }

        /**
         * Room for about {@code expected} orders, so the columns do not grow by copies as the orders come (and the
         * slots, once {@link #index} makes them).
         */
        void expect(long expected) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, expected);
            if (capacity > day.length) {
                grow(capacity);
                int wanted = Integer.highestOneBit(capacity) << 2;
                if (wanted > expectedSlots && wanted > 0) {
                    expectedSlots = wanted;
                }
            }
        }

        /** Every order so far into the slots, for merging by probes from now on. */
        void index() {
            int wanted = expectedSlots;
            while (wanted < 4L * size && wanted < 1 << 30) {
                wanted <<= 1;
            }
            rehash(wanted);
        }

        private void rehash(int slotCount) {
            long[] wider = new long[slotCount];
            int mask = wider.length - 1;
            for (int g = 0; g < size; g++) {
                int slot = spread(key[g]) & mask;
                while (wider[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                wider[slot] = slot(key[g], g);
            }
            slots = wider;
        }
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        return readInto(channel, position, new byte[length], length);
    }

    /** Reads {@code length} bytes at {@code position} into the start of {@code bytes}; returns {@code bytes}. */
    private static byte[] readInto(FileChannel channel, long position, byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
        return bytes;
    }

    /** Chunk boundaries: each after a line break, about {@code chunkBytes} apart, covering {@code [start, size)}. */
    private static long[] chunkBounds(FileChannel channel, long start, long size, int chunkBytes) throws IOException {
        List<Long> bounds = new ArrayList<>();
        bounds.add(start);
        long next = start + chunkBytes;
        while (next < size) {
            long lineStart = -1;
            for (long window = next; window < size && lineStart < 0; window += 1 << 16) {
                byte[] bytes = read(channel, window, (int) Math.min(1 << 16, size - window));
                int nl = indexOf(bytes, 0, bytes.length, (byte) '\n');
                if (nl >= 0) {
                    lineStart = window + nl + 1;
                }
            }
            if (lineStart < 0 || lineStart >= size) {
                break;
            }
            bounds.add(lineStart);
            next = lineStart + chunkBytes;
        }
        bounds.add(size);
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Whether bytes are valid UTF-8, checked strictly as the general reader decodes (no replacement characters): the
     * two paths must accept the same bytes, or a bad byte could merge two customers' ids here and not there.
     */
    static boolean isUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        if (i == to) {
            return true;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, i, to - i));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitHeader(byte[] bytes, int from, int to, Delimiter delimiter) {
        if (to > from && bytes[to - 1] == '\r') {
            to--; // a CRLF line end
        }
        String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (line.indexOf('\r') >= 0) {
            return List.of(); // a bare carriage return ends the header line for the general reader
        }
        boolean quotes = line.indexOf('"') >= 0;
        if (quotes && delimiter == Delimiter.WHITESPACE) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (delimiter == Delimiter.WHITESPACE) {
            for (String name : line.replaceAll("^[ \t]+|[ \t]+$", "").split("[ \t]+")) {
                names.add(name);
            }
        } else {
            for (String name : line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter.character())), -1)) {
                String stripped = name.replaceAll("^[ \t]+|[ \t]+$", "");
                if (quotes && stripped.indexOf('"') >= 0) {
                    // a quoted name ("Lineitem price"); a quote elsewhere, or a delimiter inside quotes: the general
                    // reader reads the header
                    if (stripped.length() < 2
                            || stripped.charAt(0) != '"'
                            || stripped.charAt(stripped.length() - 1) != '"'
                            || stripped.substring(1, stripped.length() - 1).indexOf('"') >= 0) {
                        return List.of();
                    }
                    stripped = stripped.substring(1, stripped.length() - 1);
                }
                names.add(stripped);
            }
        }
        return names.size() == 1 && names.get(0).isEmpty() ? List.of() : names;
    }

    /**
     * The arrays of one chunk task kept from wave to wave (its bytes, row columns and order columns), so the load
     * allocates them once per task rather than once per chunk: a chunk takes them, and gives back what it grew when
     * its rows are in. Not thread-safe; one task each.
     */
    private static final class Buffers {
        /**
         * The length of the file's longest chunk: the arrays are made for it at once, not again each time a chunk
         * comes that is a few bytes longer than any before (chunks end at line breaks, so their lengths differ).
         */
        final int longestChunk;

        byte[] bytes = new byte[0];
        int[] customer;
        int[] day;
        long[] amount;
        int[] category;
        int[] quantity;
        int[] line;
        int[] groupCustomer;
        int[] groupOrderFrom;
        int[] groupOrderLength;
        int[] groupHash;
        int[] groupDay;
        long[] groupAmount;
        long[] groupRefunded;
        long[] groupQuantity;
        int[] groupLines;
        int[] groupFirstLine;
        boolean[] groupNegative;
        int[] groupStatus;
        int[] groupCategory;
        int[] groupSlots;
        int[] groupKey;
        /** The chunk's customer id hash table (cleared by each chunk) and the ids' offsets, lengths and hashes. */
        int[] idSlots = new int[1 << 12];

        int[] idOffset = new int[1 << 11];
        int[] idLength = new int[1 << 11];
        int[] idHash = new int[1 << 11];

        Buffers(int longestChunk) {
            this.longestChunk = longestChunk;
        }

        /** A buffer of at least {@code length} bytes, reused when large enough. */
        byte[] bytes(int length) {
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, longestChunk)];
            }
            return bytes;
        }

        /** Takes back the (maybe grown) arrays of a chunk whose rows are in. */
        void keep(Chunk chunk) {
            customer = chunk.customer;
            day = chunk.day;
            amount = chunk.amount;
            category = chunk.category;
            quantity = chunk.quantity;
            line = chunk.line;
            idSlots = chunk.idSlots;
            idOffset = chunk.idOffset;
            idLength = chunk.idLength;
            idHash = chunk.idHash;
            if (chunk.grouped) {
                groupCustomer = chunk.groupCustomer;
                groupOrderFrom = chunk.groupOrderFrom;
                groupOrderLength = chunk.groupOrderLength;
                groupHash = chunk.groupHash;
                groupDay = chunk.groupDay;
                groupAmount = chunk.groupAmount;
                groupRefunded = chunk.groupRefunded;
                groupQuantity = chunk.groupQuantity;
                groupLines = chunk.groupLines;
                groupFirstLine = chunk.groupFirstLine;
                groupNegative = chunk.groupNegative;
                groupStatus = chunk.groupStatus;
                groupCategory = chunk.groupCategory;
                groupSlots = chunk.groupSlots;
                groupKey = chunk.groupKey;
            }
        }

        static int[] ints(int[] kept, int capacity) {
            return kept != null && kept.length >= capacity ? kept : new int[capacity];
        }

        static long[] longs(long[] kept, int capacity) {
            return kept != null && kept.length >= capacity ? kept : new long[capacity];
        }
    }

    /** One chunk of whole lines, parsed into columns. Not thread-safe; one task each. */
    private static final class Chunk {
        /** The chunk's bytes: {@code [0, length)} of a buffer that may be longer (reused from wave to wave). */
        private final byte[] bytes;

        private final int length;
        private final byte separator;
        /** The separator in every byte of a word. */
        private final long separators;

        private final boolean whitespace;
        private final byte decimal;
        /** The thousands separator when it is one ASCII byte, else 0 (then such amounts are read by the rules). */
        private final byte thousands;

        private final int scale;
        private final boolean isoDashes;
        private final boolean isoCompact;
        private final DateParser dates;
        /** The zone that date-times convert to; null: the date as written. */
        private final java.time.ZoneId zone;
        /** The zone's fixed offset in seconds, when it has one. */
        private final int fixedOffset;

        private final boolean fixedZone;
        /** The last date field read by the general parser (offset, length in bytes) and its day: repeated stamps. */
        private int lastDateFrom = -1;

        private int lastDateLength = -1;
        private int lastDateDay;
        private final int customerColumn;
        private final int dateColumn;
        private final int amountColumn;
        private final int categoryColumn;
        private final int quantityColumn;
        private final int orderColumn;
        private final int unitPriceColumn;
        private final int refundedColumn;
        private final int statusColumn;
        final boolean grouped;
        private final int lastColumn;
        /** Amounts that are not plain digits (a sign, a currency, thousands separators) are read by the rules. */
        final AmountText amounts;

        private final int[] fieldStart;
        private final int[] fieldEnd;
        /**
         * Per column up to the last one read, what {@link #parseTypedLine} does with it (one of {@link #SKIP} to
         * {@link #BOUNDS}); null when the chunk's lines all go through {@link #parseDelimitedLine} (order lines, unit
         * prices, white space, two roles in one column).
         */
        private final byte[] roles;
        /** {@link #parseTypedLine} starts no field past this: its reads stay inside the chunk without bounds tests. */
        private final int typedLimit;
        /**
         * The customer of the last line {@link #parseTypedLine} ended by a scan, or -1: an id with no separator, quote
         * or line break in it, so the same bytes followed by one of those end the same field.
         */
        private int typedId = -1;

        /** The chunk's distinct customer ids, slices of its bytes; set once its rows are parsed. */
        ChunkIds customerIds;
        /** How many distinct customer ids the rows parsed so far have. */
        private int idCount;

        final List<String> categories = new ArrayList<>();
        int[] customer;
        int[] day;
        long[] amount;
        int[] category;
        int[] quantity;
        /** Per row, its line counted from the chunk's first line (0). */
        int[] line;
        /** Per row, the refunded amount / status (an index into {@link #statuses}), when the rules use them. */
        long[] refunded;

        int[] statusOf;
        int rows;
        /**
         * The rows the columns hold as purchases: all rows, unless the rows were {@link #judged}: then only those that
         * are purchases, moved up in file order (their amounts net of refunded amounts, quantities at least 1).
         */
        int purchases;
        /**
         * The rows (not grouped into orders) were judged here by the row rules, as {@link PurchaseAssembler#add} judges
         * them one by one: rows skipped, excluded per status and refunds are counted below, refunds that net into
         * the table kept apart.
         */
        boolean judged;
        /** Judged rows excluded by their status: status (blanks stripped) to {rows, first line in the chunk}. */
        final Map<String, long[]> excludedRows = new LinkedHashMap<>();
        /** Judged rows that are refunds, and the sum of their net amounts. */
        long refundRows;

        long refundTotal;
        /** The refunds netted into the table (net amount below zero, refunds net), in file order. */
        int refunds;

        String[] refundCustomer = new String[0];
        int[] refundDay = new int[0];
        long[] refundAmount = new long[0];
        /** Per status index: 0 not yet judged, 1 counts, 2 excluded. */
        private byte[] statusRule = new byte[0];
        /** The rules need nothing of a row that has a customer and an amount of at least zero. */
        private final boolean plainRules;
        /** Lines in the chunk (each ends with a line break, but the file's last may not). */
        int lines;
        /** Some row needs the row rules: a negative amount (a refund) or an empty customer id. */
        boolean needsRules;
        /** The bytes parsed, OR-ed: a high bit set means a non-ASCII byte somewhere. */
        private long highBits;

        private int emptyId = -1;

        // Order lines (rules with an order column): grouped here into this chunk's orders, by customer and order id
        // bytes, in order of first appearance; rows skipped by a row rule are counted per reason. The rows' columns
        // are not kept.
        private final long sinceDay;
        private final long untilDay;
        private final String beforeReason;
        private final String afterReason;
        private final boolean guestIsError;
        private final boolean refundIsError;
        private final PurchaseRules rules;
        /** Per chunk customer: 0 not yet judged, else {@link #CUSTOMER_OK}, {@link #GUEST} or {@link #INVALID}. */
        private byte[] customerRule = new byte[0];
        /** Rows skipped by a row rule: reason to {rows, first line in the chunk}, in order of first appearance. */
        final Map<String, long[]> skippedRows = new LinkedHashMap<>();
        /** Rows that went into this chunk's orders. */
        long orderRows;

        int groups;
        int[] groupCustomer;
        int[] groupOrderFrom;
        int[] groupOrderLength;
        /** The hash of the order id bytes alone (not the customer). */
        int[] groupHash;
        /** The hash of the order's key (order id and customer id), for the merge across chunks. */
        int[] groupKey;

        int[] groupDay;
        long[] groupAmount;
        long[] groupRefunded;
        long[] groupQuantity;
        int[] groupLines;
        /** The group's first line, counted from the chunk's first line (0). */
        int[] groupFirstLine;

        boolean[] groupNegative;
        /** The first non-empty status (index into {@link #statuses}), or -1. */
        int[] groupStatus;
        /** The first category (index into {@link #categories}), or {@link PurchaseTable#NO_CATEGORY}. */
        int[] groupCategory;
        /** Groups of more than one category: all of them. */
        final Map<Integer, java.util.BitSet> groupSeveral = new HashMap<>();

        private int[] groupSlots;
        private int lastGroup = -1;
        /**
         * Every order so far has a greater id than the one before it ({@link #ascends}), as exports number their
         * orders: a line's order is then either the previous line's or new, and the groups are not in {@link
         * #groupSlots} until an id breaks the order.
         */
        boolean ascendingOrders = true;
        /** Distinct status fields, blanks stripped; by their bytes' first occurrence (offset, length). */
        final List<String> statuses = new ArrayList<>();

        private int[] statusOffset = new int[0];
        private int[] statusLength = new int[0];
        private int lastStatus = -1;

        private int[] idSlots;
        private int[] idOffset;
        private int[] idLength;
        private int[] idHash;
        /** Each category's first occurrence in this chunk's bytes: offset and length. */
        private int[] categoryOffset = new int[0];

        private int[] categoryLength = new int[0];
        private int lastCustomer = -1;
        /** By a cheap key of a category's bytes (length, first and last byte): the index + 1 last seen; 0 none. */
        private final int[] categoryGuess = new int[256];

        Chunk(byte[] bytes, int length, CsvOptions options, int[] columns, Buffers kept) {
            this.bytes = bytes;
            this.length = length;
            this.whitespace = options.delimiter() == Delimiter.WHITESPACE;
            this.separator = (byte) options.delimiter().character();
            this.separators = ONES * (separator & 0xFF);
            this.decimal = (byte) options.decimalSeparator();
            this.thousands = options.thousandsSeparator()
                    .filter(c -> c > 0 && c < 0x80)
                    .map(c -> (byte) (char) c)
                    .orElse((byte) 0);
            this.scale = options.amountScale();
            String pattern = options.datePattern();
            this.isoDashes = pattern.equals("yyyy-MM-dd") || pattern.equals("uuuu-MM-dd");
            this.isoCompact = pattern.equals("yyyyMMdd") || pattern.equals("uuuuMMdd");
            this.dates = DateParser.of(pattern, options.timeZone());
            this.zone = options.timeZone().orElse(null);
            java.time.ZoneOffset fixed = zone == null
                    ? null
                    : zone.getRules().isFixedOffset() ? zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
            this.fixedZone = fixed != null;
            this.fixedOffset = fixed == null ? 0 : fixed.getTotalSeconds();
            this.amounts = AmountText.of(options);
            this.grouped = options.rules().orderColumn().isPresent();
            this.customerColumn = columns[0];
            this.dateColumn = columns[1];
            this.amountColumn = columns[2];
            this.categoryColumn = columns[3];
            this.quantityColumn = columns[4];
            this.orderColumn = columns[5];
            this.unitPriceColumn = columns[6];
            this.refundedColumn = columns[7];
            this.statusColumn = columns[8];
            this.lastColumn = Arrays.stream(columns).max().orElseThrow();
            this.fieldStart = new int[lastColumn + 1];
            this.fieldEnd = new int[lastColumn + 1];
            this.roles = whitespace || grouped || unitPriceColumn >= 0 || separator == decimal
                    ? null
                    : roles(columns, lastColumn);
            this.typedLimit = length - TYPED_MARGIN;
            PurchaseRules rowRules = options.rules();
            this.rules = rowRules;
            this.plainRules = rowRules.isRowPerPurchase() && rowRules.guestIds().isEmpty();
            this.sinceDay =
                    rowRules.since().map(java.time.LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
            this.untilDay =
                    rowRules.until().map(java.time.LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
            this.beforeReason =
                    rowRules.since().map(PurchaseRules::beforeReason).orElse("");
            this.afterReason = rowRules.until().map(PurchaseRules::afterReason).orElse("");
            this.guestIsError = rowRules.missingCustomer() == PurchaseRules.MissingCustomer.ERROR;
            this.refundIsError = rowRules.refunds() == PurchaseRules.Refunds.ERROR;
            // Sized for the longest chunk, so each task's arrays are made once (and grown only for short lines).
            int sizedFor = Math.max(length, kept.longestChunk);
            idSlots = kept.idSlots;
            Arrays.fill(idSlots, 0);
            idOffset = kept.idOffset;
            idLength = kept.idLength;
            idHash = kept.idHash;
            if (grouped) {
                // order lines are rarely under 40 bytes: room for an order a 64 bytes, grown if need be
                int expected = Math.max(1 << 10, Integer.highestOneBit(Math.max(1, sizedFor / 64)));
                groupCustomer = Buffers.ints(kept.groupCustomer, expected);
                groupOrderFrom = Buffers.ints(kept.groupOrderFrom, expected);
                groupOrderLength = Buffers.ints(kept.groupOrderLength, expected);
                groupHash = Buffers.ints(kept.groupHash, expected);
                groupDay = Buffers.ints(kept.groupDay, expected);
                groupAmount = Buffers.longs(kept.groupAmount, expected);
                groupRefunded = Buffers.longs(kept.groupRefunded, expected);
                groupQuantity = Buffers.longs(kept.groupQuantity, expected);
                groupLines = Buffers.ints(kept.groupLines, expected);
                groupFirstLine = Buffers.ints(kept.groupFirstLine, expected);
                groupNegative = kept.groupNegative != null && kept.groupNegative.length >= expected
                        ? kept.groupNegative
                        : new boolean[expected];
                groupStatus = Buffers.ints(kept.groupStatus, expected);
                groupCategory = Buffers.ints(kept.groupCategory, expected);
                groupSlots = Buffers.ints(kept.groupSlots, expected * 2); // cleared when first used
                groupKey = kept.groupKey;
            }
            // Order lines keep no row columns: their rows go into the chunk's orders as they are parsed.
            int capacity = grouped ? 1 : Math.max(16, sizedFor / 24);
            customer = Buffers.ints(kept.customer, capacity);
            day = Buffers.ints(kept.day, capacity);
            amount = Buffers.longs(kept.amount, capacity);
            category = Buffers.ints(kept.category, capacity);
            quantity = Buffers.ints(kept.quantity, capacity);
            line = Buffers.ints(kept.line, capacity);
            refunded = refundedColumn < 0 ? null : new long[capacity];
            statusOf = statusColumn < 0 ? null : new int[capacity];
        }

        Chunk parse() {
            parseRows();
            customerIds = new ChunkIds(bytes, idOffset, idLength, idCount);
            customerIds.isAscii(); // looked at here, in parallel, rather than where the waves are added one by one
            purchases = rows;
            if (!grouped && (!plainRules || needsRules)) {
                judge();
            }
            if (grouped) {
                // each order's key for the merge: its order id's hash and its customer id's (here, in parallel)
                groupKey = Buffers.ints(groupKey, groups);
                for (int g = 0; g < groups; g++) {
                    groupKey[g] =
                            mix(groupHash[g], customerIds.get(groupCustomer[g]).hashCode());
                }
            }
            return this;
        }

        private void parseRows() {
            if (!whitespace) {
                parseDelimited();
                // Every byte went through a word or a byte test that set the high bits seen: pure ASCII needs no
                // second pass.
                if ((highBits & HIGHS) != 0 && !isUtf8(bytes, 0, length)) {
                    throw FALLBACK; // the general reader names the line and column of the bad bytes
                }
                return;
            }
            if (!isUtf8(bytes, 0, length)) {
                throw FALLBACK; // the general reader names the line and column of the bad bytes
            }
            int position = 0;
            while (position < length) {
                int lineEnd = position;
                while (lineEnd < length && bytes[lineEnd] != '\n') {
                    if (bytes[lineEnd] == '\r' && lineEnd + 1 < length && bytes[lineEnd + 1] != '\n') {
                        throw FALLBACK; // a bare carriage return is a line break to the general reader
                    }
                    lineEnd++;
                }
                int end = lineEnd > position && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                if (!blank(position, end)) {
                    splitWhitespaceFields(position, end);
                    addRow();
                }
                lines++;
                position = lineEnd + 1;
            }
            return;
        }

        /**
         * One pass over the bytes of a delimited chunk: each byte is looked at once, to find both the fields and the
         * line end.
         */
        private Chunk parseDelimited() {
            int position = 0;
            if (roles != null) {
                while (position <= typedLimit) {
                    int next = parseTypedLine(position);
                    position = next >= 0 ? next : parseDelimitedLine(position);
                }
            }
            while (position < length) {
                position = parseDelimitedLine(position);
            }
            return this;
        }

        /**
         * Parses the line starting at {@code position}; returns the start of the next one. The bytes are looked at
         * eight at a time (SWAR): one word load finds every delimiter, quote, carriage return and line break in it
         * (an exact zero-byte test on the word XOR each pattern), and the fields they end are taken from the word's
         * mask one after the other, so a word with no such byte costs one load and one branch. A method per line keeps
         * the hot loop small enough for the JIT to compile it whole, with its callees inlined.
         */
        private int parseDelimitedLine(int position) {
            byte[] b = bytes;
            int length = this.length;
            int field = 0;
            int start = position;
            int quoted = -1; // the field last read quoted: its bounds are set
            int i = position;
            int lineEnd;
            long high = 0;
            scan:
            while (true) {
                if (i + 8 <= length) {
                    long word = (long) LONGS.get(b, i);
                    high |= word;
                    long mask = specialBytes(word);
                    while (mask != 0) {
                        int j = i + (Long.numberOfTrailingZeros(mask) >>> 3);
                        mask &= mask - 1;
                        byte c = b[j];
                        if (c == separator) {
                            if (field <= lastColumn && quoted != field) {
                                setField(field, start, j);
                            }
                            field++;
                            start = j + 1;
                        } else if (c == '\n') {
                            lineEnd = j;
                            break scan;
                        } else if (c == '"') {
                            i = quotedField(field, start, j) + 1;
                            quoted = field;
                            continue scan;
                        } else if (j + 1 < length && b[j + 1] != '\n') {
                            throw FALLBACK; // a bare carriage return is a line break to the general reader
                        }
                    }
                    i += 8;
                    continue;
                }
                int j = i;
                while (j < length && !special(b[j])) {
                    high |= b[j] & 0x80;
                    j++;
                }
                if (j == length) {
                    lineEnd = length;
                    break;
                }
                byte c = b[j];
                if (c == '\n') {
                    lineEnd = j;
                    break;
                } else if (c == separator) {
                    if (field <= lastColumn && quoted != field) {
                        setField(field, start, j);
                    }
                    field++;
                    start = j + 1;
                    i = j + 1;
                } else if (c == '"') {
                    i = quotedField(field, start, j) + 1;
                    quoted = field;
                } else {
                    if (j + 1 < length && b[j + 1] != '\n') {
                        throw FALLBACK; // a bare carriage return is a line break to the general reader
                    }
                    i = j + 1;
                }
            }
            highBits |= high;
            int end = lineEnd > start && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (field > 0 || quoted >= 0 || !blank(start, end)) {
                if (field < lastColumn) {
                    throw FALLBACK; // a short row: the general reader names the missing column
                }
                if (field == lastColumn && quoted != field) {
                    setField(field, start, end);
                }
                addRow();
            }
            lines++;
            return lineEnd + 1;
        }

        /** A column {@link #parseTypedLine} passes over. */
        private static final byte SKIP = 0;

        private static final byte CUSTOMER = 1;
        private static final byte DATE = 2;
        private static final byte AMOUNT = 3;
        private static final byte CATEGORY = 4;
        private static final byte QUANTITY = 5;
        /** A column read later from its bounds (a status, a refunded amount). */
        private static final byte BOUNDS = 6;
        /**
         * Bytes a typed field may read past its start before it knows its end: an amount of 16 digits, a separator,
         * 9 decimals and the byte after them, or a date and the byte after it.
         */
        private static final int TYPED_MARGIN = 40;

        /** What {@link #parseTypedLine} does with each column; null when one column has two roles. */
        private static byte[] roles(int[] columns, int lastColumn) {
            byte[] roles = new byte[lastColumn + 1];
            byte[] role = {CUSTOMER, DATE, AMOUNT, CATEGORY, QUANTITY, SKIP, SKIP, BOUNDS, BOUNDS};
            boolean[] taken = new boolean[lastColumn + 1];
            for (int i = 0; i < columns.length; i++) {
                int column = columns[i];
                if (column >= 0) {
                    if (taken[column]) {
                        return null;
                    }
                    taken[column] = true;
                    roles[column] = role[i];
                }
            }
            return roles;
        }

        /**
         * Parses the line at {@code position} column by column, as {@link #parseDelimitedLine} and {@link #addRow}
         * would, but each value is read as its bytes are scanned (dates, amounts, quantities) or its end found by one
         * word scan (ids, categories, other columns): the usual line is looked at once, never first split into field
         * bounds and then read again. Returns the next line's start, or -1 for a line it leaves to
         * {@link #parseDelimitedLine}, which then parses it again from its start: a quote, a field with blanks at an
         * edge or empty (but a category), a short row, a bare carriage return, a line near the chunk's end. So this
         * path decides how fast a line is read, never what it means: each value it reads has the bounds the other
         * path would give it and goes through the same checks.
         */
        private int parseTypedLine(int position) {
            byte[] b = bytes;
            byte[] roles = this.roles;
            int last = roles.length - 1;
            int r = rows;
            if (r == day.length) {
                grow();
            }
            if (categoryColumn < 0) {
                category[r] = PurchaseTable.NO_CATEGORY;
            }
            if (quantityColumn < 0) {
                quantity[r] = 1;
            }
            int p = position;
            for (int f = 0; ; f++) {
                if (p > typedLimit) {
                    return -1;
                }
                int e; // the byte that ends the field
                switch (roles[f]) {
                    case CUSTOMER:
                        if (typedId >= 0) {
                            e = p + idLength[typedId];
                            if (e < length && same(idOffset[typedId], idLength[typedId], p, e)) {
                                // the previous typed line's customer again, no scan, no hash (the check below ends it)
                                customer[r] = typedId;
                                break;
                            }
                        }
                        e = unpaddedEnd(p);
                        if (e < 0) {
                            return -1;
                        }
                        typedId = customerIndex(p, e);
                        customer[r] = typedId;
                        break;
                    case DATE:
                        e = p + 10;
                        if (isoDashes && ends(b[e]) && b[p + 4] == '-' && b[p + 7] == '-') {
                            day[r] = isoDay(p);
                        } else {
                            e = unpaddedEnd(p);
                            if (e < 0) {
                                return -1;
                            }
                            day[r] = parseDay(p, e);
                        }
                        break;
                    case AMOUNT:
                        e = typedAmount(p, r);
                        if (e < 0) {
                            e = unpaddedEnd(p);
                            if (e < 0) {
                                return -1;
                            }
                            amount[r] = parseAmount(p, e, false);
                        }
                        break;
                    case CATEGORY:
                        e = specialAt(p);
                        if (e == p) {
                            category[r] = PurchaseTable.NO_CATEGORY;
                        } else if (unpadded(p, e)) {
                            category[r] = categoryIndex(p, e);
                        } else {
                            return -1;
                        }
                        break;
                    case QUANTITY:
                        e = typedQuantity(p, r);
                        if (e < 0) {
                            e = unpaddedEnd(p);
                            if (e < 0) {
                                return -1;
                            }
                            quantity[r] = parseQuantity(p, e);
                        }
                        break;
                    case BOUNDS:
                        e = specialAt(p);
                        if (e != p && !unpadded(p, e)) {
                            return -1;
                        }
                        fieldStart[f] = p;
                        fieldEnd[f] = e;
                        break;
                    default:
                        e = specialAt(p);
                        if (e < 0) {
                            return -1;
                        }
                }
                byte end = b[e];
                if (f < last) {
                    if (end != separator) {
                        return -1; // a short row, a quote or a carriage return
                    }
                    p = e + 1;
                    continue;
                }
                if (!ends(end)) {
                    return -1; // a quote, or a value followed by other bytes
                }
                p = end == '\n' ? e + 1 : lineEnd(e); // a CRLF, or the columns after the last one read
                if (p < 0) {
                    return -1;
                }
                break;
            }
            line[r] = lines++;
            endRow(r);
            return p;
        }

        /** Whether {@code c} may end a field: the separator, a line break or a carriage return. */
        private boolean ends(byte c) {
            return c == separator || c == '\n' || c == '\r';
        }

        /** Whether {@code [from, to)} is a field {@link #setField} takes without trimming: no blank at an edge. */
        private boolean unpadded(int from, int to) {
            return from < to && bytes[from] > ' ' && bytes[to - 1] > ' ';
        }

        /** The end of the field at {@code from} when it is not empty and has no blank at an edge, else -1. */
        private int unpaddedEnd(int from) {
            int end = specialAt(from);
            return unpadded(from, end) ? end : -1;
        }

        /**
         * The first separator, line break, quote or carriage return at or after {@code from}, found a word at a time
         * (every word's high bits kept for the UTF-8 check); -1 if none before the chunk's last word.
         */
        private int specialAt(int from) {
            byte[] b = bytes;
            long high = 0;
            for (int i = from; i + 8 <= length; i += 8) {
                long word = (long) LONGS.get(b, i);
                high |= word;
                long mask = specialBytes(word);
                if (mask != 0) {
                    highBits |= high;
                    return i + (Long.numberOfTrailingZeros(mask) >>> 3);
                }
            }
            return -1;
        }

        /**
         * The start of the next line, from the byte that ends the last column read (a line break, or a separator before
         * columns not read); -1 at a quote or a bare carriage return.
         */
        private int lineEnd(int from) {
            int i = from;
            while (true) {
                int e = specialAt(i);
                if (e < 0) {
                    return -1;
                }
                byte c = bytes[e];
                if (c == '\n') {
                    return e + 1;
                }
                if (c == '\r' && e + 1 < length && bytes[e + 1] == '\n') {
                    return e + 2;
                }
                if (c != separator) {
                    return -1;
                }
                i = e + 1;
            }
        }

        /**
         * Reads row {@code r}'s amount at {@code from} in the usual shape of {@link #parseAmount} (digits, then the
         * decimal separator and exactly the scale's decimals, or digits alone), as its bytes are scanned; returns the
         * byte after it, or -1 for any other start (then the field is read by {@link #parseAmount}). A byte after it
         * that does not end the field makes the caller leave the line to {@link #parseDelimitedLine}.
         */
        private int typedAmount(int from, int r) {
            byte[] b = bytes;
            int limit = from + 16 - scale; // at most 16 digits in all: no overflow
            long whole = 0;
            int i = from;
            for (; i < limit; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                whole = whole * 10 + d;
            }
            if (i == from) {
                return -1;
            }
            byte c = b[i];
            if (c == decimal && scale > 0) {
                long fraction = 0;
                int bad = 0;
                for (int k = i + 1; k <= i + scale; k++) {
                    int d = b[k] - '0';
                    bad |= d | (9 - d);
                    fraction = fraction * 10 + d;
                }
                if (bad < 0) {
                    return -1;
                }
                amount[r] = whole * POWERS_OF_TEN[scale] + fraction;
                return i + scale + 1;
            }
            amount[r] = whole * POWERS_OF_TEN[scale];
            return i;
        }

        /** As {@link #typedAmount} for a quantity: 1 to 9 digits, at least 1. */
        private int typedQuantity(int from, int r) {
            byte[] b = bytes;
            int value = 0;
            int i = from;
            for (; i < from + 9; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                value = value * 10 + d;
            }
            if (value < 1) {
                return -1;
            }
            quantity[r] = value;
            return i;
        }

        private boolean special(byte c) {
            return c == separator || c == '\n' || c == '"' || c == '\r';
        }

        /** The high bit of each byte of {@code word} that is the separator, a line break, a quote or a CR. */
        private long specialBytes(long word) {
            return zeroBytes(word ^ separators)
                    | zeroBytes(word ^ NEWLINES)
                    | zeroBytes(word ^ QUOTES)
                    | zeroBytes(word ^ RETURNS);
        }

        /** The high bit of each zero byte of {@code x}, exactly (no borrow from one byte into the next). */
        private static long zeroBytes(long x) {
            return ~(((x & LOWS) + LOWS) | x | LOWS);
        }

        /**
         * A field quoted as RFC 4180 writes it ({@code "1,250.00"}), the opening quote at {@code quote}: records its
         * content as field {@code index} and returns the position of the last byte before the delimiter or line end
         * that follows the closing quote. Falls back for what the general reader must judge or name: a quote after
         * other text, a doubled (escaped) quote, a line break inside the quotes, text after the closing quote, content
         * with surrounding blanks.
         */
        private int quotedField(int index, int start, int quote) {
            byte[] b = bytes;
            int length = this.length;
            if (!blank(start, quote)) {
                throw FALLBACK;
            }
            int close = quote + 1;
            while (close < length && b[close] != '"') {
                if (b[close] == '\n' || b[close] == '\r') {
                    throw FALLBACK;
                }
                highBits |= b[close] & 0x80;
                close++;
            }
            if (close == length || close + 1 < length && b[close + 1] == '"') {
                throw FALLBACK;
            }
            int after = close + 1;
            while (after < length && (b[after] == ' ' && separator != ' ' || b[after] == '\t' && separator != '\t')) {
                after++;
            }
            if (after < length && b[after] != separator && b[after] != '\n' && b[after] != '\r') {
                throw FALLBACK;
            }
            if (index <= lastColumn) {
                int from = quote + 1;
                if (close > from && (isBlank(b[from]) || isBlank(b[close - 1]))) {
                    throw FALLBACK;
                }
                fieldStart[index] = from;
                fieldEnd[index] = close;
            }
            return after - 1;
        }

        private static boolean isBlank(byte b) {
            return b == ' ' || b == '\t';
        }

        /** Records field {@code index} as {@code [from, to)} without surrounding spaces and tabs. */
        private void setField(int index, int from, int to) {
            if (from < to && bytes[from] > ' ' && bytes[to - 1] > ' ') {
                // the usual field, with no blank (nor any other control or non-ASCII byte) at either end
                fieldStart[index] = from;
                fieldEnd[index] = to;
                return;
            }
            trimField(index, from, to);
        }

        private void trimField(int index, int from, int to) {
            while (from < to && (bytes[from] == ' ' || bytes[from] == '\t')) {
                from++;
            }
            while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
                to--;
            }
            fieldStart[index] = from;
            fieldEnd[index] = to;
        }

        private boolean blank(int from, int to) {
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }

        private void addRow() {
            if (grouped) {
                addOrderLine();
                rows++;
                return;
            }
            if (rows == day.length) {
                grow();
            }
            int r = rows;
            line[r] = lines;
            customer[r] = customerIndex(fieldStart[customerColumn], fieldEnd[customerColumn]);
            day[r] = parseDay(fieldStart[dateColumn], fieldEnd[dateColumn]);
            category[r] = categoryColumn < 0
                    ? PurchaseTable.NO_CATEGORY
                    : categoryIndex(fieldStart[categoryColumn], fieldEnd[categoryColumn]);
            if (unitPriceColumn >= 0) {
                int items = signedItems();
                quantity[r] = items;
                amount[r] = unitPriceTimes(items);
            } else {
                amount[r] = parseAmount(fieldStart[amountColumn], fieldEnd[amountColumn], false);
                quantity[r] =
                        quantityColumn < 0 ? 1 : parseQuantity(fieldStart[quantityColumn], fieldEnd[quantityColumn]);
            }
            endRow(r);
        }

        /** Ends row {@code r}, its other columns set: a refund needs the rules; the status and refunded amount. */
        private void endRow(int r) {
            needsRules |= amount[r] < 0;
            if (statusOf != null || refunded != null) {
                addStatusAndRefunded(r);
            }
            rows = r + 1;
        }

        /**
         * Row {@code r}'s status and refunded amount, when the rules read them; apart from {@link #addRow} (as the unit
         * price's product) so that the plain row's method stays small enough to inline.
         */
        private void addStatusAndRefunded(int r) {
            if (statusOf != null) {
                statusOf[r] = statusIndex(fieldStart[statusColumn], fieldEnd[statusColumn]);
            }
            if (refunded != null) {
                refunded[r] = Math.abs(parseAmount(fieldStart[refundedColumn], fieldEnd[refundedColumn], true));
            }
        }

        /** The items of a line priced by unit: a whole number other than 0 (a return's is negative), 1 without one. */
        private int signedItems() {
            return quantityColumn < 0 ? 1 : parseSignedQuantity(fieldStart[quantityColumn], fieldEnd[quantityColumn]);
        }

        /** The line's unit price times {@code items}, exact in minor units. */
        private long unitPriceTimes(int items) {
            long price = parseAmount(fieldStart[unitPriceColumn], fieldEnd[unitPriceColumn], false);
            try {
                return Math.multiplyExact(price, items);
            } catch (ArithmeticException e) {
                throw FALLBACK;
            }
        }

        private static final byte CUSTOMER_OK = 1;
        private static final byte GUEST = 2;
        private static final byte INVALID = 3;

        /**
         * An order line: parsed as {@link #addRow} parses a row, then judged by the row rules as {@link
         * PurchaseAssembler#add} judges it (the date window, guests, a refund line when refunds are errors, the
         * customer id) and added to its order in this chunk. What the rules refuse falls back.
         */
        private void addOrderLine() {
            int c = customerIndex(fieldStart[customerColumn], fieldEnd[customerColumn]);
            int d = parseDay(fieldStart[dateColumn], fieldEnd[dateColumn]);
            int k = categoryColumn < 0
                    ? PurchaseTable.NO_CATEGORY
                    : categoryIndex(fieldStart[categoryColumn], fieldEnd[categoryColumn]);
            long lineAmount;
            int items;
            if (unitPriceColumn >= 0) {
                items = signedItems();
                lineAmount = unitPriceTimes(items);
            } else {
                lineAmount = parseAmount(fieldStart[amountColumn], fieldEnd[amountColumn], true);
                items = quantityColumn < 0 ? 1 : parseQuantity(fieldStart[quantityColumn], fieldEnd[quantityColumn]);
            }
            long lineRefunded = refundedColumn < 0
                    ? 0
                    : Math.abs(parseAmount(fieldStart[refundedColumn], fieldEnd[refundedColumn], true));
            int st = statusColumn < 0 ? -1 : statusIndex(fieldStart[statusColumn], fieldEnd[statusColumn]);
            if (d < sinceDay || d > untilDay) {
                skipRow(d < sinceDay ? beforeReason : afterReason);
                return;
            }
            byte rule = customerRule(c);
            if (rule == GUEST) {
                if (guestIsError) {
                    throw FALLBACK;
                }
                skipRow(LoadSummary.WITHOUT_CUSTOMER);
                return;
            }
            long net;
            try {
                net = Math.subtractExact(lineAmount, lineRefunded);
            } catch (ArithmeticException e) {
                throw FALLBACK;
            }
            if (net < 0 && refundIsError || rule == INVALID) {
                throw FALLBACK;
            }
            orderRows++;
            int from = fieldStart[orderColumn];
            int to = fieldEnd[orderColumn];
            int g = lastGroup;
            if (g < 0 || groupCustomer[g] != c || !same(groupOrderFrom[g], groupOrderLength[g], from, to)) {
                // not the previous line's order (exports write an order's lines together): look it up
                g = findOrder(c, from, to, d, k, st);
                lastGroup = g;
            } else {
                addToOrder(g, d, k, st);
            }
            try {
                groupAmount[g] = Math.addExact(groupAmount[g], lineAmount);
                groupRefunded[g] = Math.addExact(groupRefunded[g], lineRefunded);
            } catch (ArithmeticException e) {
                throw FALLBACK;
            }
            groupQuantity[g] += items;
            groupLines[g]++;
            groupNegative[g] |= lineAmount < 0;
        }

        private void skipRow(String reason) {
            count(skippedRows, reason, lines);
        }

        /** One more row under {@code key}, the first of them on {@code line} (in the chunk) if it is new. */
        private static void count(Map<String, long[]> counts, String key, long line) {
            long[] counted = counts.get(key);
            if (counted == null) {
                counts.put(key, new long[] {1, line});
            } else {
                counted[0]++;
            }
        }

        /**
         * Judges the parsed rows (not grouped into orders) by the row rules, in file order, exactly as {@link
         * PurchaseAssembler#add} judges them one by one: the date window, the status, guests, then refund or
         * purchase. The purchases move up in the columns (net amounts, quantities at least 1); what is skipped,
         * excluded or a refund is counted; refunds that net into the table are kept apart. What the rules refuse (a
         * guest or a refund when those are errors, an invalid id of a row that goes into the table, an overflow)
         * falls back, so that the general reader names it.
         */
        private void judge() {
            judged = true;
            boolean netted = rules.refunds() == PurchaseRules.Refunds.NET;
            int kept = 0;
            for (int r = 0; r < rows; r++) {
                int d = day[r];
                if (d < sinceDay || d > untilDay) {
                    count(skippedRows, d < sinceDay ? beforeReason : afterReason, line[r]);
                    continue;
                }
                if (statusOf != null && !statusCounts(statusOf[r])) {
                    count(excludedRows, statuses.get(statusOf[r]), line[r]);
                    continue;
                }
                int c = customer[r];
                byte rule = customerRule(c);
                if (rule == GUEST) {
                    if (guestIsError) {
                        throw FALLBACK;
                    }
                    count(skippedRows, LoadSummary.WITHOUT_CUSTOMER, line[r]);
                    continue;
                }
                long gross = amount[r];
                long back = refunded == null ? 0 : refunded[r];
                long net;
                try {
                    net = Math.subtractExact(gross, back);
                } catch (ArithmeticException e) {
                    throw FALLBACK;
                }
                if (PurchaseAssembler.isRefund(net, back, gross < 0)) {
                    if (refundIsError) {
                        throw FALLBACK;
                    }
                    refundRows++;
                    try {
                        refundTotal = Math.addExact(refundTotal, net);
                    } catch (ArithmeticException e) {
                        throw FALLBACK;
                    }
                    if (netted && net < 0) {
                        if (rule == INVALID) {
                            throw FALLBACK;
                        }
                        addRefund(c, d, net);
                    }
                    continue;
                }
                if (rule == INVALID) {
                    throw FALLBACK;
                }
                customer[kept] = c;
                day[kept] = d;
                amount[kept] = net;
                category[kept] = category[r];
                quantity[kept] = Math.max(1, quantity[r]);
                kept++;
            }
            purchases = kept;
            // The dictionaries keep only the customers and categories of the purchases, as the table would get them
            // row by row (a customer with only refunds or skipped rows is no customer of the table).
            customerIds = customerIds.keepOnlyUsed(customer, kept);
            keepOnlyUsed(categories, category, kept);
        }

        /** Drops the values of {@code dictionary} that no row of {@code index[0, rows)} uses, and renumbers them. */
        private static void keepOnlyUsed(List<String> dictionary, int[] index, int rows) {
            int[] renumbered = new int[dictionary.size()];
            Arrays.fill(renumbered, -1);
            List<String> used = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                int v = index[r];
                if (v == PurchaseTable.NO_CATEGORY) {
                    continue;
                }
                if (renumbered[v] < 0) {
                    renumbered[v] = used.size();
                    used.add(dictionary.get(v));
                }
                index[r] = renumbered[v];
            }
            dictionary.clear();
            dictionary.addAll(used);
        }

        /** Whether rows of status {@code st} count, judged once per status. */
        private boolean statusCounts(int st) {
            if (st >= statusRule.length) {
                statusRule = Arrays.copyOf(statusRule, Math.max(st + 1, statusRule.length * 2));
            }
            if (statusRule[st] == 0) {
                statusRule[st] = rules.counts(statuses.get(st)) ? (byte) 1 : (byte) 2;
            }
            return statusRule[st] == 1;
        }

        private void addRefund(int c, int d, long net) {
            if (refunds == refundDay.length) {
                int capacity = Math.max(16, refunds * 2);
                refundCustomer = Arrays.copyOf(refundCustomer, capacity);
                refundDay = Arrays.copyOf(refundDay, capacity);
                refundAmount = Arrays.copyOf(refundAmount, capacity);
            }
            refundCustomer[refunds] = customerId(c);
            refundDay[refunds] = d;
            refundAmount[refunds] = net;
            refunds++;
        }

        /** Customer id {@code c} of this chunk, while its rows are parsed too. */
        private String customerId(int c) {
            if (customerIds != null) {
                return customerIds.get(c);
            }
            return ChunkIds.decode(bytes, idOffset[c], idLength[c]);
        }

        /** A chunk customer judged once: a guest (no customer), a valid id, or an invalid one. */
        private byte customerRule(int c) {
            if (c >= customerRule.length) {
                customerRule = Arrays.copyOf(customerRule, Math.max(c + 1, customerRule.length * 2));
            }
            byte rule = customerRule[c];
            if (rule == 0) {
                String id = customerId(c);
                if (rules.isGuest(id)) {
                    rule = GUEST;
                } else {
                    try {
                        new org.loyaltykpi.domain.CustomerId(id);
                        rule = CUSTOMER_OK;
                    } catch (IllegalArgumentException e) {
                        rule = INVALID;
                    }
                }
                customerRule[c] = rule;
            }
            return rule;
        }

        /** The order of customer {@code c} with the id at {@code [from, to)}, added with this line if new. */
        private int findOrder(int c, int from, int to, int d, int k, int st) {
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + bytes[i];
            }
            if (ascendingOrders) {
                int last = groups - 1;
                if (last < 0 || ascends(bytes, groupOrderFrom[last], groupOrderLength[last], bytes, from, to)) {
                    return newOrder(c, from, to, hash, d, k, st);
                }
                ascendingOrders = false;
                rehashOrders(Math.max(groupSlots.length, Integer.highestOneBit(Math.max(1, groups)) << 2));
            }
            int mask = groupSlots.length - 1;
            for (int slot = mix(hash, c) & mask; ; slot = (slot + 1) & mask) {
                int g = groupSlots[slot] - 1;
                if (g < 0) {
                    g = newOrder(c, from, to, hash, d, k, st);
                    groupSlots[slot] = g + 1;
                    if (2 * groups > groupSlots.length) {
                        rehashOrders(groupSlots.length * 2);
                    }
                    return g;
                }
                if (groupHash[g] == hash
                        && groupCustomer[g] == c
                        && same(groupOrderFrom[g], groupOrderLength[g], from, to)) {
                    addToOrder(g, d, k, st);
                    return g;
                }
            }
        }

        private int newOrder(int c, int from, int to, int hash, int d, int k, int st) {
            int g = groups++;
            if (g == groupDay.length) {
                int capacity = g * 2;
                groupCustomer = Arrays.copyOf(groupCustomer, capacity);
                groupOrderFrom = Arrays.copyOf(groupOrderFrom, capacity);
                groupOrderLength = Arrays.copyOf(groupOrderLength, capacity);
                groupHash = Arrays.copyOf(groupHash, capacity);
                groupDay = Arrays.copyOf(groupDay, capacity);
                groupAmount = Arrays.copyOf(groupAmount, capacity);
                groupRefunded = Arrays.copyOf(groupRefunded, capacity);
                groupQuantity = Arrays.copyOf(groupQuantity, capacity);
                groupLines = Arrays.copyOf(groupLines, capacity);
                groupFirstLine = Arrays.copyOf(groupFirstLine, capacity);
                groupNegative = Arrays.copyOf(groupNegative, capacity);
                groupStatus = Arrays.copyOf(groupStatus, capacity);
                groupCategory = Arrays.copyOf(groupCategory, capacity);
            }
            groupCustomer[g] = c;
            groupOrderFrom[g] = from;
            groupOrderLength[g] = to - from;
            groupHash[g] = hash;
            groupDay[g] = d;
            groupStatus[g] = presentStatus(st);
            groupCategory[g] = k;
            groupFirstLine[g] = lines;
            groupAmount[g] = 0; // the arrays are reused from wave to wave
            groupRefunded[g] = 0;
            groupQuantity[g] = 0;
            groupLines[g] = 0;
            groupNegative[g] = false;
            return g;
        }

        /** A later line of order {@code g}: the earliest day, the first non-empty status, every category. */
        private void addToOrder(int g, int d, int k, int st) {
            groupDay[g] = Math.min(groupDay[g], d);
            if (groupStatus[g] < 0) {
                groupStatus[g] = presentStatus(st);
            }
            if (k != PurchaseTable.NO_CATEGORY && k != groupCategory[g]) {
                if (groupCategory[g] == PurchaseTable.NO_CATEGORY) {
                    groupCategory[g] = k;
                } else {
                    int first = groupCategory[g];
                    groupSeveral
                            .computeIfAbsent(g, x -> {
                                java.util.BitSet set = new java.util.BitSet();
                                set.set(first);
                                return set;
                            })
                            .set(k);
                }
            }
        }

        /** A status index, or -1 when the status is empty (an order's later lines leave it out). */
        private int presentStatus(int st) {
            return st < 0 || statuses.get(st).isEmpty() ? -1 : st;
        }

        /** Every group into new slots, {@code slotCount} of them (a power of two, over twice the groups). */
        private void rehashOrders(int slotCount) {
            int[] slots = slotCount == groupSlots.length ? groupSlots : new int[slotCount];
            if (slots == groupSlots) {
                Arrays.fill(slots, 0);
            }
            int mask = slots.length - 1;
            for (int g = 0; g < groups; g++) {
                int slot = mix(groupHash[g], groupCustomer[g]) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = g + 1;
            }
            groupSlots = slots;
        }

        /** The status field at {@code [from, to)} as an index into {@link #statuses} (few distinct values). */
        private int statusIndex(int from, int to) {
            int length = to - from;
            if (lastStatus >= 0 && same(statusOffset[lastStatus], statusLength[lastStatus], from, to)) {
                return lastStatus;
            }
            for (int s = 0; s < statusOffset.length; s++) {
                if (statusLength[s] == length && same(statusOffset[s], length, from, to)) {
                    lastStatus = s;
                    return s;
                }
            }
            int s = statusOffset.length;
            if (s == 256) {
                throw FALLBACK; // a status column of free text: the general reader
            }
            statusOffset = Arrays.copyOf(statusOffset, s + 1);
            statusLength = Arrays.copyOf(statusLength, s + 1);
            statusOffset[s] = from;
            statusLength[s] = length;
            statuses.add(text(from, to).strip());
            lastStatus = s;
            return s;
        }

        /** Finds the fields up to the last needed column of a whitespace-separated line. */
        private void splitWhitespaceFields(int from, int to) {
            int field = 0;
            int i = from;
            while (field <= lastColumn) {
                while (i < to && (bytes[i] == ' ' || bytes[i] == '\t')) {
                    i++;
                }
                if (i == to) {
                    throw FALLBACK;
                }
                fieldStart[field] = i;
                while (i < to && bytes[i] != ' ' && bytes[i] != '\t') {
                    i++;
                }
                fieldEnd[field++] = i;
            }
        }

        private String text(int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        /**
         * The chunk's index of the customer id in {@code [from, to)}. Exports are mostly grouped by customer: the
         * previous row's customer is compared first, without hashing (an id it equals passed the checks below).
         */
        private int customerIndex(int from, int to) {
            int last = lastCustomer;
            if (last >= 0 && same(idOffset[last], idLength[last], from, to)) {
                return last;
            }
            return newCustomerIndex(from, to);
        }

        /** As {@link #customerIndex} for an id other than the previous row's: checked, then looked up or added. */
        private int newCustomerIndex(int from, int to) {
            if (from == to) {
                // no customer: the rules skip the row or name it
                needsRules = true;
                if (emptyId < 0) {
                    emptyId = idCount++;
                    if (emptyId == idOffset.length) {
                        idOffset = Arrays.copyOf(idOffset, emptyId * 2);
                        idLength = Arrays.copyOf(idLength, emptyId * 2);
                        idHash = Arrays.copyOf(idHash, emptyId * 2);
                    }
                    idLength[emptyId] = -1; // never equal to a field's length
                }
                return emptyId;
            }
            if (bytes[from] < 0 || bytes[to - 1] < 0) {
                // empty, or starting / ending with a non-ASCII byte (maybe white space the general reader strips)
                throw FALLBACK;
            }
            lastCustomer = lookupCustomer(from, to);
            return lastCustomer;
        }

        private int lookupCustomer(int from, int to) {
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + bytes[i];
            }
            hash ^= hash >>> 16;
            int mask = idSlots.length - 1;
            for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
                int entry = idSlots[slot] - 1;
                if (entry < 0) {
                    return addId(slot, hash, from, to);
                }
                if (idHash[entry] == hash && same(idOffset[entry], idLength[entry], from, to)) {
                    return entry;
                }
            }
        }

        private int addId(int slot, int hash, int from, int to) {
            int index = idCount++;
            if (index == idOffset.length) {
                idOffset = Arrays.copyOf(idOffset, index * 2);
                idLength = Arrays.copyOf(idLength, index * 2);
                idHash = Arrays.copyOf(idHash, index * 2);
            }
            idOffset[index] = from;
            idLength[index] = to - from;
            idHash[index] = hash;
            idSlots[slot] = index + 1;
            if (2 * idCount > idSlots.length) {
                rehash();
            }
            return index;
        }

        private void rehash() {
            int[] slots = new int[idSlots.length * 2];
            int mask = slots.length - 1;
            for (int index = 0; index < idCount; index++) {
                int slot = idHash[index] & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = index + 1;
            }
            idSlots = slots;
        }

        /** Whether this chunk's bytes at {@code [offset, offset + length)} equal those at {@code [from, to)}. */
        private boolean same(int offset, int length, int from, int to) {
            if (length != to - from) {
                return false;
            }
            int end = bytes.length;
            if (length <= 8 && offset + 8 <= end && from + 8 <= end) {
                // Most ids and categories fit in a word: one compare under a mask of their length.
                long mask = length == 8 ? -1L : (1L << (length << 3)) - 1;
                return (((long) LONGS.get(bytes, offset) ^ (long) LONGS.get(bytes, from)) & mask) == 0;
            }
            // Longer ones are still short: a plain loop beats the set-up of a vectorized mismatch.
            for (int i = 0; i < length; i++) {
                if (bytes[offset + i] != bytes[from + i]) {
                    return false;
                }
            }
            return true;
        }

        private int categoryIndex(int from, int to) {
            if (from == to) {
                return PurchaseTable.NO_CATEGORY;
            }
            if (bytes[from] < 0 || bytes[to - 1] < 0) {
                throw FALLBACK;
            }
            int key = ((to - from) * 31 + bytes[from] * 7 + bytes[to - 1]) & (categoryGuess.length - 1);
            int guess = categoryGuess[key] - 1;
            if (guess >= 0 && sameCategory(guess, from, to)) {
                return guess;
            }
            return findCategory(key, from, to);
        }

        /** As {@link #categoryIndex} when the guess by {@code key} was wrong: looked up, or added. */
        private int findCategory(int key, int from, int to) {
            for (int k = 0; k < categoryOffset.length; k++) {
                if (sameCategory(k, from, to)) {
                    categoryGuess[key] = k + 1;
                    return k;
                }
            }
            int k = categoryOffset.length;
            categoryOffset = Arrays.copyOf(categoryOffset, k + 1);
            categoryLength = Arrays.copyOf(categoryLength, k + 1);
            categoryOffset[k] = from;
            categoryLength[k] = to - from;
            categories.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            categoryGuess[key] = k + 1;
            return k;
        }

        private boolean sameCategory(int k, int from, int to) {
            return same(categoryOffset[k], categoryLength[k], from, to);
        }

        private int parseDay(int from, int to) {
            if (isoDashes && to - from == 10 && bytes[from + 4] == '-' && bytes[from + 7] == '-') {
                return isoDay(from);
            }
            if (isoCompact && to - from == 8) {
                return epochDay(digits(from, 4), digits(from + 4, 2), digits(from + 6, 2));
            }
            if (isoCompact) {
                throw FALLBACK;
            }
            if (isoDashes && to - from >= 16) {
                long day = isoDateTime(from, to);
                if (day != NOT_FAST) {
                    return (int) day;
                }
            }
            int length = to - from;
            if (length == lastDateLength && same(lastDateFrom, length, from, to)) {
                return lastDateDay; // order lines repeat their order's time stamp
            }
            int day;
            try {
                day = dates.epochDay(new String(bytes, from, length, StandardCharsets.UTF_8));
            } catch (java.time.DateTimeException | ArithmeticException e) {
                throw FALLBACK;
            }
            lastDateFrom = from;
            lastDateLength = length;
            lastDateDay = day;
            return day;
        }

        private static final long NOT_FAST = Long.MIN_VALUE;

        private static final long[] POWERS_OF_TEN = {
            1L,
            10L,
            100L,
            1_000L,
            10_000L,
            100_000L,
            1_000_000L,
            10_000_000L,
            100_000_000L,
            1_000_000_000L,
            10_000_000_000L,
            100_000_000_000L,
            1_000_000_000_000L,
            10_000_000_000_000L,
            100_000_000_000_000L,
            1_000_000_000_000_000L
        };

        /**
         * The day of an ISO date-time in the shapes shops export ({@code 2024-03-05T14:22:10Z}, {@code 2024-03-05
         * 14:22:10 +0100}, {@code 2024-03-05 14:22}, {@code 2024-03-05T14:22:10.123+01:00}), read from bytes as
         * {@link DateParser} reads them: the date as written, or with a time zone the calendar date in it of the
         * instant written. {@link #NOT_FAST} for any other shape (a zone name, {@code UTC}, a comma fraction), which
         * the general parser then reads or rejects.
         */
        private long isoDateTime(int from, int to) {
            byte[] b = bytes;
            byte t = b[from + 10];
            if (b[from + 4] != '-' || b[from + 7] != '-' || t != 'T' && t != 't' && t != ' ') {
                return NOT_FAST;
            }
            int i = from + 11;
            int hour = twoDigits(i, to);
            int minute = i + 5 <= to && b[i + 2] == ':' ? twoDigits(i + 3, to) : -1;
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
                return NOT_FAST;
            }
            i += 5;
            int second = 0;
            if (i < to && b[i] == ':') {
                second = twoDigits(i + 1, to);
                if (second < 0 || second > 59) {
                    return NOT_FAST;
                }
                i += 3;
                if (i < to && b[i] == '.') {
                    int fraction = 0;
                    i++;
                    while (i < to && b[i] >= '0' && b[i] <= '9') {
                        i++;
                        fraction++;
                    }
                    if (fraction < 1 || fraction > 9) {
                        return NOT_FAST;
                    }
                }
            }
            if (i < to && (b[i] >= '0' && b[i] <= '9' || b[i] == ':' || b[i] == '.' || b[i] == ',')) {
                return NOT_FAST;
            }
            while (i < to && b[i] == ' ') {
                i++;
            }
            int offset;
            if (i == to) {
                offset = Integer.MIN_VALUE; // no offset: the date as written
            } else if (to - i == 1 && (b[i] == 'Z' || b[i] == 'z')) {
                offset = 0;
            } else if (b[i] == '+' || b[i] == '-') {
                int hours = twoDigits(i + 1, to);
                int minutes;
                if (to - i == 3) {
                    minutes = 0;
                } else if (to - i == 5) {
                    minutes = twoDigits(i + 3, to);
                } else if (to - i == 6 && b[i + 3] == ':') {
                    minutes = twoDigits(i + 4, to);
                } else {
                    return NOT_FAST;
                }
                if (hours < 0 || minutes < 0 || minutes > 59 || hours > 18 || hours == 18 && minutes > 0) {
                    return NOT_FAST;
                }
                offset = (b[i] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
            } else {
                return NOT_FAST;
            }
            int date = epochDay(digits(from, 4), digits(from + 5, 2), digits(from + 8, 2));
            if (zone == null || offset == Integer.MIN_VALUE) {
                return date;
            }
            long instant = date * 86_400L + hour * 3600L + minute * 60L + second - offset;
            int target = fixedZone
                    ? fixedOffset
                    : zone.getRules()
                            .getOffset(java.time.Instant.ofEpochSecond(instant))
                            .getTotalSeconds();
            return Math.floorDiv(instant + target, 86_400L);
        }

        /** Two ASCII digits at {@code at} (before {@code to}) as a number, or -1. */
        private int twoDigits(int at, int to) {
            if (at + 2 > to) {
                return -1;
            }
            int high = bytes[at] - '0';
            int low = bytes[at + 1] - '0';
            return high < 0 || high > 9 || low < 0 || low > 9 ? -1 : high * 10 + low;
        }

        private int digits(int from, int count) {
            byte[] b = bytes;
            int value = 0;
            int bad = 0; // negative once a byte is no digit: d < 0 or 9 - d < 0 sets the sign bit
            for (int i = from; i < from + count; i++) {
                int d = b[i] - '0';
                bad |= d | (9 - d);
                value = value * 10 + d;
            }
            if (bad < 0) {
                throw FALLBACK;
            }
            return value;
        }

        /**
         * The day of an ISO date at {@code from} whose dashes the caller checked ({@code yyyy-MM-dd}): its first eight
         * bytes are read as one word, '0' taken from each digit (and '-' from each dash) at once, and any byte that is
         * not then 0 to 9 (a borrow or a byte of 10 or more) sets a high bit of the word plus 0x76 in each byte.
         */
        private int isoDay(int from) {
            byte[] b = bytes;
            long v = (long) LONGS.get(b, from) - ISO_ZEROS;
            int d0 = b[from + 8] - '0';
            int d1 = b[from + 9] - '0';
            if ((((v + ONES * 0x76) | v) & HIGHS) != 0 || (d0 | (9 - d0) | d1 | (9 - d1)) < 0) {
                throw FALLBACK;
            }
            long pairs = v * 10 + (v >>> 8); // byte 0: y0 y1 as a number, byte 2: y2 y3, byte 5: m0 m1
            int year = (int) (pairs & 0xFF) * 100 + (int) (pairs >>> 16 & 0xFF);
            return epochDay(year, (int) (pairs >>> 40 & 0xFF), d0 * 10 + d1);
        }

        /** '0' in each digit's byte of {@code yyyy-MM-}, '-' in each dash's. */
        private static final long ISO_ZEROS = ONES * '0' + (long) ('-' - '0') * (1L << 32 | 1L << 56);

        /** The first year of {@link #MONTH_STARTS}. */
        private static final int FIRST_TABLE_YEAR = 1900;

        /**
         * Days since 1970-01-01 of the first of each month of the years 1900 to 2199, and of 2200-01-01 after them:
         * the dates of almost every file, each read with one look-up and no division.
         */
        private static final int[] MONTH_STARTS = monthStarts(300);

        private static int[] monthStarts(int years) {
            int[] starts = new int[years * 12 + 1];
            for (int m = 0; m < starts.length; m++) {
                starts[m] = civilDay(FIRST_TABLE_YEAR + m / 12, m % 12 + 1, 1);
            }
            return starts;
        }

        /** Days since 1970-01-01 of a valid proleptic Gregorian date; throws the fallback for an invalid one. */
        private static int epochDay(int year, int month, int day) {
            int m = (year - FIRST_TABLE_YEAR) * 12 + month - 1;
            if (month >= 1 && month <= 12 && m >= 0 && m < MONTH_STARTS.length - 1) {
                int first = MONTH_STARTS[m];
                if (day < 1 || day > MONTH_STARTS[m + 1] - first) {
                    throw FALLBACK;
                }
                return first + day - 1;
            }
            return civilDay(year, month, day);
        }

        /** As {@link #epochDay} by arithmetic (Hinnant's days-from-civil), for any year. */
        private static int civilDay(int year, int month, int day) {
            if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
                throw FALLBACK;
            }
            int y = month <= 2 ? year - 1 : year;
            int era = Math.floorDiv(y, 400);
            int yearOfEra = y - era * 400;
            int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146_097 + dayOfEra - 719_468;
        }

        private static int lengthOfMonth(int year, int month) {
            if (month == 2) {
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }
            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        private long parseAmount(int from, int to, boolean emptyIsZero) {
            int length = to - from;
            if (scale > 0 && length >= scale + 2 && length <= 17 && bytes[to - 1 - scale] == decimal) {
                // the usual shape, digits, the separator and exactly the scale's decimals (8.95): no branch a byte
                byte[] b = bytes;
                long whole = 0;
                int bad = 0;
                for (int i = from; i < to - 1 - scale; i++) {
                    int d = b[i] - '0';
                    bad |= d | (9 - d);
                    whole = whole * 10 + d;
                }
                long fraction = 0;
                for (int i = to - scale; i < to; i++) {
                    int d = b[i] - '0';
                    bad |= d | (9 - d);
                    fraction = fraction * 10 + d;
                }
                if (bad >= 0) {
                    // at most 16 digits in all: no overflow
                    return whole * POWERS_OF_TEN[scale] + fraction;
                }
            }
            return parseOtherAmount(from, to, emptyIsZero);
        }

        /**
         * An amount not in the usual shape of {@link #parseAmount} (empty, no or fewer decimals, thousands separators,
         * a sign or a currency); apart so that the usual shape's method stays small enough to inline.
         */
        private long parseOtherAmount(int from, int to, boolean emptyIsZero) {
            long units = 0;
            int decimals = -1;
            int digits = 0;
            int sinceSeparator = -1; // digits since the last thousands separator; -1 before the first
            if (from == to) {
                if (emptyIsZero) {
                    return 0;
                }
                throw FALLBACK;
            }
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (b >= '0' && b <= '9') {
                    if (decimals >= 0 && ++decimals > scale || units > (Long.MAX_VALUE - 9) / 10) {
                        throw FALLBACK;
                    }
                    units = units * 10 + (b - '0');
                    digits++;
                    if (sinceSeparator >= 0 && decimals < 0) {
                        sinceSeparator++;
                    }
                } else if (b == decimal && decimals < 0) {
                    if (sinceSeparator >= 0 && sinceSeparator != 3) {
                        return formattedAmount(from, to);
                    }
                    decimals = 0;
                } else if (b == thousands && thousands != 0 && decimals < 0 && digits > 0) {
                    // 1,250.00: groups of three after the first separator, at most three digits before it
                    if (sinceSeparator >= 0 ? sinceSeparator != 3 : digits > 3) {
                        return formattedAmount(from, to);
                    }
                    sinceSeparator = 0;
                } else {
                    return formattedAmount(from, to);
                }
            }
            if (decimals < 0 && sinceSeparator >= 0 && sinceSeparator != 3 || digits == 0) {
                return formattedAmount(from, to);
            }
            for (int d = Math.max(decimals, 0); d < scale; d++) {
                if (units > Long.MAX_VALUE / 10) {
                    throw FALLBACK;
                }
                units *= 10;
            }
            return units;
        }

        /** An amount with a sign, a currency or thousands separators, read by the same rules as the general reader. */
        private long formattedAmount(int from, int to) {
            try {
                return amounts.parse(text(from, to), rows);
            } catch (IllegalArgumentException e) {
                throw FALLBACK;
            }
        }

        /** A quantity of a line that may be a return: a whole number other than 0. */
        private int parseSignedQuantity(int from, int to) {
            if (from < to && bytes[from] == '-') {
                return -parseQuantity(from + 1, to);
            }
            return parseQuantity(from, to);
        }

        private int parseQuantity(int from, int to) {
            if (from == to || to - from > 9) {
                throw FALLBACK;
            }
            int value = digits(from, to - from);
            if (value < 1) {
                throw FALLBACK;
            }
            return value;
        }

        private void grow() {
            int capacity = day.length * 2;
            customer = Arrays.copyOf(customer, capacity);
            day = Arrays.copyOf(day, capacity);
            amount = Arrays.copyOf(amount, capacity);
            category = Arrays.copyOf(category, capacity);
            quantity = Arrays.copyOf(quantity, capacity);
            line = Arrays.copyOf(line, capacity);
            if (refunded != null) {
                refunded = Arrays.copyOf(refunded, capacity);
            }
            if (statusOf != null) {
                statusOf = Arrays.copyOf(statusOf, capacity);
            }
        }
    }
}
