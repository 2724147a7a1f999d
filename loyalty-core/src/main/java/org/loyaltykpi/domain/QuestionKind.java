package org.loyaltykpi.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a survey question measures, told by its name: the rule shared by the CSV reader (which scale a question is
 * asked on) and by {@link org.loyaltykpi.survey.SurveyCalculator} (which metric an answer feeds).
 *
 * <p>A question is of a kind when its name, ignoring case, is the kind's key or starts with the key followed by a
 * character that is not a letter or digit: {@code nps}, {@code NPS}, {@code nps_2025}, {@code nps-support} are NPS
 * questions, {@code csat}, {@code csat:checkout} are CSAT, {@code ces} is CES, and {@code csi:delivery},
 * {@code csi_price} are attributes of the satisfaction index (the attribute is the rest of the name, {@code delivery},
 * {@code price}). Names that merely contain a key are of no kind: {@code process} is not a CES question.
 *
 * <pre>{@code
 * QuestionKind.of("NPS");              // Optional[NPS]
 * QuestionKind.of("csi:delivery");     // Optional[CSI]
 * QuestionKind.attribute("csi:delivery"); // Optional[delivery]
 * QuestionKind.of("process");          // Optional.empty
 * }</pre>
 */
public enum QuestionKind {
    /** Net Promoter: "How likely are you to recommend us?", 0..10. */
    NPS("nps", Scale.NPS),
    /** Customer satisfaction: "How satisfied are you?", 1..5 by default. */
    CSAT("csat", Scale.CSAT),
    /** Customer effort: "How easy was it?", 1..7 by default. */
    CES("ces", Scale.CES),
    /** An attribute of the customer satisfaction index, asked NPS-style on 0..10 by default. */
    CSI("csi", Scale.NPS);

    private final String key;
    private final Scale defaultScale;

    QuestionKind(String key, Scale defaultScale) {
        this.key = key;
        this.defaultScale = defaultScale;
    }

    /**
     * The name a question of this kind starts with.
     *
     * @return {@code nps}, {@code csat}, {@code ces} or {@code csi}
     */
    public String key() {
        return key;
    }

    /**
     * The scale a question of this kind is asked on unless told otherwise.
     *
     * @return 0..10 for NPS and CSI, 1..5 for CSAT, 1..7 for CES
     */
    public Scale defaultScale() {
        return defaultScale;
    }

    /**
     * The kind of a question.
     *
     * @param question the question's name
     * @return the kind, or empty if the name starts with no key (see the class comment)
     */
    public static Optional<QuestionKind> of(String question) {
        String name = question.strip().toLowerCase(Locale.ROOT);
        for (QuestionKind kind : values()) {
            if (name.startsWith(kind.key)
                    && (name.length() == kind.key.length()
                            || !Character.isLetterOrDigit(name.charAt(kind.key.length())))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The attribute a CSI question asks about: the name after {@code csi} and its separator.
     *
     * @param question the question's name
     * @return {@code delivery} for {@code csi:delivery}; empty if it is no CSI question or names no attribute
     */
    public static Optional<String> attribute(String question) {
        if (of(question).filter(k -> k == CSI).isEmpty()) {
            return Optional.empty();
        }
        String rest = question.strip().substring(CSI.key.length());
        return rest.length() <= 1
                ? Optional.empty()
                : Optional.of(rest.substring(1).strip()).filter(s -> !s.isEmpty());
    }
}
