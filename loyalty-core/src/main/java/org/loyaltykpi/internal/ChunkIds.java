package org.loyaltykpi.internal;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The distinct customer ids of one chunk of a CSV file, each a slice of the chunk's bytes: a loader hands them to a
 * table builder, which copies ASCII ids byte for byte ({@link #isAscii()}) instead of each becoming a {@code String}
 * first (about a million short-lived strings, 50 MB, for 10 million purchases). As a list, an id is decoded (UTF-8)
 * the first time it is asked for and kept.
 *
 * <p>A view: valid while the chunk's bytes and the offset and length arrays are not reused (a loader reuses them for
 * a later chunk only after the builder has taken this one's ids). Not thread-safe.
 */
public final class ChunkIds extends AbstractList<String> implements RandomAccess {
    private final byte[] bytes;
    private final int[] offset;
    /** Each id's length in bytes; {@code -1} marks the empty id (a row without a customer). */
    private final int[] length;

    private final int size;
    private String[] decoded;
    /** 0 not yet known, 1 every id is ASCII, 2 some id is not. */
    private byte ascii;

    /**
     * The ids {@code [offset[i], offset[i] + length[i])} of {@code bytes}, for {@code i < size}.
     *
     * @param bytes the chunk's bytes
     * @param offset where each id starts
     * @param length each id's length, {@code -1} for the empty id
     * @param size how many ids
     */
    public ChunkIds(byte[] bytes, int[] offset, int[] length, int size) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.offset = Objects.requireNonNull(offset, "offset");
        this.length = Objects.requireNonNull(length, "length");
        Objects.checkFromIndexSize(0, size, Math.min(offset.length, length.length));
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(int i) {
        Objects.checkIndex(i, size);
        if (decoded == null) {
            decoded = new String[size];
        }
        String id = decoded[i];
        if (id == null) {
            id = decode(bytes, offset[i], length[i]);
            decoded[i] = id;
        }
        return id;
    }

    /**
     * The id at {@code [offset, offset + length)} of a chunk's bytes (UTF-8), as a list of them gives it.
     *
     * @param bytes the chunk's bytes
     * @param offset where the id starts
     * @param length its length, {@code -1} for the empty id
     * @return the id
     */
    public static String decode(byte[] bytes, int offset, int length) {
        return length <= 0 ? "" : new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /**
     * Whether every id is ASCII: then its bytes are its characters, and comparing them unsigned orders the ids as
     * {@link String#compareTo} does.
     *
     * @return true when no id has a byte outside ASCII
     */
    public boolean isAscii() {
        if (ascii == 0) {
            ascii = 1;
            for (int i = 0; i < size && ascii == 1; i++) {
                for (int at = offset[i], end = at + Math.max(0, length[i]); at < end; at++) {
                    if (bytes[at] < 0) {
                        ascii = 2;
                        break;
                    }
                }
            }
        }
        return ascii == 1;
    }

    /**
     * The bytes the ids are slices of.
     *
     * @return the chunk's bytes (not a copy: not to be changed)
     */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * Where id {@code i} starts in {@link #bytes()}.
     *
     * @param i the id, {@code 0 <= i < size()}
     * @return its offset
     */
    public int offset(int i) {
        Objects.checkIndex(i, size);
        return offset[i];
    }

    /**
     * Id {@code i}'s length in bytes.
     *
     * @param i the id, {@code 0 <= i < size()}
     * @return its length, 0 for the empty id
     */
    public int length(int i) {
        Objects.checkIndex(i, size);
        return Math.max(0, length[i]);
    }

    /**
     * Compares two ids' bytes unsigned, a shorter prefix first (for ASCII ids, as {@link String#compareTo} orders
     * them).
     *
     * @param i one id
     * @param j another
     * @return negative, zero or positive as id {@code i} comes before, equals or comes after id {@code j}
     */
    public int compare(int i, int j) {
        return Arrays.compareUnsigned(bytes, offset(i), offset(i) + length(i), bytes, offset(j), offset(j) + length(j));
    }

    /**
     * The ids used by rows, renumbered in order of first use; {@code index} is renumbered in place.
     *
     * @param index per row, an id of this list
     * @param rows how many rows of {@code index} to look at
     * @return the ids the rows use (new arrays: this view's arrays are left as they were)
     */
    public ChunkIds keepOnlyUsed(int[] index, int rows) {
        int[] renumbered = new int[size];
        Arrays.fill(renumbered, -1);
        int[] usedOffset = new int[size];
        int[] usedLength = new int[size];
        String[] usedDecoded = decoded == null ? null : new String[size];
        int used = 0;
        for (int r = 0; r < rows; r++) {
            int v = index[r];
            if (renumbered[v] < 0) {
                renumbered[v] = used;
                usedOffset[used] = offset[v];
                usedLength[used] = length[v];
                if (usedDecoded != null) {
                    usedDecoded[used] = decoded[v];
                }
                used++;
            }
            index[r] = renumbered[v];
        }
        ChunkIds kept = new ChunkIds(bytes, usedOffset, usedLength, used);
        kept.decoded = usedDecoded;
        kept.ascii = ascii == 1 ? 1 : (byte) 0; // a part of ASCII ids is ASCII; of others, maybe
        return kept;
    }
}
