package org.loyaltykpi.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A table's customer ids, end to end in one byte array rather than one {@code String} each: millions of customers
 * are then two arrays, which a garbage collector neither traces nor copies id by id. (Held as strings, the 4.9
 * million ids of a 49-million-purchase load were copied between G1's survivor spaces in every young pause.)
 *
 * <p>Each UTF-16 code unit of an id is written in UTF-8's one- to three-byte form, a surrogate on its own (CESU-8):
 * any string comes back exactly as it was, an unpaired surrogate too, and comparing the bytes unsigned (a shorter
 * prefix first) orders ids exactly as {@link String#compareTo} does, so the sorted ids of a table are searched and
 * compared without a string.
 *
 * <p>Immutable: the first {@link #size()} ids of the arrays it is given, which their {@link Appender} never changes
 * (it writes after them, or into new arrays when it grows or sorts), so a table and its builder share them.
 */
final class CustomerIds {
    /** The most bytes the ids of one table take (each id at most three bytes a {@code char}). */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private final byte[] bytes;
    /** {@code ends[i]}: where id {@code i} ends; it starts where id {@code i - 1} ends, the first at 0. */
    private final int[] ends;

    private final int size;

    private CustomerIds(byte[] bytes, int[] ends, int size) {
        this.bytes = bytes;
        this.ends = ends;
        this.size = size;
    }

    /** The number of ids. */
    int size() {
        return size;
    }

    /** Id {@code i}, {@code 0 <= i < size()}. */
    String get(int i) {
        Objects.checkIndex(i, size);
        return decode(bytes, start(ends, i), ends[i]);
    }

    /** The position of {@code id} in ids sorted ascending, or a negative number if it is not one of them. */
    int indexOf(String id) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = compare(bytes, start(ends, middle), ends[middle], id);
            if (c < 0) {
                low = middle + 1;
            } else if (c > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CustomerIds)) {
            return false;
        }
        CustomerIds other = (CustomerIds) o;
        return size == other.size
                && Arrays.equals(ends, 0, size, other.ends, 0, size)
                && Arrays.equals(bytes, 0, byteCount(), other.bytes, 0, other.byteCount());
    }

    @Override
    public int hashCode() {
        int hash = size;
        for (int i = 0, n = byteCount(); i < n; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    /** The ids, for example {@code CustomerIds[3 ids]}. */
    @Override
    public String toString() {
        return "CustomerIds[" + size + " ids]";
    }

    private int byteCount() {
        return start(ends, size);
    }

    /** Where id {@code i} starts: where the one before it ends; for {@code i == size}, the bytes in use. */
    private static int start(int[] ends, int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    /**
     * The ids a builder has taken so far, in the order it took them, looked up by a hash index of its own (kept only
     * once asked for: ids appended in order need no lookup). Not thread-safe.
     */
    static final class Appender {
        private byte[] bytes = new byte[64];
        private int[] ends = new int[16];
        private int size;
        /** The last id appended, for the order checks of appending in order. */
        private String last;
        /** Open addressing: each slot the index + 1 of an id, 0 when free; null until {@link #find} is first used. */
        private int[] slots;

        /** The number of ids. */
        int size() {
            return size;
        }

        /** Id {@code i}, {@code 0 <= i < size()}. */
        String get(int i) {
            Objects.checkIndex(i, size);
            if (i < size - 1) {
                return decode(bytes, start(ends, i), ends[i]);
            }
            if (last == null) {
                last = decode(bytes, start(ends, i), ends[i]); // appended as bytes
            }
            return last;
        }

        /**
         * Appends an ASCII id given as bytes (not checked for being new or ASCII), as {@link #add(String)} appends
         * its string, and returns its index: its bytes are its encoding.
         */
        int add(byte[] id, int from, int to) {
            int at = room(to - from);
            System.arraycopy(id, from, bytes, at, to - from);
            last = null;
            return added(at + to - from, hashOf(bytes, at, at + to - from));
        }

        /**
         * Compares the last id with an id given as ASCII bytes, as {@link String#compareTo} would; there is a last
         * id.
         */
        int compareLast(byte[] id, int from, int to) {
            return Arrays.compareUnsigned(bytes, start(ends, size - 1), ends[size - 1], id, from, to);
        }

        /** Appends {@code id} (not checked for being new) and returns its index. */
        int add(String id) {
            int at = room(encodedLength(id));
            int end = encode(id, bytes, at);
            last = id;
            return added(end, id.hashCode());
        }

        /** Makes room for one more id of {@code length} bytes; returns where it goes. */
        private int room(int length) {
            int at = start(ends, size);
            if (length > MAX_BYTES - at) {
                throw new LimitExceededException("the customer ids take more than " + MAX_BYTES
                        + " bytes, the most one table keeps (" + size + " ids so far)");
            }
            if (at + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, Math.max(at + length, 2L * bytes.length)));
            }
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, ends.length + (ends.length >> 1) + 16);
            }
            return at;
        }

        /** Counts the id just written (ending at {@code end}, of hash {@code hash}) and returns its index. */
        private int added(int end, int hash) {
            ends[size] = end;
            size++;
            if (slots != null) {
                if (2L * size > slots.length) {
                    rehash(slotsFor(size));
                } else {
                    insert(size - 1, hash);
                }
            }
            return size - 1;
        }

        /** The index of {@code id}, or -1 if it was never appended. */
        int find(String id) {
            if (slots == null) {
                rehash(slotsFor(size));
            }
            int mask = slots.length - 1;
            for (int s = spread(id.hashCode()) & mask; ; s = (s + 1) & mask) {
                int entry = slots[s];
                if (entry == 0) {
                    return -1;
                }
                int i = entry - 1;
                if (compare(bytes, start(ends, i), ends[i], id) == 0) {
                    return i;
                }
            }
        }

        /** The ids so far, sharing this appender's arrays (it never changes what it wrote). */
        CustomerIds ids() {
            return new CustomerIds(bytes, ends, size);
        }

        /**
         * Puts the ids in ascending order and returns, for each id's index so far, its index now (the identity, and
         * nothing moved, when they were in order already). The ids are then written anew, so the ones a table holds do
         * not change.
         */
        int[] sort() {
            return sort(false);
        }

        /** As {@link #sort()}; {@code knownSorted}: the caller knows the ids are in order already (not checked). */
        int[] sort(boolean knownSorted) {
            int[] rank = new int[size];
            Arrays.setAll(rank, i -> i);
            boolean sorted = true;
            for (int i = 1; i < size && sorted && !knownSorted; i++) {
                sorted = compareIds(i - 1, i) < 0;
            }
            if (sorted) {
                return rank; // exports are often sorted by customer already
            }
            Integer[] byId = new Integer[size];
            Arrays.setAll(byId, i -> i);
            Arrays.parallelSort(byId, this::compareIds);
            byte[] sortedBytes = new byte[bytes.length];
            int[] sortedEnds = new int[ends.length];
            int at = 0;
            for (int r = 0; r < size; r++) {
                int i = byId[r];
                rank[i] = r;
                int from = start(ends, i);
                System.arraycopy(bytes, from, sortedBytes, at, ends[i] - from);
                at += ends[i] - from;
                sortedEnds[r] = at;
            }
            bytes = sortedBytes;
            ends = sortedEnds;
            last = size == 0 ? null : decode(bytes, start(ends, size - 1), ends[size - 1]);
            slots = null;
            return rank;
        }

        private int compareIds(int a, int b) {
            return Arrays.compareUnsigned(bytes, start(ends, a), ends[a], bytes, start(ends, b), ends[b]);
        }

        /** A power of two at least twice {@code ids} (so probes stay short), at most 2^30. */
        private static int slotsFor(int ids) {
            if (ids >= 1 << 29) {
                throw new LimitExceededException(
                        "more than " + (1 << 29) + " customers to look up by id, the most one builder indexes");
            }
            return Math.max(16, Integer.highestOneBit(ids) << 2);
        }

        private void rehash(int slotCount) {
            slots = new int[slotCount];
            for (int i = 0; i < size; i++) {
                insert(i, hashOf(bytes, start(ends, i), ends[i]));
            }
        }

        private void insert(int i, int hash) {
            int mask = slots.length - 1;
            int s = spread(hash) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }

        private static int spread(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** The bytes {@code id} takes: one a code unit below 0x80, two below 0x800, three for the rest. */
    private static int encodedLength(String id) {
        int length = id.length();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                length += c < 0x800 ? 1 : 2;
            }
        }
        return length;
    }

    /** Writes {@code id} at {@code at}; returns where it ends. */
    private static int encode(String id, byte[] out, int at) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return at;
    }

    /** The code unit that starts at {@code at}, which takes {@link #unitLength} bytes. */
    private static char unitAt(byte[] bytes, int at) {
        int b = bytes[at];
        if (b >= 0) {
            return (char) b;
        }
        if ((b & 0xE0) == 0xC0) {
            return (char) (((b & 0x1F) << 6) | (bytes[at + 1] & 0x3F));
        }
        return (char) (((b & 0x0F) << 12) | ((bytes[at + 1] & 0x3F) << 6) | (bytes[at + 2] & 0x3F));
    }

    private static int unitLength(byte lead) {
        return lead >= 0 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : 3;
    }

    private static String decode(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        if (i == to) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1); // ASCII: one byte a char
        }
        StringBuilder id = new StringBuilder(to - from);
        for (int at = from; at < to; at += unitLength(bytes[at])) {
            id.append(unitAt(bytes, at));
        }
        return id.toString();
    }

    /** {@link String#hashCode} of the id in {@code [from, to)}, without making the string. */
    private static int hashOf(byte[] bytes, int from, int to) {
        int hash = 0;
        for (int at = from; at < to; at += unitLength(bytes[at])) {
            hash = 31 * hash + unitAt(bytes, at);
        }
        return hash;
    }

    /** The id in {@code [from, to)} compared with {@code id} as {@link String#compareTo} compares them. */
    private static int compare(byte[] bytes, int from, int to, String id) {
        int at = from;
        int i = 0;
        int n = id.length();
        while (at < to && i < n) {
            char a = unitAt(bytes, at);
            char b = id.charAt(i);
            if (a != b) {
                return a - b;
            }
            at += unitLength(bytes[at]);
            i++;
        }
        return at < to ? 1 : i < n ? -1 : 0;
    }
}
