package io.jtelegraf.spi;

import java.util.Objects;

/**
 * A configuration value that must never appear in logs or errors (a password, a token).
 * {@link #toString()} masks it; only {@link #reveal()} gives the text.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value.isEmpty() ? EMPTY : new Secret(Objects.requireNonNull(value));
    }

    public static Secret empty() {
        return EMPTY;
    }

    /** The plain text, to put on the wire and nowhere else. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "" : "****";
    }
}
