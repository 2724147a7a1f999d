package org.loyaltykpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chunk's customer ids as slices of its bytes: the strings they are, compared as those strings compare. */
class ChunkIdsTest {

    /** The ids written one after another (UTF-8) with a separator, as in a chunk, and sliced back out. */
    private static ChunkIds sliced(List<String> ids) {
        StringBuilder text = new StringBuilder(",");
        int[] offset = new int[ids.size()];
        int[] length = new int[ids.size()];
        int at = 1;
        for (int i = 0; i < ids.size(); i++) {
            byte[] id = ids.get(i).getBytes(StandardCharsets.UTF_8);
            offset[i] = at;
            length[i] = ids.get(i).isEmpty() ? -1 : id.length;
            text.append(ids.get(i)).append(',');
            at += id.length + 1;
        }
        return new ChunkIds(text.toString().getBytes(StandardCharsets.UTF_8), offset, length, ids.size());
    }

    @Test
    void eachSliceIsTheIdWrittenThereTheEmptyIdTooAndIsAsciiOnlyWhenEveryIdIs() {
        ChunkIds ascii = sliced(List.of("C1", "", "C10"));
        assertThat(ascii).containsExactly("C1", "", "C10");
        assertThat(ascii.isAscii()).isTrue();
        assertThat(ascii.length(1)).isZero();

        ChunkIds accented = sliced(List.of("C1", "kundé", "€9"));
        assertThat(accented).containsExactly("C1", "kundé", "€9");
        assertThat(accented.isAscii()).isFalse();
        assertThat(accented.length(2)).isEqualTo(4); // the euro sign takes three bytes
    }

    @Test
    void asciiSlicesCompareAsTheirStringsCompare() {
        String alphabet = "aZ0-~ ";
        qt().withFixedSeed(12_043L)
                .forAll(lists().of(lists().of(integers().between(0, alphabet.length() - 1))
                                .ofSizeBetween(0, 4))
                        .ofSizeBetween(2, 12))
                .checkAssert(units -> {
                    List<String> ids = new ArrayList<>();
                    for (List<Integer> id : units) {
                        StringBuilder s = new StringBuilder();
                        id.forEach(u -> s.append(alphabet.charAt(u)));
                        ids.add(s.toString());
                    }
                    ChunkIds slices = sliced(ids);
                    for (int i = 0; i < ids.size(); i++) {
                        for (int j = 0; j < ids.size(); j++) {
                            assertThat(Integer.signum(slices.compare(i, j)))
                                    .isEqualTo(Integer.signum(ids.get(i).compareTo(ids.get(j))));
                        }
                    }
                });
    }

    @Test
    void keepingOnlyTheUsedIdsRenumbersThemInOrderOfFirstUse() {
        ChunkIds ids = sliced(List.of("a", "b", "c", "d"));
        assertThat(ids.get(3)).isEqualTo("d"); // decoded before, carried over
        int[] rows = {3, 1, 3, 0};

        ChunkIds used = ids.keepOnlyUsed(rows, 3);

        assertThat(used).containsExactly("d", "b");
        assertThat(rows).containsExactly(0, 1, 0, 0);
        assertThat(ids).containsExactly("a", "b", "c", "d");
    }
}
