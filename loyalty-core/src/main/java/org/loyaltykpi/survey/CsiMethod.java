package org.loyaltykpi.survey;

import java.util.Locale;

/** How a CSI attribute is scored. */
public enum CsiMethod {
    /**
     * NPS-style, as the seed article describes: the attribute's answers on 0..10 grouped as promoters (9-10) and
     * detractors (0-6); score = % promoters - % detractors, in -100..100, with the adjusted-Wald interval.
     */
    NPS("nps"),
    /**
     * Mean satisfaction rescaled to 0..100: {@code 100 * (mean - min) / (max - min)} on the attribute's scale, with
     * the Student-t interval of the mean rescaled the same way.
     */
    MEAN("mean");

    private final String label;

    CsiMethod(String label) {
        this.label = label;
    }

    /**
     * The method's name in JSON, text and on the command line.
     *
     * @return {@code nps} or {@code mean}
     */
    public String label() {
        return label;
    }

    /**
     * Reads {@code nps} or {@code mean}, ignoring case.
     *
     * @param text the text
     * @return the method
     * @throws IllegalArgumentException naming the text
     */
    public static CsiMethod parse(String text) {
        for (CsiMethod m : values()) {
            if (m.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("CSI method must be nps or mean: '" + text + "'");
    }
}
