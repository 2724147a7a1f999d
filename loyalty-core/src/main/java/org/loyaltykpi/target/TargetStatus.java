package org.loyaltykpi.target;

/**
 * How a period's value stands against a {@link KpiTarget}.
 *
 * <ul>
 *   <li>{@link #MET}: the value reaches the period's required level ({@code >=} for an at-least target, {@code <=}
 *       for an at-most one);
 *   <li>{@link #ON_TRACK}: it misses the required level but reaches the pro-rata path to it (see {@link KpiTarget});
 *       only targets that change from year to year can be on track;
 *   <li>{@link #MISSED}: it reaches neither;
 *   <li>{@link #NO_DATA}: the series has no value for the period (or a relative target has no baseline value).
 * </ul>
 */
public enum TargetStatus {
    /** The required level is reached. */
    MET,
    /** Below the required level, but on the pro-rata path to it. */
    ON_TRACK,
    /** Below the required level and the path. */
    MISSED,
    /** No value to judge: nothing is guessed. */
    NO_DATA
}
