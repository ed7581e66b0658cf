package io.jtelegraf.spi;

/**
 * The narrowed type of one field value. Every value a plugin hands over is converted to exactly
 * one of these at build time, as Telegraf narrows Go values to int64, uint64, float64, bool and
 * string.
 */
public enum FieldType {
    /** A signed 64-bit integer ({@code 42i} in line protocol). */
    LONG,
    /** An unsigned 64-bit integer held in a {@code long}'s bits ({@code 42u} or clamped {@code i}). */
    UNSIGNED,
    /** A 64-bit IEEE double. */
    DOUBLE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A UTF-16 Java string, written as UTF-8. */
    STRING
}
