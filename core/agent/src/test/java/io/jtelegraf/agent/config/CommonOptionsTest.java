package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.agent.filter.FilterSpec;
import io.jtelegraf.agent.runtime.AgentSettings;
import io.jtelegraf.agent.runtime.InputSettings;
import io.jtelegraf.agent.runtime.OutputSettings;
import io.jtelegraf.spi.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-plugin common options of spec 2.1 and 2.2, with the agent values they override. */
class CommonOptionsTest {
    private static final String AGENT = """
            [agent]
              interval = "30s"
              precision = "1s"
              collection_jitter = "2s"
              collection_offset = "3s"
              flush_interval = "40s"
              flush_jitter = "4s"
              metric_batch_size = 111
              metric_buffer_limit = 2222
            """;

    @TempDir
    Path dir;

    private LoadedConfig load(String toml) {
        return new ConfigFiles(dir).loadText(AGENT + toml);
    }

    private InputSettings input(String body) {
        LoadedConfig loaded = load("[[inputs.ipvs]]\n" + body);
        return loaded.inputs().get(0).inputSettings(loaded.agent());
    }

    private OutputSettings output(String body) {
        LoadedConfig loaded = load("[[outputs.file]]\n" + body);
        return loaded.outputs().get(0).outputSettings(loaded.agent());
    }

    private ConfigException inputError(String body) {
        try {
            load("[[inputs.ipvs]]\n" + body);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no error for " + body);
    }

    private String file() {
        return dir.resolve("jtelegraf.conf").toString();
    }

    @Test
    void anInputWithoutOptionsTakesTheAgentValues() {
        InputSettings settings = input("");
        assertThat(settings).isEqualTo(new InputSettings("inputs.ipvs", Optional.empty(), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), true, "", "", "", Map.of(),
                FilterSpec.NONE));
    }

