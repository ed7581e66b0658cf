package io.jtelegraf.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPluginConfigsTest {

    @Test
    void readsTypedValuesFromATableBody() {
        PluginConfig config = TestPluginConfigs.fromToml("outputs.influxdb", """
                urls = ["http://127.0.0.1:8086"]
                timeout = "1s"
                content_encoding = "gzip"
                http_headers = {Host = "example"}
                password = "hunter2"
                """);

        assertThat(config.pluginId()).isEqualTo("outputs.influxdb");
        assertThat(config.getStringList("urls", List.of())).containsExactly("http://127.0.0.1:8086");
        assertThat(config.getDuration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.getString("content_encoding", "")).isEqualTo("gzip");
        assertThat(config.getStringMap("http_headers", Map.of())).containsExactly(Map.entry("Host", "example"));
        assertThat(config.getSecret("password").reveal()).isEqualTo("hunter2");
    }

    @Test
    void unusedKeysListsWhatThePluginDidNotReadButNotCommonOptions() {
        PluginConfig config = TestPluginConfigs.fromToml("inputs.ipvs", """
                interval = "5s"
                name_prefix = "lb_"
                used = true
                typo_one = 1
                typo_two = 2
                """);

        config.getBoolean("used", false);

        assertThat(TestPluginConfigs.unusedKeys(config)).containsExactly("typo_one", "typo_two");
    }

    @Test
    void typeErrorsNameTheLineThePluginAndTheKey() {
        PluginConfig config = TestPluginConfigs.fromToml("inputs.ipvs", "\nenabled = \"yes\"\n");

        assertThatThrownBy(() -> config.getBoolean("enabled", false))
                .isInstanceOf(ConfigException.class)
                .hasMessage("<inputs.ipvs>:2: plugin inputs.ipvs: key \"enabled\":"
                        + " expected a boolean (true or false), got a string");
    }

    @Test
    void invalidCommonOptionsFailAlreadyWhenReading() {
        assertThatThrownBy(() -> TestPluginConfigs.fromToml("inputs.ipvs", "interval = \"10\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("<inputs.ipvs>:1: plugin inputs.ipvs: key \"interval\": missing unit");
    }

    @Test
    void rejectsAConfigFromElsewhere() {
        PluginConfig foreign = TestPluginConfigs.fromToml("inputs.x", "");
        assertThat(TestPluginConfigs.unusedKeys(foreign)).isEmpty();
        assertThatThrownBy(() -> TestPluginConfigs.fromToml("processors.x", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
