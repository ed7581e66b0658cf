package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.config.ConfigLoader;
import io.jtelegraf.agent.config.LoadOptions;
import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.internal.InternalInputFactory;
import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.logging.LogSettings;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.agent.wiring.AgentAssembly;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.OutputFactory;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option of every bundled plugin, of the common plugin options and of {@code [agent]} and
 * {@code [global_tags]}, set to values of every TOML type (and a few awkward strings): loading and
 * creating the plugins, as a start does, either succeeds or fails with a {@link ConfigException}
 * naming the file, the line of the key, the plugin (or table) and the key. Never another exception,
 * never a credential in the message or the log.
 *
 * <p>A plugin's options are the keys its factory asks for (recorded while creating it from a
 * minimal table) plus those its sample.conf documents, so an option added later is covered
 * without editing this test.
 */
class OptionTypesTest {
    /** TOML values of every type, plus strings that are wrong for most options. */
    static final List<String> VALUES = List.of(
            "\"wrong\"", "\"\"", "\"-5s\"", "\"[\"", "\"\\\\\"", "\"${UNSET_VARIABLE}\"",
            "42", "-7", "0", "9223372036854775807", "1.5", "-0.5", "nan", "true", "false",
            "[]", "[\"a\", \"b\"]", "[\"[\"]", "[1, 2]", "[[1], [\"a\"]]",
            "{}", "{a = \"b\"}", "{a = 1}", "{a = [\"x\"]}", "{a = [1]}", "1979-05-27T07:32:00Z");

    /** The smallest table with which each bundled plugin can be created. */
    static final Map<String, String> MINIMAL_BODIES = Map.of(
            "inputs.ipvs", "",
            "inputs.internal", "",
            "outputs.file", "files = [\"stdout\"]",
            "outputs.influxdb", "urls = [\"http://127.0.0.1:1\"]",
            "outputs.influxdb_v2", "urls = [\"http://127.0.0.1:1\"]\ntoken = \"tok\"\nbucket = \"b\"");

    /** Read for every input by the runtime (spec 2.1), tested on one input. */
    static final List<String> COMMON_INPUT_OPTIONS = List.of("interval", "precision", "collection_jitter",
            "collection_offset", "time_source", "startup_error_behavior", "name_override", "name_prefix",
            "name_suffix", "tags", "alias", "log_level", "namepass", "namepass_separator", "namedrop",
            "namedrop_separator", "tagpass", "tagdrop", "metricpass", "fieldinclude", "fieldexclude", "taginclude",
            "tagexclude", "fieldpass", "fielddrop", "pass", "drop");

    /** Read for every output by the runtime (spec 2.2), tested on one output. */
    static final List<String> COMMON_OUTPUT_OPTIONS = List.of("flush_interval", "flush_jitter", "metric_batch_size",
            "metric_buffer_limit", "name_override", "name_prefix", "name_suffix", "alias", "log_level",
            "startup_error_behavior", "namepass", "namedrop", "tagpass", "tagdrop", "fieldinclude", "fieldexclude",
            "taginclude", "tagexclude");

    /** Spec 1.7. */
    static final List<String> AGENT_OPTIONS = List.of("interval", "round_interval", "metric_batch_size",
            "metric_buffer_limit", "collection_jitter", "collection_offset", "flush_interval", "flush_jitter",
            "precision", "debug", "quiet", "logformat", "logfile", "logtarget", "structured_log_message_key",
            "logfile_rotation_interval", "logfile_rotation_max_size", "logfile_rotation_max_archives",
            "log_with_timezone", "hostname", "omit_hostname", "snmp_translator", "statefile",
            "always_include_local_tags", "always_include_global_tags", "skip_processors_after_aggregators",
            "skip_processors_before_aggregators", "config_url_retry_attempts", "buffer_strategy",
            "buffer_directory", "buffer_disk_sync");

    private static final Pattern KEY_ERROR = Pattern.compile("^(.+?):(\\d+): (plugin [a-z_0-9.]+|\\[agent]|\\[global_tags]): "
            + "(?:key \"([^\"]+)\": )?(.+)$", Pattern.DOTALL);
    private static final Pattern SAMPLE_KEY = Pattern.compile("(?m)^\\s*#?\\s*([a-z][a-z0-9_]*)\\s*=");

    private static PluginRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void discoverPlugins() {
        registry = PluginRegistry.discover(List.of(new InternalInputFactory(new SelfStats())),
                OptionTypesTest.class.getClassLoader(), null);
    }

