package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.filter.FilterSpec;
import io.jtelegraf.agent.runtime.AgentSettings;
import io.jtelegraf.agent.runtime.InputSettings;
import io.jtelegraf.agent.runtime.OutputSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several files merged as Telegraf merges them (spec 1.6), and a realistic /etc layout. */
class MultiFileConfigTest {
    @TempDir
    Path dir;

    private ConfigFiles files() {
        return new ConfigFiles(dir);
    }

    private LoadedConfig loadAll(Path... paths) {
        return ConfigLoader.load(files().options()
                .configs(java.util.Arrays.stream(paths).map(Path::toString).toList()).build());
    }

    @Test
    void aRealisticEtcFolderLoadsIntoTheExpectedModel() throws IOException {
        files().write("etc/jtelegraf/jtelegraf.conf", """
                # jtelegraf main file
                [global_tags]
                  dc = "${DC:-unknown}"

                [agent]
                  interval = "15s"
                  flush_interval = "30s"
                  metric_batch_size = 500
                  hostname = "${NODE}"
                """);
        files().write("etc/jtelegraf/jtelegraf.d/10-inputs.conf", """
                [[inputs.ipvs]]
                  alias = "edge"
                  interval = "5s"
                  namepass = ["ipvs_virtual_server"]
                  [inputs.ipvs.tags]
                    role = "lb"

                [[inputs.ipvs]]
                  alias = "slow"
                  interval = "1m"
                  [inputs.ipvs.tagdrop]
                    protocol = ["udp"]
                """);
        Path outputs = files().write("etc/jtelegraf/jtelegraf.d/20-outputs.conf", """
                [[outputs.influxdb]]
                  urls = ["http://${INFLUX_HOST}:8086"]
                  database = "telegraf"
                  password = "${INFLUX_PASSWORD}"
                  metric_buffer_limit = 50000

                [[outputs.file]]
                  files = ["stdout"]
                  fieldexclude = ["cps"]
                  data_format = "influx"
                  influx_sort_fields = true
                """);
        Files.setPosixFilePermissions(outputs, PosixFilePermissions.fromString("rw-rw-r--"));
        Files.writeString(dir.resolve("etc/jtelegraf/jtelegraf.d/README"), "not a config");

        LoadedConfig loaded = ConfigLoader.load(files().options()
                .environment(Map.of("DC", "eu-1", "NODE", "lb-1", "INFLUX_HOST", "db.local",
                        "INFLUX_PASSWORD", "s3cret"))
                .build());

        Path etc = dir.resolve("etc/jtelegraf");
        assertThat(loaded.files()).containsExactly(etc.resolve("jtelegraf.conf"),
                etc.resolve("jtelegraf.d/10-inputs.conf"), etc.resolve("jtelegraf.d/20-outputs.conf"));

        AgentSettings agent = loaded.agent();
        assertThat(agent.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(agent.flushInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(agent.metricBatchSize()).isEqualTo(500);
        assertThat(agent.hostname()).isEqualTo("lb-1");
        assertThat(agent.globalTags()).containsOnly(Map.entry("dc", "eu-1"), Map.entry("host", "lb-1"));

        assertThat(loaded.inputs()).extracting(t -> t.inputSettings(agent)).containsExactly(
                new InputSettings("inputs.ipvs", Optional.of("edge"), Duration.ofSeconds(5), Duration.ZERO,
                        Duration.ZERO, Duration.ZERO, true, "", "", "", Map.of("role", "lb"),
                        new FilterSpec(List.of("ipvs_virtual_server"), "", List.of(), "", Map.of(), Map.of(),
                                List.of(), List.of(), List.of(), List.of())),
                new InputSettings("inputs.ipvs", Optional.of("slow"), Duration.ofMinutes(1), Duration.ZERO,
                        Duration.ZERO, Duration.ZERO, true, "", "", "", Map.of(),
                        new FilterSpec(List.of(), "", List.of(), "", Map.of(), Map.of("protocol", List.of("udp")),
                                List.of(), List.of(), List.of(), List.of())));
        assertThat(loaded.inputs()).extracting(t -> t.location().line()).containsExactly(1, 8);

        PluginTable influx = loaded.outputs().get(0);
        PluginTable file = loaded.outputs().get(1);
        assertThat(influx.outputSettings(agent)).isEqualTo(new OutputSettings("outputs.influxdb", Optional.empty(),
                Duration.ofSeconds(30), Duration.ZERO, 500, 50000, "", "", "", FilterSpec.NONE));
        assertThat(file.outputSettings(agent).filter().fieldExclude()).containsExactly("cps");
        assertThat(influx.config().getStringList("urls", List.of())).containsExactly("http://db.local:8086");
        assertThat(influx.config().getString("database", "")).isEqualTo("telegraf");
        assertThat(influx.config().getSecret("password").reveal()).isEqualTo("s3cret");
        influx.requireAllKeysUsed();
        assertThat(file.config().getStringList("files", List.of())).containsExactly("stdout");
        assertThat(file.config().getBoolean("influx_sort_fields", false)).isTrue();
        file.requireAllKeysUsed();

        assertThat(loaded.warnings()).containsExactly(outputs + ": holds credentials (keys \"password\") but is"
                + " writable by group or others; restrict it, for example with chmod go-w " + outputs);
        assertThat(String.join("\n", loaded.warnings())).doesNotContain("s3cret");
    }

    @Test
    void pluginsFromAllFilesAreAppendedNotMerged() {
        Path a = files().write("a.conf", "[[outputs.influxdb]]\n  urls = [\"http://a\"]\n");
        Path b = files().write("b.conf", "[[outputs.influxdb]]\n  urls = [\"http://b\"]\n");
        LoadedConfig loaded = loadAll(a, b);
        assertThat(loaded.outputs()).extracting(t -> t.config().getStringList("urls", List.of()))
                .containsExactly(List.of("http://a"), List.of("http://b"));
        assertThat(loaded.outputs()).extracting(t -> t.location().source()).containsExactly(a.toString(), b.toString());
    }

    @Test
    void laterAgentTablesOverwriteOnlyTheirKeysWithAWarning() {
        Path a = files().write("a.conf", "[agent]\n  interval = \"5s\"\n  debug = true\n");
        Path b = files().write("b.conf", "[agent]\n  interval = \"7s\"\n");
        LoadedConfig loaded = loadAll(a, b);
        assertThat(loaded.agent().interval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(loaded.agent().debug()).isTrue();
        assertThat(loaded.warnings()).containsExactly("several [agent] tables (" + a + ":1, " + b + ":1): later ones"
                + " overwrite the keys they set, and outputs keep the metric_batch_size and metric_buffer_limit in"
                + " force when they were read");
    }

    @Test
    void outputsKeepTheBatchSizeAndBufferLimitInForceWhenTheyWereRead() {
        Path a = files().write("a.conf", "[agent]\n  metric_batch_size = 10\n  metric_buffer_limit = 100\n"
                + "  flush_interval = \"1s\"\n[[outputs.file]]\n");
        Path b = files().write("b.conf", "[agent]\n  metric_batch_size = 20\n  metric_buffer_limit = 200\n"
                + "  flush_interval = \"2s\"\n[[outputs.file]]\n");
        LoadedConfig loaded = loadAll(a, b);
        OutputSettings first = loaded.outputs().get(0).outputSettings(loaded.agent());
        OutputSettings second = loaded.outputs().get(1).outputSettings(loaded.agent());
        assertThat(first.metricBatchSize()).isEqualTo(10);
        assertThat(first.metricBufferLimit()).isEqualTo(100);
        assertThat(second.metricBatchSize()).isEqualTo(20);
        assertThat(second.metricBufferLimit()).isEqualTo(200);
        // The flush interval is read at run time in Telegraf, so the final agent value applies to both.
        assertThat(first.flushInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void globalTagsMergeAndTheHostTagIsReappliedAfterEachFile() {
        Path a = files().write("a.conf", "[global_tags]\n  dc = \"a\"\n  rack = \"1\"\n");
        Path b = files().write("b.conf", "[global_tags]\n  dc = \"b\"\n  host = \"ignored\"\n");
        LoadedConfig loaded = loadAll(a, b);
        assertThat(loaded.agent().globalTags()).containsOnly(Map.entry("dc", "b"), Map.entry("rack", "1"),
                Map.entry("host", ConfigFiles.HOST));
    }

    @Test
    void legacySingleTablesPluginsAliasAndSeveralInstances() {
        Path file = files().write("jtelegraf.conf", """
                [inputs.mem]
                [[plugins.cpu]]
                [[inputs.cpu]]
                  percpu = false
                [[inputs.cpu]]
                  percpu = true
                """);
        LoadedConfig loaded = files().load(file);
        assertThat(loaded.inputs()).extracting(PluginTable::pluginId)
                .containsExactly("inputs.mem", "inputs.cpu", "inputs.cpu", "inputs.cpu");
        assertThat(loaded.inputs()).extracting(t -> t.location().line()).containsExactly(1, 2, 3, 5);
    }

    @Test
    void inputAndOutputFiltersSkipOtherPluginsAtLoadTime() {
        Path file = files().write("jtelegraf.conf", """
                [[inputs.cpu]]
                  not_checked = 1
                [[inputs.ipvs]]
                [[inputs.mem]]
                [[outputs.file]]
                [[outputs.influxdb]]
                """);
        LoadedConfig loaded = ConfigLoader.load(files().options().configs(List.of(file.toString()))
                .inputFilter(List.of("ipvs:mem")).outputFilter(List.of("file")).build());
        assertThat(loaded.inputs()).extracting(PluginTable::name).containsExactly("ipvs", "mem");
        assertThat(loaded.outputs()).extracting(PluginTable::name).containsExactly("file");
    }

    @Test
    void noWarningForAPrivateFileWithSecrets() throws IOException {
        Path file = files().write("jtelegraf.conf", "[[outputs.influxdb]]\n  token = \"t\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(files().load(file).warnings()).isEmpty();
    }
}
