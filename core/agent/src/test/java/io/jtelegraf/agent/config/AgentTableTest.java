package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.agent.runtime.AgentSettings;
import io.jtelegraf.spi.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTableTest {
    @TempDir
    Path dir;

    private ConfigFiles files() {
        return new ConfigFiles(dir);
    }

    private AgentSettings agent(String toml) {
        return files().loadText(toml).agent();
    }

    @Test
    void pinsEveryDefault() {
        AgentSettings agent = agent("[[outputs.file]]\n");

        assertThat(agent.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(agent.roundInterval()).isTrue();
        assertThat(agent.metricBatchSize()).isEqualTo(1000);
        assertThat(agent.metricBufferLimit()).isEqualTo(10000);
        assertThat(agent.collectionJitter()).isEqualTo(Duration.ZERO);
        assertThat(agent.collectionOffset()).isEqualTo(Duration.ZERO);
        assertThat(agent.flushInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(agent.flushJitter()).isEqualTo(Duration.ZERO);
        assertThat(agent.precision()).isEqualTo(Duration.ZERO);
        assertThat(agent.debug()).isFalse();
        assertThat(agent.quiet()).isFalse();
        assertThat(agent.logfile()).isEmpty();
        assertThat(agent.logfileRotationInterval()).isEqualTo(Duration.ZERO);
        assertThat(agent.logfileRotationMaxSize()).isZero();
        assertThat(agent.logfileRotationMaxArchives()).isEqualTo(5);
        assertThat(agent.logWithTimezone()).isEmpty();
        assertThat(agent.hostname()).isEqualTo(ConfigFiles.HOST);
        assertThat(agent.omitHostname()).isFalse();
        assertThat(agent.alwaysIncludeLocalTags()).isFalse();
        assertThat(agent.alwaysIncludeGlobalTags()).isFalse();
        assertThat(agent.bufferStrategy()).isEqualTo("memory");
        assertThat(agent.bufferDirectory()).isEmpty();
        assertThat(agent.globalTags()).containsExactly(Map.entry("host", ConfigFiles.HOST));
        assertThat(agent).isEqualTo(AgentSettings.defaults(ConfigFiles.HOST));
    }

    @Test
    void readsEveryKeyWithANonDefaultValue() {
        AgentSettings agent = agent("""
                [agent]
                  interval = "5s"
                  round_interval = false
                  metric_batch_size = 500
                  metric_buffer_limit = 2000
                  collection_jitter = "1s"
                  collection_offset = "2s"
                  flush_interval = "20s"
                  flush_jitter = "3s"
                  precision = "1ms"
                  debug = true
                  quiet = true
                  logformat = "text"
                  logfile = "/var/log/jtelegraf/jtelegraf.log"
                  logfile_rotation_interval = "1d"
                  logfile_rotation_max_size = "10MB"
                  logfile_rotation_max_archives = -1
                  log_with_timezone = "Europe/Berlin"
                  hostname = "lb-1"
                  omit_hostname = false
                  always_include_local_tags = true
                  always_include_global_tags = true
                  buffer_strategy = "disk"
                  buffer_directory = "/var/lib/jtelegraf"
                """);

        assertThat(agent).isEqualTo(new AgentSettings(Duration.ofSeconds(5), false, 500, 2000, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(3), Duration.ofMillis(1), true, true,
                "/var/log/jtelegraf/jtelegraf.log", Duration.ofDays(1), 10_000_000, -1, "Europe/Berlin", "lb-1", false,
                true, true, "disk", "/var/lib/jtelegraf", Map.of("host", "lb-1")));
    }

    @Test
    void acceptsAndIgnoresKeysThatDoNotApply() {
        LoadedConfig loaded = files().loadText("""
                [agent]
                  snmp_translator = "netsnmp"
                  statefile = ""
                  structured_log_message_key = "msg"
                  skip_processors_after_aggregators = true
                  skip_processors_before_aggregators = false
                  config_url_retry_attempts = 3
                  buffer_disk_sync = true
                  logtarget = "file"
                """);
        assertThat(loaded.agent()).isEqualTo(AgentSettings.defaults(ConfigFiles.HOST));
    }

    @Test
    void aStatefileIsIgnoredWithAWarning() {
        LoadedConfig loaded = files().loadText("[agent]\nstatefile = \"/var/lib/state.json\"\n");
        assertThat(loaded.warnings()).containsExactly(dir.resolve("jtelegraf.conf") + ":2: [agent]: key \"statefile\""
                + " is ignored: jtelegraf does not persist plugin state");
    }

    @Test
    void logtargetStderrClearsTheLogfile() {
        assertThat(agent("[agent]\nlogfile = \"/tmp/x.log\"\nlogtarget = \"stderr\"\n").logfile()).isEmpty();
    }

    @Test
    void keysMatchCaseAndUnderscoreInsensitively() {
        AgentSettings agent = agent("[agent]\nroundinterval = false\nMetric_Batch_Size = 7\nFLUSH_INTERVAL = \"1m\"\n");
        assertThat(agent.roundInterval()).isFalse();
        assertThat(agent.metricBatchSize()).isEqualTo(7);
        assertThat(agent.flushInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void durationsAcceptTelegrafsTypedSyntax() {
        assertThat(agent("[agent]\ninterval = 10\n").interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(agent("[agent]\ninterval = 2.5\n").interval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(agent("[agent]\ninterval = \"10\"\n").interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(agent("[agent]\ninterval = \"1d\"\n").interval()).isEqualTo(Duration.ofDays(1));
        assertThat(agent("[agent]\ncollection_jitter = \"\"\n").collectionJitter()).isEqualTo(Duration.ZERO);
    }

    @Test
    void zeroBatchSizeAndBufferLimitMeanTheDefaults() {
        AgentSettings agent = agent("[agent]\nmetric_batch_size = 0\nmetric_buffer_limit = 0\n");
        assertThat(agent.metricBatchSize()).isEqualTo(1000);
        assertThat(agent.metricBufferLimit()).isEqualTo(10000);
    }

    @Test
    void unknownKeysFailWithTheUnusedKeysMessage() {
        Path file = files().write("jtelegraf.conf", "[agent]\n  interval = \"10s\"\n  flush_buffer_when_full = true\n  utc = true\n");
        assertThatThrownBy(() -> files().load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: [agent]: unknown keys \"flush_buffer_when_full\", \"utc\" (line 3, 4) but they"
                        + " were not used; this is either a typo or this config option does not exist in this version");
    }

    @Test
    void wrongTypesNameFileLineAndKey() {
        Path file = files().write("jtelegraf.conf", "[agent]\n\n  round_interval = \"yes\"\n");
        assertThatThrownBy(() -> files().load(file))
                .hasMessage(file + ":3: [agent]: key \"round_interval\": expected a boolean (true or false), got a string");
        Path durations = files().write("durations.conf", "[agent]\n  interval = true\n");
        assertThatThrownBy(() -> files().load(durations))
                .hasMessage(durations + ":2: [agent]: key \"interval\": expected a duration (a string such as \"10s\""
                        + " or a number of seconds), got a boolean");
    }

    @Test
    void invalidDurationsNameTheProblem() {
        Path file = files().write("jtelegraf.conf", "[agent]\ninterval = \"10x\"\n");
        assertThatThrownBy(() -> files().load(file))
                .hasMessageStartingWith(file + ":2: [agent]: key \"interval\": unknown unit \"x\" in duration \"10x\"");
    }

    @Test
    void intervalAndFlushIntervalMustBePositive() {
        Path file = files().write("jtelegraf.conf", "[agent]\ninterval = \"0s\"\n");
        assertThatThrownBy(() -> files().load(file))
                .hasMessage(file + ":2: [agent]: key \"interval\": agent interval must be positive");
        Path flush = files().write("flush.conf", "[agent]\nflush_interval = \"-1s\"\n");
        assertThatThrownBy(() -> files().load(flush))
                .hasMessage(flush + ":2: [agent]: key \"flush_interval\": agent flush_interval must be positive");
    }

    @Test
    void aNegativeCollectionOffsetIsAnError() {
        Path file = files().write("jtelegraf.conf", "[agent]\ncollection_offset = \"-5s\"\n");
        assertThatThrownBy(() -> files().load(file))
                .hasMessage(file + ":2: [agent]: key \"collection_offset\": must not be negative");
    }

    @Test
    void unsupportedLogSettingsAreRejected() {
        Path format = files().write("a.conf", "[agent]\nlogformat = \"structured\"\n");
        assertThatThrownBy(() -> files().load(format))
                .hasMessage(format + ":2: [agent]: key \"logformat\": jtelegraf supports only logformat \"text\", not \"structured\"");
        Path target = files().write("b.conf", "[agent]\nlogtarget = \"eventlog\"\n");
        assertThatThrownBy(() -> files().load(target))
                .hasMessage(target + ":2: [agent]: key \"logtarget\": jtelegraf does not support logtarget \"eventlog\" (the Windows event log)");
        Path zone = files().write("c.conf", "[agent]\nlog_with_timezone = \"Mars/Olympus\"\n");
        assertThatThrownBy(() -> files().load(zone)).hasMessageContaining("unknown time zone \"Mars/Olympus\"");
        Path buffer = files().write("d.conf", "[agent]\nbuffer_strategy = \"tape\"\n");
        assertThatThrownBy(() -> files().load(buffer))
                .hasMessage(buffer + ":2: [agent]: key \"buffer_strategy\": invalid value \"tape\"; valid values are memory, disk, disk_write_through");
    }

    @Test
    void theHostTagComesFromTheHostnameSettingAndOverwritesAUserHostTag() {
        AgentSettings agent = agent("[global_tags]\nhost = \"mine\"\ndc = \"eu\"\n[agent]\nhostname = \"lb-7\"\n");
        assertThat(agent.globalTags()).containsOnly(Map.entry("host", "lb-7"), Map.entry("dc", "eu"));
        assertThat(agent.hostname()).isEqualTo("lb-7");
    }

    @Test
    void omitHostnameLeavesNoHostTag() {
        AgentSettings agent = agent("[global_tags]\ndc = \"eu\"\n[agent]\nomit_hostname = true\n");
        assertThat(agent.globalTags()).containsOnly(Map.entry("dc", "eu"));
        assertThat(agent.omitHostname()).isTrue();
        assertThat(agent.hostname()).isEmpty();
    }

    @Test
    void tagsIsAnAliasOfGlobalTags() {
        AgentSettings agent = agent("[tags]\nrack = \"1a\"\n[global_tags]\ndc = \"eu\"\n");
        assertThat(agent.globalTags()).containsOnly(Map.entry("rack", "1a"), Map.entry("dc", "eu"),
                Map.entry("host", ConfigFiles.HOST));
    }

    @Test
    void globalTagValuesMustBeStrings() {
        Path file = files().write("jtelegraf.conf", "[global_tags]\nrack = 1\n");
        assertThatThrownBy(() -> files().load(file))
                .hasMessage(file + ":2: [global_tags]: key \"rack\": expected a string, got an integer");
    }
}
