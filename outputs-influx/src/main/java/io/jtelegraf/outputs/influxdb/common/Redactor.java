package io.jtelegraf.outputs.influxdb.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Removes secrets (passwords, tokens, secret header values) from text before it is logged or put
 * into an exception. The plugins never log URLs with user info or request headers in the first
 * place; this is the second line of defence for text that comes from elsewhere (server answers,
 * library exceptions).
 *
 * <p>Threading: immutable after construction.
 */
public final class Redactor {
    /** What a secret is replaced with, the same mask {@link io.jtelegraf.spi.Secret} prints. */
    public static final String MASK = "****";
    /** Shorter secrets are not searched for: masking every "a" would garble messages. */
    private static final int MIN_SECRET_LENGTH = 3;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor for the given secret values; empty and very short values are ignored. */
    public static Redactor of(List<String> values) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && value.length() >= MIN_SECRET_LENGTH && !kept.contains(value)) {
                kept.add(value);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(kept));
    }

    /** {@code text} with every known secret replaced by {@link #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** A URL for messages: scheme, host, port and path, never user info or query. */
    public static String describe(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).build().toString();
    }
}
