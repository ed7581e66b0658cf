package io.jtelegraf.testkit.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two answer formats of InfluxDB's /query: JSON and CSV. */
class QueryAnswersTest {
    @Test
    void jsonKeepsNanosecondTimesExactAndEscapedCharacters() {
        Object answer = QueryJson.parse("""
                {"results":[{"series":[{"name":"m","columns":["time","v","s","ok","gone"],
                 "values":[[1700000000123456789,21.5,"a\\tb\\u0000c\\"",true,null]]}]}]}""");

        Map<?, ?> result = (Map<?, ?>) ((List<?>) ((Map<?, ?>) answer).get("results")).get(0);
        Map<?, ?> series = (Map<?, ?>) ((List<?>) result.get("series")).get(0);
        List<Object> row = List.copyOf(((List<?>) ((List<?>) series.get("values")).get(0)).subList(0, 4));
        Object gone = ((List<?>) ((List<?>) series.get("values")).get(0)).get(4);
        assertThat(row).containsExactly(new BigDecimal("1700000000123456789"), new BigDecimal("21.5"),
                "a\tb\u0000c\"", true);
        assertThat(gone).isNull();
    }

    @Test
    void csvRowsAreKeyedByTheHeader() {
        List<Map<String, String>> rows = CsvRows.parse("name,tags,time,count\r\nhello,,17,1\r\nhello,,18,2\r\n");

        assertThat(rows).containsExactly(Map.of("name", "hello", "tags", "", "time", "17", "count", "1"),
                Map.of("name", "hello", "tags", "", "time", "18", "count", "2"));
        assertThat(CsvRows.parse("")).isEmpty();
    }
}
