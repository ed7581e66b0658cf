package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken configs through the installed bin/jtelegraf: exit code 1 and exactly one readable
 * {@code E!} line naming file:line, the plugin (or table) and the key, never a stack trace.
 */
class BadConfigIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Path jtelegraf = JtelegrafProcess.distribution().resolve("bin/jtelegraf");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong type for a plugin option | [[inputs.internal]]\\n[[outputs.influxdb]]\\n  urls = ["http://127.0.0.1:1"]\\n  timeout = [1] | :4: plugin outputs.influxdb: key "timeout": expected a duration
            invalid glob in a filter       | [[inputs.internal]]\\n  namepass = ["cpu[", "mem"] | :2: plugin inputs.internal: key "namepass": invalid glob pattern
            number out of range            | [[inputs.internal]]\\n  interval = 9223372036854775807 | :2: plugin inputs.internal: key "interval": duration of 9223372036854775807 seconds is out of range
            NaN duration                   | [[inputs.internal]]\\n  collection_jitter = nan | :2: plugin inputs.internal: key "collection_jitter": invalid duration NaN
            wrong type in [agent]          | [agent]\\n  interval = true\\n[[inputs.internal]] | :2: [agent]: key "interval": expected a duration
            TOML syntax error              | [[inputs.internal]\\n  collect_memstats = true | :1:
            not UTF-8                      | [[inputs.internal]]\\n  alias = "\\u00ff" | :2: provided config is not a TOML file (it is not UTF-8 text)
            """)
    void aBrokenConfigIsOneReadableErrorLineAndExitCodeOne(String what, String config, String expected) throws Exception {
        Path file = dir.resolve("bad.conf");
        String text = config.replace("\\n", "\n");
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains("\\u00ff")) {
            // A Latin-1 byte where UTF-8 is expected.
            bytes = text.replace("\\u00ff", "\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        Files.write(file, bytes);

        JtelegrafProcess.Result result = JtelegrafProcess.run(jtelegraf, TIMEOUT, Map.of(), "--test", "--config",
                file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        List<String> errorLines = result.stderr().lines().filter(line -> line.contains(" E! ")).toList();
        assertThat(errorLines).as(result.toString()).hasSize(1);
        assertThat(errorLines.get(0)).as(what).contains(file + expected);
        assertThat(result.stderr()).as(result.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.stdout()).as("no metrics printed for a config that does not load").isEmpty();
    }
}
