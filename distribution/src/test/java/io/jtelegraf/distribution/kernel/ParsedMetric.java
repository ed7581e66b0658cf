package io.jtelegraf.distribution.kernel;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * One line-protocol line read back: integer fields ({@code Ni} and {@code Nu}) as
 * {@link BigInteger}, floats as {@link Double}, strings and booleans as themselves.
 * {@code unsignedFields} names the fields written with the {@code u} suffix.
 */
record ParsedMetric(String name, Map<String, String> tags, Map<String, Object> fields,
                    Set<String> unsignedFields, long timestamp) {

    /** The integer field {@code key}, or {@code null} when the metric has none. */
    BigInteger integer(String key) {
        Object value = fields.get(key);
        return value instanceof BigInteger big ? big : null;
    }

    @Override
    public String toString() {
        return name + tags + fields;
    }
}