    @Test
    void everyBundledPluginIsCovered() {
        assertThat(MINIMAL_BODIES.keySet()).containsExactlyInAnyOrderElementsOf(Stream.concat(
                registry.inputs().keySet().stream().map(n -> "inputs." + n),
                registry.outputs().keySet().stream().map(n -> "outputs." + n)).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyPluginOptionWithValuesOfEveryType() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> plugin : new java.util.TreeMap<>(MINIMAL_BODIES).entrySet()) {
            for (String key : optionsOf(plugin.getKey(), plugin.getValue())) {
                tests.add(DynamicTest.dynamicTest(plugin.getKey() + " " + key,
                        () -> checkPluginOption(plugin.getKey(), plugin.getValue(), key)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(60);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCommonInputOption() {
        return COMMON_INPUT_OPTIONS.stream().map(key -> DynamicTest.dynamicTest("inputs " + key,
                () -> checkPluginOption("inputs.internal", "", key)));
    }

    @TestFactory
    Stream<DynamicTest> everyCommonOutputOption() {
        return COMMON_OUTPUT_OPTIONS.stream().map(key -> DynamicTest.dynamicTest("outputs " + key,
                () -> checkPluginOption("outputs.file", MINIMAL_BODIES.get("outputs.file"), key)));
    }

    @TestFactory
    Stream<DynamicTest> everyAgentOption() {
        return AGENT_OPTIONS.stream().map(key -> DynamicTest.dynamicTest("agent " + key, () -> {
            List<String> failures = new ArrayList<>();
            for (String value : VALUES) {
                String text = "[agent]\n  " + key + " = " + value + "\n\n[[inputs.internal]]\n";
                check(text, "[agent]", key, 2, value, failures);
            }
            assertThat(failures).isEmpty();
        }));
    }

    @Test
    void globalTagValuesOfEveryType() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String value : VALUES) {
            check("[global_tags]\n  dc = " + value + "\n\n[[inputs.internal]]\n", "[global_tags]", "dc", 2, value,
                    failures);
        }
        assertThat(failures).isEmpty();
    }

    private void checkPluginOption(String pluginId, String minimalBody, String key) throws IOException {
        List<String> failures = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : minimalBody.split("\n")) {
            if (!line.isBlank() && !line.startsWith(key + " ")) {
                body.append("  ").append(line).append('\n');
            }
        }
        int keyLine = 2 + (int) body.chars().filter(c -> c == '\n').count();
        for (String value : VALUES) {
            String text = "[[" + pluginId + "]]\n" + body + "  " + key + " = " + value + "\n";
            check(text, "plugin " + pluginId, key, keyLine, value, failures);
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Loads {@code text} and creates its plugins; records a failure unless that worked or ended in
     * a ConfigException naming file, line, scope and a key.
     */
    private void check(String text, String scope, String key, int keyLine, String value, List<String> failures)
            throws IOException {
        Path file = dir.resolve("jtelegraf.conf");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String outcome = attempt(file, log);
        String secretValue = secretValue(key, value);
        if (secretValue != null && log.toString(StandardCharsets.UTF_8).contains(secretValue)) {
            failures.add(key + " = " + value + ": the value appears in the log: " + log);
        }
        if (outcome == null) {
            return;
        }
        Matcher matcher = KEY_ERROR.matcher(outcome);
        if (!matcher.matches()) {
            failures.add(key + " = " + value + ": not a located ConfigException: " + outcome);
            return;
        }
        String namedKey = matcher.group(4);
        int line = Integer.parseInt(matcher.group(2));
        boolean rightPlace = matcher.group(1).equals(file.toString()) && matcher.group(3).equals(scope)
                && namedKey != null && (namedKey.equals(key) ? line == keyLine : line == 1 || line == keyLine);
        if (!rightPlace) {
            failures.add(key + " = " + value + " (line " + keyLine + "): wrong file, line, scope or key: " + outcome);
        }
        if (secretValue != null && outcome.contains(secretValue)) {
            failures.add(key + " = " + value + ": the value appears in the error: " + outcome);
        }
    }

    /** Null when loading and creating worked, else the ConfigException's message or a description of the escape. */
    private static String attempt(Path file, ByteArrayOutputStream log) {
        try {
            LoadedConfig loaded = ConfigLoader.load(LoadOptions.builder().configs(List.of(file.toString()))
                    .environment(Map.of()).hostname(() -> "h").build());
            AgentLogging logging = AgentLogging.configure(LogSettings.of(loaded.agent(), true, false), log);
            AgentAssembly.assemble(loaded, registry, logging, "test").closePlugins();
            return null;
        } catch (ConfigException e) {
            return e.getMessage();
        } catch (Throwable e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            return "ESCAPED " + trace;
        }
    }

    /** The text of a credential-like value that must never be shown, or null. */
    private static String secretValue(String key, String value) {
        boolean secret = key.contains("password") || key.contains("token") || key.contains("secret");
        if (!secret || !value.startsWith("\"") || value.length() < 5) {
            return null;
        }
        return value.substring(1, value.length() - 1);
    }

    /** The keys the factory asks for from a minimal table, and the keys its sample.conf documents. */
    private static Set<String> optionsOf(String pluginId, String minimalBody) throws Exception {
        String name = pluginId.substring(pluginId.indexOf('.') + 1);
        RecordingPluginConfig recording = new RecordingPluginConfig(TestPluginConfigs.fromToml(pluginId, minimalBody));
        Set<String> keys = new TreeSet<>();
        String sample;
        if (pluginId.startsWith("inputs.")) {
            InputFactory factory = registry.input(name).orElseThrow().factory();
            factory.create(recording, new TestPluginContext(pluginId)).close();
            sample = factory.sampleConfig();
        } else {
            OutputFactory factory = registry.output(name).orElseThrow().factory();
            factory.create(recording, new TestPluginContext(pluginId)).close();
            sample = factory.sampleConfig();
        }
        keys.addAll(recording.askedKeys());
        Matcher matcher = SAMPLE_KEY.matcher(sample);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }
}
