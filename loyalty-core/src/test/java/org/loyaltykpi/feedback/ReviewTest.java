package org.loyaltykpi.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.loyaltykpi.domain.CustomerId;
import org.loyaltykpi.domain.Review;
import org.loyaltykpi.domain.Sentiment;

class ReviewTest {
    private static final CustomerId C = CustomerId.of("C00042");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    @Test
    void fourAndFiveStarsArePositiveThreeNeutralOneAndTwoNegative() {
        assertThat(Sentiment.ofRating(5)).isEqualTo(Sentiment.POSITIVE);
        assertThat(Sentiment.ofRating(4)).isEqualTo(Sentiment.POSITIVE);
        assertThat(Sentiment.ofRating(3)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(Sentiment.ofRating(2)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(Sentiment.ofRating(1)).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void ratingsOutsideOneToFiveAreRejectedNamingTheRating() {
        assertThatThrownBy(() -> Review.ofRating(C, DAY, 6)).hasMessage("rating must be 1..5: 6");
        assertThatThrownBy(() -> Review.ofRating(C, DAY, 0)).hasMessageContaining(": 0");
        assertThatThrownBy(() -> Sentiment.ofRating(6)).hasMessageContaining(": 6");
    }

    @Test
    void aReviewWithNeitherRatingNorLabelIsRejected() {
        assertThatThrownBy(() -> new Review(C, DAY, OptionalInt.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rating or a sentiment label")
                .hasMessageContaining("C00042");
    }

    @Test
    void theLabelWinsOverTheRatingAndTheRatingSpeaksWhenThereIsNoLabel() {
        assertThat(Review.ofRating(C, DAY, 2).sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(Review.ofSentiment(C, DAY, Sentiment.NEUTRAL).sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(Review.ofSentiment(C, DAY, Sentiment.NEUTRAL).rating()).isEmpty();
        assertThat(new Review(C, DAY, OptionalInt.of(1), Optional.of(Sentiment.POSITIVE)).sentiment())
                .isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void labelsParseIgnoringCaseAndSpaceAndPrintInLowerCase() {
        assertThat(Sentiment.parse(" Negative ")).isEqualTo(Sentiment.NEGATIVE);
        for (Sentiment s : Sentiment.values()) {
            assertThat(Sentiment.parse(s.label())).isEqualTo(s);
        }
        assertThatThrownBy(() -> Sentiment.parse("great")).hasMessageContaining("'great'");
    }
}
