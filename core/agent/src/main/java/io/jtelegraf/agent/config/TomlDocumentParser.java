package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Parses TOML text with tomlj into our own {@link ConfigTable} tree, keeping the line of every
 * key and array element, and passing every string value through a {@link StringValues}
 * transformation (strict environment substitution, spec 1.2). Keys, numbers, booleans and
 * dates are never transformed.
 */
final class TomlDocumentParser {

    /** What happens to each string value after parsing. */
    @FunctionalInterface
    interface StringValues {
        StringValues UNCHANGED = (value, where) -> value;

        /**
         * @param where the line of the value, for error messages
         * @throws ConfigException when the value cannot be resolved
         */
        String transform(String value, ConfigLocation where);
    }

    private TomlDocumentParser() {
    }

    /**
     * @param source the file name for messages
     * @throws ConfigException naming {@code source:line:column} on a TOML syntax error
     */
    static ConfigTable parse(String source, String text, StringValues strings) {
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            TomlParseError error = result.errors().get(0);
            TomlPosition position = error.position();
            String where = position == null ? source : source + ":" + position.line() + ":" + position.column();
            throw new ConfigException(where + ": invalid TOML syntax: " + error.getMessage());
        }
        return convertTable(result, new ConfigLocation(source, 0), strings);
    }

    private static ConfigTable convertTable(TomlTable table, ConfigLocation where, StringValues strings) {
        Map<String, ConfigTable.Value> entries = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            List<String> path = List.of(key);
            int line = lineOf(table.inputPositionOf(path), where.line());
            entries.put(key, new ConfigTable.Value(
                    convertValue(table.get(path), where.atLine(line), strings), line));
        }
        return new ConfigTable(where, entries);
    }

    private static Object convertValue(Object value, ConfigLocation where, StringValues strings) {
        if (value instanceof String text) {
            return strings.transform(text, where);
        } else if (value instanceof TomlTable table) {
            return convertTable(table, where, strings);
        } else if (value instanceof TomlArray array) {
            List<ConfigTable.Value> items = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                // tomlj reports reliable positions only for tables in arrays ([[x]] headers); a
                // scalar element keeps the line of its key.
                Object item = array.get(i);
                int line = item instanceof TomlTable ? lineOf(array.inputPositionOf(i), where.line()) : where.line();
                items.add(new ConfigTable.Value(convertValue(item, where.atLine(line), strings), line));
            }
            return List.copyOf(items);
        }
        return value;
    }

    private static int lineOf(TomlPosition position, int fallback) {
        return position == null ? fallback : position.line();
    }
}
