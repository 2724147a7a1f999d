package org.loyaltykpi.report;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * A section's result, or why the section has none: its input is absent (no survey answers), there is nothing to
 * compute from (no purchases), or the computation failed (a model fit that did not converge).
 *
 * <pre>{@code
 * Outcome<SurveyResults> survey = report.survey();
 * survey.value().ifPresentOrElse(System.out::println, () -> System.out.println(survey.note().orElseThrow()));
 * }</pre>
 *
 * @param value the result, if the section has one
 * @param note why there is no result; empty exactly when there is one
 * @param <T> the result type
 */
public record Outcome<T>(Optional<T> value, Optional<String> note) {
    /**
     * Validates that exactly one of value and note is present.
     *
     * @throws IllegalArgumentException if both or neither are present
     */
    public Outcome {
        Objects.requireNonNull(value, "value must not be null");
        Objects.requireNonNull(note, "note must not be null");
        if (value.isPresent() == note.isPresent()) {
            throw new IllegalArgumentException("an outcome has a value or a note, not both nor neither");
        }
    }

    /**
     * A result.
     *
     * @param value the result
     * @param <T> the result type
     * @return the outcome
     */
    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(Optional.of(value), Optional.empty());
    }

    /**
     * No result, and why.
     *
     * @param note the reason, one line, for example {@code "no survey answers"}
     * @param <T> the result type
     * @return the outcome
     */
    public static <T> Outcome<T> unavailable(String note) {
        return new Outcome<>(Optional.empty(), Optional.of(note));
    }

    /**
     * Whether there is a result.
     *
     * @return whether there is one
     */
    public boolean isAvailable() {
        return value.isPresent();
    }

    /**
     * The result.
     *
     * @return the result
     * @throws NoSuchElementException with the note when there is none
     */
    public T get() {
        return value.orElseThrow(() -> new NoSuchElementException(note.orElseThrow()));
    }

    @Override
    public String toString() {
        return value.map(String::valueOf).orElseGet(() -> "unavailable: " + note.orElseThrow());
    }
}
