package io.jtelegraf.agent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed TOML table of one config file, keys in file order, each value with the line it
 * was written on. Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, a
 * {@link java.time.temporal.Temporal}, a nested {@link ConfigTable} (sub-table or inline table)
 * or a {@link List} of {@link Value} (arrays, including arrays of tables).
 *
 * <p>Immutable after {@link TomlDocumentParser} built it; our own tree rather than tomlj's so
 * that strict environment substitution can replace string values and nothing downstream
 * depends on the parser library.
 */
final class ConfigTable {

    /** A value and where it was written. */
    record Value(Object value, int line) {
    }

    private final ConfigLocation location;
    private final Map<String, Value> entries;

    ConfigTable(ConfigLocation location, Map<String, Value> entries) {
        this.location = location;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The file and the line of the table header (or of the inline table). */
    ConfigLocation location() {
        return location;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    Map<String, Value> entries() {
        return entries;
    }

    Optional<Value> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The location of {@code key}, or of the table when the key is absent. */
    ConfigLocation locationOf(String key) {
        Value value = entries.get(key);
        return value == null ? location : location.atLine(value.line());
    }

    /** A short type description for messages: "a string", "an integer", ... */
    static String describeType(Object value) {
        if (value instanceof String) {
            return "a string";
        } else if (value instanceof Long) {
            return "an integer";
        } else if (value instanceof Double) {
            return "a float";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof ConfigTable) {
            return "a table";
        } else if (value instanceof List) {
            return "an array";
        } else {
            return "a date/time";
        }
    }
}
