package org.loyaltykpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomerIdTest {

    @Test
    void anIdIsTheExactStringOfTheSourceSystem() {
        assertThat(CustomerId.of("C0001").value()).isEqualTo("C0001");
        assertThat(CustomerId.of("C0001")).hasToString("C0001").isEqualTo(new CustomerId("C0001"));
        assertThat(CustomerId.of("00042")).isNotEqualTo(CustomerId.of("42"));
        assertThat(CustomerId.of("a b")).hasToString("a b");
    }

    @Test
    void anAsciiIdGivenAsBytesIsAcceptedOrRefusedWithTheMessageOfItsString() {
        String alphabet = "a0- \t\u000B\u001C";
        org.quicktheories.QuickTheory.qt()
                .withFixedSeed(12_042L)
                .forAll(org.quicktheories.generators.SourceDSL.lists()
                        .of(org.quicktheories.generators.SourceDSL.integers().between(0, alphabet.length() - 1))
                        .ofSizeBetween(0, 4))
                .checkAssert(units -> {
                    StringBuilder id = new StringBuilder();
                    units.forEach(u -> id.append(alphabet.charAt(u)));
                    String value = id.toString();
                    byte[] bytes = ("##" + value + "#").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    Throwable asString = org.assertj.core.api.Assertions.catchThrowable(() -> CustomerId.check(value));
                    Throwable asBytes = org.assertj.core.api.Assertions.catchThrowable(
                            () -> CustomerId.check(bytes, 2, 2 + value.length()));
                    if (asString == null) {
                        assertThat(asBytes).isNull();
                    } else {
                        assertThat(asBytes)
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessage(asString.getMessage());
                    }
                });
    }

    @Test
    void idsAreOrderedAsStrings() {
        assertThat(CustomerId.of("C10")).isLessThan(CustomerId.of("C2"));
        assertThat(CustomerId.of("A")).isLessThan(CustomerId.of("a"));
        assertThat(CustomerId.of("C1").compareTo(CustomerId.of("C1"))).isZero();
    }

    @Test
    void blankIdsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> CustomerId.of(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer id must not be blank: ''");
        assertThatThrownBy(() -> CustomerId.of(" \t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer id")
                .hasMessageContaining("' \\t'");
    }

    @Test
    void surroundingWhiteSpaceIsRejectedRatherThanTrimmed() {
        assertThatThrownBy(() -> CustomerId.of(" C1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer id must not start or end with white space: ' C1'");
        assertThatThrownBy(() -> CustomerId.of("C1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'C1\\n'");
    }

    @Test
    void theMessageShowsControlCharactersEscapedSoItStaysOneLine() {
        // found by the CI fuzz run: a CSV field's NUL reached a message raw (seed nul-in-a-customer-id)
        assertThatThrownBy(() -> CustomerId.of("C\u00001 \u001C"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer id must not start or end with white space: 'C\\u00001 \\u001C'");
    }

    @Test
    void nullIsRejectedNamingTheField() {
        assertThatThrownBy(() -> CustomerId.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("customer id");
    }
}