    @Test
    void intervalOverridesUnlessZero() {
        assertThat(input("interval = \"5s\"").interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(input("interval = \"0s\"").interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void precisionOverridesUnlessZero() {
        assertThat(input("precision = \"1ms\"").precision()).isEqualTo(Duration.ofMillis(1));
        assertThat(input("precision = \"0s\"").precision()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void collectionJitterOverridesWheneverPresentEvenZero() {
        assertThat(input("collection_jitter = \"500ms\"").collectionJitter()).isEqualTo(Duration.ofMillis(500));
        assertThat(input("collection_jitter = \"0s\"").collectionJitter()).isEqualTo(Duration.ZERO);
    }

    @Test
    void collectionOffsetOverridesUnlessZeroAndMustNotBeNegative() {
        assertThat(input("collection_offset = \"7s\"").collectionOffset()).isEqualTo(Duration.ofSeconds(7));
        assertThat(input("collection_offset = \"0s\"").collectionOffset()).isEqualTo(Duration.ofSeconds(3));
        assertThat(inputError("collection_offset = \"-1s\"")).hasMessage(
                file() + ":11: plugin inputs.ipvs: key \"collection_offset\": must not be negative");
    }

    @Test
    void roundIntervalComesFromTheAgent() {
        LoadedConfig loaded = new ConfigFiles(dir).loadText("[agent]\nround_interval = false\n[[inputs.ipvs]]\n");
        assertThat(loaded.inputs().get(0).inputSettings(loaded.agent()).roundInterval()).isFalse();
    }

    @Test
    void commonDurationsNeedAGoUnit() {
        assertThat(inputError("interval = \"10\"")).hasMessage(file() + ":11: plugin inputs.ipvs: key \"interval\":"
                + " missing unit in duration \"10\" (write for example \"10s\")");
        assertThat(inputError("interval = \"1d\"")).hasMessageStartingWith(file()
                + ":11: plugin inputs.ipvs: key \"interval\": unknown unit \"d\" in duration \"1d\"");
        assertThat(inputError("interval = \"\"")).hasMessage(file()
                + ":11: plugin inputs.ipvs: key \"interval\": invalid duration \"\"");
        assertThat(inputError("interval = true")).hasMessage(file()
                + ":11: plugin inputs.ipvs: key \"interval\": expected a duration string such as \"10s\", got a boolean");
    }

    @Test
    void aNumericIntervalIsHonouredAsSecondsWithAWarning() {
        LoadedConfig loaded = load("[[inputs.ipvs]]\ninterval = 10\n");
        assertThat(loaded.inputs().get(0).inputSettings(loaded.agent()).interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(loaded.warnings()).containsExactly(file() + ":11: plugin inputs.ipvs: key \"interval\" is a number;"
                + " jtelegraf reads it as 10 seconds, but Telegraf ignores numbers here and uses the agent value;"
                + " write \"10s\" to mean the same in both");
    }

    @Test
    void namesAliasAndTags() {
        LoadedConfig loaded = load("""
                [[inputs.ipvs]]
                  alias = "lb"
                  name_override = "lvs"
                  name_prefix = "pre_"
                  name_suffix = "_suf"
                  log_level = "debug"
                  [inputs.ipvs.tags]
                    role = "edge"
                """);
        PluginTable table = loaded.inputs().get(0);
        InputSettings settings = table.inputSettings(loaded.agent());
        assertThat(settings.alias()).contains("lb");
        assertThat(settings.logName()).isEqualTo("inputs.ipvs::lb");
        assertThat(settings.nameOverride()).isEqualTo("lvs");
        assertThat(settings.namePrefix()).isEqualTo("pre_");
        assertThat(settings.nameSuffix()).isEqualTo("_suf");
        assertThat(settings.tags()).containsExactly(Map.entry("role", "edge"));
        assertThat(table.logLevel()).contains("debug");
        assertThat(table.alias()).contains("lb");
    }

    @Test
    void tagsMayBeAnInlineTableOfStrings() {
        assertThat(input("tags = {a = \"1\", b = \"2\"}").tags()).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(inputError("tags = {a = 1}")).hasMessage(file()
                + ":11: plugin inputs.ipvs: key \"tags\": the value of \"a\" must be a string, not an integer");
    }

    @Test
    void invalidLogLevelAndStartupBehaviourAreRejected() {
        assertThat(inputError("log_level = \"loud\"")).hasMessage(file() + ":11: plugin inputs.ipvs: key \"log_level\":"
                + " invalid value \"loud\"; valid values are debug, error, info, trace, warn");
        assertThat(input("startup_error_behavior = \"probe\"").pluginId()).isEqualTo("inputs.ipvs");
        Path file = new ConfigFiles(dir).write("o.conf", "[[outputs.file]]\nstartup_error_behavior = \"probe\"\n");
        assertThatThrownBy(() -> new ConfigFiles(dir).load(file)).hasMessage(file + ":2: plugin outputs.file:"
                + " key \"startup_error_behavior\": invalid value \"probe\"; valid values are error, ignore, retry");
    }

    @Test
    void onlyTheMetricTimeSourceIsSupported() {
        assertThat(input("time_source = \"metric\"").pluginId()).isEqualTo("inputs.ipvs");
        assertThat(inputError("time_source = \"collection_start\"")).hasMessage(file() + ":11: plugin inputs.ipvs:"
                + " key \"time_source\": jtelegraf does not support \"collection_start\"; only \"metric\" (the default)"
                + " is supported");
    }

    @Test
    void anOutputWithoutOptionsTakesTheAgentValues() {
        assertThat(output("")).isEqualTo(new OutputSettings("outputs.file", Optional.empty(), Duration.ofSeconds(40),
                Duration.ofSeconds(4), 111, 2222, "", "", "", FilterSpec.NONE));
    }

    @Test
    void flushIntervalAndJitterOverrideUnlessZero() {
        OutputSettings set = output("flush_interval = \"1s\"\nflush_jitter = \"100ms\"");
        assertThat(set.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(set.flushJitter()).isEqualTo(Duration.ofMillis(100));
        OutputSettings zero = output("flush_interval = \"0s\"\nflush_jitter = \"0s\"");
        assertThat(zero.flushInterval()).isEqualTo(Duration.ofSeconds(40));
        assertThat(zero.flushJitter()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void batchSizeAndBufferLimitOverrideOnlyAsPositiveIntegers() {
        OutputSettings set = output("metric_batch_size = 10\nmetric_buffer_limit = 20");
        assertThat(set.metricBatchSize()).isEqualTo(10);
        assertThat(set.metricBufferLimit()).isEqualTo(20);
        OutputSettings ignored = output("metric_batch_size = \"10\"\nmetric_buffer_limit = -5");
        assertThat(ignored.metricBatchSize()).isEqualTo(111);
        assertThat(ignored.metricBufferLimit()).isEqualTo(2222);
    }

    @Test
    void outputNamesAndAlias() {
        OutputSettings set = output("alias = \"main\"\nname_override = \"o\"\nname_prefix = \"p_\"\nname_suffix = \"_s\"");
        assertThat(set.alias()).contains("main");
        assertThat(set.nameOverride()).isEqualTo("o");
        assertThat(set.namePrefix()).isEqualTo("p_");
        assertThat(set.nameSuffix()).isEqualTo("_s");
    }

    @Test
    void generalOptionsAreAcceptedWhereTheyDoNothing() {
        LoadedConfig loaded = load("""
                [[outputs.file]]
                  interval = "5s"
                  collection_jitter = "1s"
                  tags = {a = "b"}
                  order = 1
                  data_format = "influx"
                [[inputs.ipvs]]
                  flush_interval = "5s"
                  metric_batch_size = 5
                  labels = {team = "net"}
                """);
        PluginTable output = loaded.outputs().get(0);
        PluginTable input = loaded.inputs().get(0);
        output.requireAllKeysUsed();
        input.requireAllKeysUsed();
        assertThat(output.outputSettings(loaded.agent()).flushInterval()).isEqualTo(Duration.ofSeconds(40));
        assertThat(input.inputSettings(loaded.agent()).interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void settingsOfTheWrongSectionAreAProgrammingError() {
        LoadedConfig loaded = load("[[inputs.ipvs]]\n");
        AgentSettings agent = loaded.agent();
        assertThatThrownBy(() -> loaded.inputs().get(0).outputSettings(agent)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesWithWrongTypesAreErrors() {
        assertThat(inputError("name_override = 5")).hasMessage(file()
                + ":11: plugin inputs.ipvs: key \"name_override\": expected a string, got an integer");
    }

    @Test
    void tableHeaderLocationAndPluginId() {
        LoadedConfig loaded = load("\n[[inputs.ipvs]]\n");
        PluginTable table = loaded.inputs().get(0);
        assertThat(table.location()).isEqualTo(new ConfigLocation(file(), 11));
        assertThat(table.pluginId()).isEqualTo("inputs.ipvs");
        assertThat(table.name()).isEqualTo("ipvs");
        assertThat(table.section()).isEqualTo(PluginSection.INPUTS);
        assertThat(table.config().pluginId()).isEqualTo("inputs.ipvs");
        assertThat(List.of(table.toString())).containsExactly("inputs.ipvs at " + file() + ":11");
    }
}
