package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict (default) and non-strict environment substitution through the loader (spec 1.2). */
class EnvironmentHandlingTest {
    @TempDir
    Path dir;

    private LoadedConfig load(String toml, Map<String, String> env, boolean strict) {
        Path file = new ConfigFiles(dir).write("jtelegraf.conf", toml);
        return ConfigLoader.load(new ConfigFiles(dir).options().configs(List.of(file.toString()))
                .environment(env).strictEnvironment(strict).build());
    }

    @Test
    void strictModeSubstitutesEveryStringValue() {
        LoadedConfig loaded = load("""
                [global_tags]
                  dc = "${DC}"
                [agent]
                  interval = "${INTERVAL}"
                [[outputs.influxdb]]
                  urls = ["http://${HOST}:8086", '${HOST}']
                  http_headers = {X-Env = "$DC"}
                  [outputs.influxdb.tags]
                    t = "${DC}-x"
                """, Map.of("DC", "eu-1", "INTERVAL", "7s", "HOST", "db"), true);
        PluginTable output = loaded.outputs().get(0);

        assertThat(loaded.agent().globalTags()).containsEntry("dc", "eu-1");
        assertThat(loaded.agent().interval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(output.config().getStringList("urls", List.of())).containsExactly("http://db:8086", "db");
        assertThat(output.config().getStringMap("http_headers", Map.of())).containsExactly(Map.entry("X-Env", "eu-1"));
        assertThat(output.config().getStringMap("tags", Map.of())).containsExactly(Map.entry("t", "eu-1-x"));
    }

    @Test
    void strictModeNeverTouchesKeysOrNumbers() {
        LoadedConfig loaded = load("[[inputs.x]]\n  \"${K}\" = \"${K}\"\n", Map.of("K", "v"), true);
        assertThat(loaded.inputs().get(0).config().getString("${K}")).contains("v");
    }

    @Test
    void strictModeCannotBeInjected() {
        LoadedConfig loaded = load("[[inputs.x]]\n  a = \"${EVIL}\"\n", Map.of("EVIL", "x\"\n[[outputs.y]]\nb = \""), true);
        assertThat(loaded.outputs()).isEmpty();
        assertThat(loaded.inputs().get(0).config().getString("a")).contains("x\"\n[[outputs.y]]\nb = \"");
    }

    @Test
    void strictModeRejectsUnquotedTemplates() {
        Path file = new ConfigFiles(dir).write("jtelegraf.conf", "[agent]\n  metric_batch_size = ${SIZE}\n");
        assertThatThrownBy(() -> new ConfigFiles(dir).load(file, Map.of("SIZE", "5")))
                .hasMessageStartingWith(file + ":2:23: invalid TOML syntax:");
    }

    @Test
    void nonStrictModeSubstitutesTheTextBeforeParsing() {
        LoadedConfig loaded = load("[agent]\n  metric_batch_size = ${SIZE}\n  debug = ${DEBUG}\n",
                Map.of("SIZE", "5", "DEBUG", "true"), false);
        assertThat(loaded.agent().metricBatchSize()).isEqualTo(5);
        assertThat(loaded.agent().debug()).isTrue();
    }

    @Test
    void commentsAreRemovedBeforeSubstitutionInBothModes() {
        String toml = "[agent]\n  # hostname = \"${MISSING:?never evaluated}\"\n  hostname = \"h\" # ${ALSO:?no}\n";
        assertThat(load(toml, Map.of(), true).agent().hostname()).isEqualTo("h");
        assertThat(load(toml, Map.of(), false).agent().hostname()).isEqualTo("h");
    }

    @Test
    void unsetVariablesStayVerbatimInValues() {
        LoadedConfig loaded = load("[[inputs.x]]\n  a = \"${NOPE}\"\n  b = \"s/(.*)/${1}/\"\n", Map.of(), true);
        assertThat(loaded.inputs().get(0).config().getString("a")).contains("${NOPE}");
        assertThat(loaded.inputs().get(0).config().getString("b")).contains("s/(.*)/${1}/");
    }
}
