package io.jtelegraf.outputs.influxdb.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @ParameterizedTest(name = "valid: {0}")
    @ValueSource(strings = {"{}", " {\"error\":\"x\"} ", "[1,-2.5e3,true,false,null]", "\"\\u00e9\\n\"", "0", "{\"a\":{\"b\":[{}]}}"})
    void acceptsValidDocuments(String text) {
        assertThat(Json.isValid(text)).isTrue();
    }

    @ParameterizedTest(name = "invalid: {0}")
    @ValueSource(strings = {"", "<html></html>", "{", "{\"a\":}", "[1,]", "01", "1.", "{\"a\" 1}", "\"unterminated", "{} {}", "nul"})
    void rejectsInvalidDocuments(String text) {
        assertThat(Json.isValid(text)).isFalse();
    }

    @Test
    void readsMembersAndExactNumbers() {
        Object document = Json.parse("{\"error\":\"db \\\"x\\\" not found\",\"results\":[{\"n\":1700000000123456789}]}");
        assertThat(Json.stringMember(document, "error")).isEqualTo("db \"x\" not found");
        Map<?, ?> first = (Map<?, ?>) ((List<?>) ((Map<?, ?>) document).get("results")).get(0);
        assertThat(first.get("n")).isEqualTo(new BigDecimal("1700000000123456789"));
        assertThat(Json.stringMember(document, "missing")).isNull();
        assertThat(Json.stringMember(List.of(), "error")).isNull();
    }
}
