package io.jtelegraf.testkit.influx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** InfluxDB's CSV query answer as rows of column name to text. Values must not contain commas. */
final class CsvRows {
    private CsvRows() {
    }

    static List<Map<String, String>> parse(String csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            return rows;
        }
        String[] columns = lines[0].split(",", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] values = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.length && c < values.length; c++) {
                row.put(columns[c], values[c]);
            }
            rows.add(row);
        }
        return rows;
    }
}
