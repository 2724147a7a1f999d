package org.loyaltykpi.internal;

/** Argument checks shared by the result records, with messages that name the field, the bound and the value. */
public final class Checks {
    private Checks() {}

    /**
     * Checks {@code 0 <= value <= bound}.
     *
     * @param name the checked field
     * @param value its value
     * @param boundName what the bound is, for the message
     * @param bound the upper bound
     * @throws IllegalArgumentException "NAME must be within 0..BOUNDNAME (BOUND): VALUE" otherwise
     */
    public static void atMost(String name, long value, String boundName, long bound) {
        if (value < 0 || value > bound) {
            throw new IllegalArgumentException(name + " must be within 0.." + boundName + " (" + bound + "): " + value);
        }
    }
}
