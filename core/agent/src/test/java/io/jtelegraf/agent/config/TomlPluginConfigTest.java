package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed getters, read tracking and error messages of the plugin-facing config. */
class TomlPluginConfigTest {
    private static final String SOURCE = "<outputs.influxdb>";

    private static TomlPluginConfig config(String body) {
        return TomlPluginConfig.fromSnippet("outputs.influxdb", body);
    }

    @Test
    void stringsBooleansNumbers() {
        PluginConfig c = config("s = \"x\"\nb = true\nl = 42\nd = 1.5\ni = 3\n");
        assertThat(c.getString("s")).contains("x");
        assertThat(c.getString("absent")).isEmpty();
        assertThat(c.getString("absent", "def")).isEqualTo("def");
        assertThat(c.getBoolean("b", false)).isTrue();
        assertThat(c.getBoolean("absent", true)).isTrue();
        assertThat(c.getLong("l", 0)).isEqualTo(42);
        assertThat(c.getLong("absent", 7)).isEqualTo(7);
        assertThat(c.getDouble("d", 0)).isEqualTo(1.5);
        assertThat(c.getDouble("i", 0)).isEqualTo(3.0);
    }

    @Test
    void durationsUseTelegrafsTypedSyntax() {
        PluginConfig c = config("a = 5\nb = 0.5\nc = \"7\"\nd = \"1h30m\"\ne = \"2d\"\nf = \"\"\n");
        assertThat(c.getDuration("a", Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.getDuration("b", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(c.getDuration("c", Duration.ZERO)).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.getDuration("d", Duration.ZERO)).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.getDuration("e", Duration.ZERO)).isEqualTo(Duration.ofDays(2));
        assertThat(c.getDuration("f", Duration.ofSeconds(9))).isEqualTo(Duration.ZERO);
        assertThat(c.getDuration("absent", Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void sizesAreBytesOrUnits() {
        PluginConfig c = config("a = 100\nb = \"15kB\"\nc = \"12MiB\"\nd = \"\"\n");
        assertThat(c.getSize("a", 0)).isEqualTo(100);
        assertThat(c.getSize("b", 0)).isEqualTo(15_000);
        assertThat(c.getSize("c", 0)).isEqualTo(12L * 1024 * 1024);
        assertThat(c.getSize("d", 77)).isEqualTo(77);
        assertThat(c.getSize("absent", 5)).isEqualTo(5);
    }

    @Test
    void listsAndMaps() {
        PluginConfig c = config("urls = [\"a\", \"b\"]\nempty = []\nheaders = {X-A = \"1\"}\n[sub]\nk = \"v\"\n");
        assertThat(c.getStringList("urls", List.of())).containsExactly("a", "b");
        assertThat(c.getStringList("empty", List.of("d"))).isEmpty();
        assertThat(c.getStringList("absent", List.of("d"))).containsExactly("d");
        assertThat(c.getStringMap("headers", Map.of())).containsExactly(Map.entry("X-A", "1"));
        assertThat(c.getStringMap("sub", Map.of())).containsExactly(Map.entry("k", "v"));
        assertThat(c.getStringMap("absent", Map.of("a", "b"))).containsExactly(Map.entry("a", "b"));
    }

    @Test
    void secretsAreMaskedAndAbsentSecretsEmpty() {
        PluginConfig c = config("password = \"hunter2\"\n");
        assertThat(c.getSecret("password").reveal()).isEqualTo("hunter2");
        assertThat(c.getSecret("password").toString()).doesNotContain("hunter2");
        assertThat(c.getSecret("token").isEmpty()).isTrue();
    }

    @Test
    void wrongTypesNameTheLinePluginAndKey() {
        PluginConfig c = config("\nurls = \"http://x\"\n");
        assertThatThrownBy(() -> c.getStringList("urls", List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(SOURCE + ":2: plugin outputs.influxdb: key \"urls\": expected an array of strings such as"
                        + " [\"a\", \"b\"], got a string");
        assertThatThrownBy(() -> c.getLong("urls", 0))
                .hasMessage(SOURCE + ":2: plugin outputs.influxdb: key \"urls\": expected an integer, got a string");
        PluginConfig flag = config("\ntimeout = true\n");
        assertThatThrownBy(() -> flag.getDuration("timeout", Duration.ZERO))
                .hasMessage(SOURCE + ":2: plugin outputs.influxdb: key \"timeout\": expected a duration (a string such"
                        + " as \"10s\" or a number of seconds), got a boolean");
    }

    @Test
    void invalidDurationsAndSizesExplainTheProblem() {
        PluginConfig c = config("timeout = \"5 seconds\"\nsize = \"5kb\"\n");
        assertThatThrownBy(() -> c.getDuration("timeout", Duration.ZERO))
                .hasMessageStartingWith(SOURCE + ":1: plugin outputs.influxdb: key \"timeout\": unknown unit \" seconds\"");
        assertThatThrownBy(() -> c.getSize("size", 0))
                .hasMessageStartingWith(SOURCE + ":2: plugin outputs.influxdb: key \"size\": unknown unit \"kb\"");
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        PluginConfig c = config("password = 12345\ntoken_lifetime = \"hunter2\"\n");
        assertThatThrownBy(() -> c.getSecret("password"))
                .hasMessage(SOURCE + ":1: plugin outputs.influxdb: key \"password\": expected a string, got an integer");
        assertThatThrownBy(() -> c.getDuration("token_lifetime", Duration.ZERO))
                .hasMessage(SOURCE + ":2: plugin outputs.influxdb: key \"token_lifetime\": invalid value")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void invalidCarriesTheLocationOfTheKey() {
        PluginConfig c = config("a = 1\ncontent_encoding = \"br\"\n");
        assertThat(c.invalid("content_encoding", "must be \"gzip\" or \"identity\"")).hasMessage(
                SOURCE + ":2: plugin outputs.influxdb: key \"content_encoding\": must be \"gzip\" or \"identity\"");
    }

    @Test
    void unusedKeysAreReportedWithTheirLines() {
        TomlPluginConfig c = config("urls = [\"x\"]\nfoo = 1\ninterval = \"1s\"\nbar = 2\n");
        c.getStringList("urls", List.of());
        assertThat(c.unusedKeys()).containsExactly("foo", "bar");
        assertThatThrownBy(c::requireAllKeysUsed).hasMessage(SOURCE + ":2: plugin outputs.influxdb: unknown keys"
                + " \"foo\", \"bar\" (line 2, 4) but they were not used; this is either a typo or this config option"
                + " does not exist in this version");
    }

    @Test
    void oneUnusedKeyIsWordedInTheSingular() {
        TomlPluginConfig c = config("\nfoo = 1\n");
        assertThatThrownBy(c::requireAllKeysUsed).hasMessage(SOURCE + ":2: plugin outputs.influxdb: unknown key"
                + " \"foo\" (line 2) but it was not used; this is either a typo or this config option does not exist"
                + " in this version");
    }

    @Test
    void containsMarksTheKeyAsRead() {
        TomlPluginConfig c = config("flag = true\n");
        assertThat(c.contains("flag")).isTrue();
        assertThat(c.contains("other")).isFalse();
        assertThat(c.unusedKeys()).isEmpty();
    }

    @Test
    void keysListsEverythingWithoutMarking() {
        TomlPluginConfig c = config("a = 1\nb = 2\n");
        assertThat(c.keys()).containsExactly("a", "b");
        assertThat(c.unusedKeys()).containsExactly("a", "b");
    }

    @Test
    void subTablesKeepTheirOwnLines() {
        TomlPluginConfig c = config("a = 1\n[headers]\n  X = 2\n");
        assertThatThrownBy(() -> c.getStringMap("headers", Map.of())).hasMessage(SOURCE
                + ":2: plugin outputs.influxdb: key \"headers\": the value of \"X\" must be a string, not an integer");
    }
}
