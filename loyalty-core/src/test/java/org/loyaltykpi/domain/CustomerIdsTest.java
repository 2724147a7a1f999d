package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The customer ids of a table kept as bytes: every string comes back as it was, the bytes order ids as {@link
 * String#compareTo} does, and a table's ids never change under its builder.
 */
class CustomerIdsTest {

    /**
     * Code units at the edges of the one-, two- and three-byte forms, an unpaired high and low surrogate (together a
     * pair, an emoji), and the highest unit: short ids of them share prefixes and cross every edge of the encoding.
     */
    private static final char[] UNITS = {
        'a', 'b', '0', '\u0000', '\u007F', '\u0080', '\u00E9', '\u07FF', '\u0800', '\u20AC', '\uD83D', '\uDE00',
        '\uE000', '\uFFFF'
    };

    private static Gen<String> ids() {
        return lists().of(integers().between(0, UNITS.length - 1))
                .ofSizeBetween(0, 5)
                .map(units -> units.stream().map(u -> String.valueOf(UNITS[u])).collect(Collectors.joining()));
    }

    /** 0..40 distinct ids, in the order generated. */
    private static Gen<List<String>> distinctIds() {
        return lists().of(ids()).ofSizeBetween(0, 40).map(ids -> new ArrayList<>(new LinkedHashSet<>(ids)));
    }

    private static CustomerIds.Appender appended(List<String> ids) {
        CustomerIds.Appender appender = new CustomerIds.Appender();
        ids.forEach(appender::add);
        return appender;
    }

    @Nested
    class Definitions {

        @Test
        void everyIdComesBackAsItWasAppendedUnpairedSurrogatesToo() {
            qt().withFixedSeed(1201L).forAll(distinctIds()).checkAssert(ids -> {
                CustomerIds.Appender appender = appended(ids);
                CustomerIds snapshot = appender.ids();

                assertThat(snapshot.size()).isEqualTo(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    assertThat(appender.get(i)).isEqualTo(ids.get(i));
                    assertThat(snapshot.get(i)).isEqualTo(ids.get(i));
                }
            });
        }

        @Test
        void sortingPutsTheIdsInTheOrderOfStringCompareToAndReturnsWhereEachWent() {
            qt().withFixedSeed(1202L).forAll(distinctIds()).checkAssert(ids -> {
                CustomerIds.Appender appender = appended(ids);
                int[] rank = appender.sort();

                List<String> sorted = ids.stream().sorted().toList();
                for (int i = 0; i < ids.size(); i++) {
                    assertThat(appender.get(i)).isEqualTo(sorted.get(i));
                    assertThat(appender.get(rank[i])).isEqualTo(ids.get(i));
                }
            });
        }
    }

    @Nested
    class Invariants {

        @Test
        void searchingSortedIdsFindsWhatBinarySearchOverTheStringsFinds() {
            qt().withFixedSeed(1203L).forAll(distinctIds(), ids()).checkAssert((ids, probe) -> {
                CustomerIds.Appender appender = appended(ids);
                appender.sort();
                String[] strings = ids.stream().sorted().toArray(String[]::new);

                for (String id : ids) {
                    assertThat(appender.ids().indexOf(id)).isEqualTo(Arrays.binarySearch(strings, id));
                }
                assertThat(appender.ids().indexOf(probe)).isEqualTo(Arrays.binarySearch(strings, probe));
            });
        }

        @Test
        void aSnapshotKeepsItsIdsWhileItsAppenderAppendsAndSorts() {
            qt().withFixedSeed(1204L).forAll(distinctIds(), distinctIds()).checkAssert((first, more) -> {
                CustomerIds.Appender appender = appended(first);
                CustomerIds snapshot = appender.ids();
                CustomerIds copy = appended(first).ids();

                more.stream().filter(id -> !first.contains(id)).forEach(appender::add);
                appender.sort();

                assertThat(snapshot).isEqualTo(copy).hasSameHashCodeAs(copy);
                for (int i = 0; i < first.size(); i++) {
                    assertThat(snapshot.get(i)).isEqualTo(first.get(i));
                }
            });
        }
    }

    @Nested
    class ModelBased {

        /**
         * Lookups before and after the index is made (it is made at the first lookup, then kept up to date by every
         * append, and grown) agree with a list's {@code indexOf}.
         */
        @Test
        void findAgreesWithTheIndexInAListOfTheIdsAppended() {
            qt().withFixedSeed(1205L)
                    .forAll(distinctIds(), integers().between(0, 40), ids())
                    .checkAssert((ids, lookUpFrom, probe) -> {
                        CustomerIds.Appender appender = new CustomerIds.Appender();
                        List<String> model = new ArrayList<>();
                        for (String id : ids) {
                            if (model.size() >= lookUpFrom) {
                                assertThat(appender.find(id)).isEqualTo(-1);
                            }
                            assertThat(appender.add(id)).isEqualTo(model.size());
                            model.add(id);
                            if (model.size() >= lookUpFrom) {
                                assertThat(appender.find(probe)).isEqualTo(model.indexOf(probe));
                            }
                        }
                        for (String id : model) {
                            assertThat(appender.find(id)).isEqualTo(model.indexOf(id));
                        }
                    });
        }

        /**
         * An ASCII id appended as bytes is the id appended as a string: the same index, the same id back, found
         * (before and after the hash index is made), sorted and compared with the last id as strings are.
         */
        @Test
        void idsAppendedAsBytesAreTheIdsAppendedAsStrings() {
            String alphabet = "aZ0-~";
            qt().withFixedSeed(1206L)
                    .forAll(
                            lists().of(lists().of(integers().between(0, alphabet.length() - 1))
                                            .ofSizeBetween(0, 4))
                                    .ofSizeBetween(0, 30),
                            integers().between(0, 30),
                            integers().all())
                    .checkAssert((units, lookUpFrom, pick) -> {
                        List<String> ids = new ArrayList<>(new LinkedHashSet<>(units.stream()
                                .map(id -> id.stream()
                                        .map(u -> String.valueOf(alphabet.charAt(u)))
                                        .collect(Collectors.joining()))
                                .toList()));
                        CustomerIds.Appender asStrings = new CustomerIds.Appender();
                        CustomerIds.Appender mixed = new CustomerIds.Appender();
                        java.util.Random random = new java.util.Random(pick);
                        for (String id : ids) {
                            if (mixed.size() == lookUpFrom) {
                                mixed.find("?");
                            }
                            if (mixed.size() > 0) {
                                byte[] asBytes = ("<" + id + ">").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                                assertThat(Integer.signum(mixed.compareLast(asBytes, 1, 1 + id.length())))
                                        .isEqualTo(Integer.signum(
                                                mixed.get(mixed.size() - 1).compareTo(id)));
                            }
                            int index = asStrings.add(id);
                            if (random.nextBoolean()) {
                                byte[] asBytes = ("<" + id + ">").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                                assertThat(mixed.add(asBytes, 1, 1 + id.length()))
                                        .isEqualTo(index);
                            } else {
                                assertThat(mixed.add(id)).isEqualTo(index);
                            }
                            assertThat(mixed.get(index)).isEqualTo(id);
                        }
                        for (int i = 0; i < ids.size(); i++) {
                            assertThat(mixed.find(ids.get(i))).isEqualTo(i);
                        }
                        assertThat(mixed.ids()).isEqualTo(asStrings.ids());
                        assertThat(mixed.sort()).containsExactly(asStrings.sort());
                        assertThat(mixed.ids()).isEqualTo(asStrings.ids());
                    });
        }

        @Test
        void thousandsOfIdsAreFoundThroughEveryGrowthOfTheIndex() {
            CustomerIds.Appender appender = new CustomerIds.Appender();
            assertThat(appender.find("C0")).isEqualTo(-1);
            for (int i = 0; i < 5_000; i++) {
                assertThat(appender.add("C" + i)).isEqualTo(i);
            }
            for (int i = 0; i < 5_000; i++) {
                assertThat(appender.find("C" + i)).isEqualTo(i);
            }
            assertThat(appender.find("C5000")).isEqualTo(-1);
        }
    }

    @Test
    void idsOfOneTwoAndThreeBytesAUnitAreSortedAsStrings() {
        CustomerIds.Appender appender = appended(List.of("€1", "z", "é", "A", "\uD83D\uDE00", "\uFFFF"));
        appender.sort();

        assertThat(List.of(appender.get(0), appender.get(1), appender.get(2), appender.get(3), appender.get(4)))
                .containsExactly("A", "z", "é", "€1", "\uD83D\uDE00");
        assertThat(appender.get(5)).isEqualTo("\uFFFF");
        assertThat(appender.ids()).hasToString("CustomerIds[6 ids]");
    }
}
