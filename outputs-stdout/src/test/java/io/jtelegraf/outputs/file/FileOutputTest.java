package io.jtelegraf.outputs.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.files.RotationPolicy;
import io.jtelegraf.spi.lineprotocol.LineProtocolOptions;
import io.jtelegraf.testkit.MutableClock;
import io.jtelegraf.testkit.SampleConfigText;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutputTest {
    private static final Instant MAY_FIRST = Instant.ofEpochSecond(1714521600L);
    private static final Metric CPU = Metric.builder("cpu").time(1L).tag("host", "a").field("value", 42.0).build();
    private static final Metric MEM = Metric.builder("mem").time(2L).field("used", 7L).build();
    private static final Metric NO_FIELDS = Metric.builder("broken").time(3L).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(MAY_FIRST);
    private final TestPluginContext context = new TestPluginContext("outputs.file", clock);
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @Test
    void writesLineProtocolToStdoutByDefaultAndFlushesEachWrite() throws Exception {
        try (Output output = create("")) {
            output.connect();
            output.write(List.of(CPU, MEM));
            assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("cpu,host=a value=42 1\nmem used=7i 2\n");
        }
    }

    @Test
    void writesEveryChunkToEveryFileInOrder() throws Exception {
        Path file = dir.resolve("metrics.out");
        try (Output output = create("files = [\"stdout\", " + quoted(file) + "]")) {
            output.connect();
            output.write(List.of(CPU));
            output.write(List.of(MEM));
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("cpu,host=a value=42 1\nmem used=7i 2\n");
        assertThat(Files.readString(file)).isEqualTo("cpu,host=a value=42 1\nmem used=7i 2\n");
    }

    @Test
    void stderrIsAFileNamedStderrNotTheErrorStream() throws Exception {
        Path stderrFile = Path.of("stderr");
        assertThat(stderrFile).as("no leftover from an earlier run").doesNotExist();
        try (Output output = create("files = [\"stderr\"]")) {
            output.connect();
            output.write(List.of(MEM));
            assertThat(Files.readString(stderrFile)).isEqualTo("mem used=7i 2\n");
        } finally {
            Files.deleteIfExists(stderrFile);
        }
    }

    @Test
    void perMetricModeSkipsUnserializableMetricsWithADebugLine() throws Exception {
        try (Output output = create("")) {
            output.connect();
            output.write(List.of(CPU, NO_FIELDS, MEM));
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("cpu,host=a value=42 1\nmem used=7i 2\n");
        assertThat(context.logger().lines())
                .containsExactly("D! Could not serialize metric: \"broken\": no serializable fields");
    }

    @Test
    void batchModeWritesOneChunkAndSkipsUnserializableMetrics() throws Exception {
        Path file = dir.resolve("metrics.out");
        List<Integer> writeSizes = new java.util.ArrayList<>();
        OutputStream recordingStdout = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("single bytes are not expected");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writeSizes.add(length);
                stdout.write(bytes, offset, length);
            }
        };
        PluginConfig config = TestPluginConfigs.fromToml("outputs.file",
                "use_batch_format = true\nfiles = [" + quoted(file) + ", \"stdout\"]");
        try (Output output = new FileOutput(FileOutputSettings.read(config), context.logger(), clock,
                () -> recordingStdout)) {
            output.connect();
            output.write(List.of(CPU, NO_FIELDS, MEM));
        }
        assertThat(Files.readString(file)).isEqualTo("cpu,host=a value=42 1\nmem used=7i 2\n");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("cpu,host=a value=42 1\nmem used=7i 2\n");
        assertThat(writeSizes).as("stdout gets the batch in one write").containsExactly(36);
    }

    @Test
    void perMetricWriteErrorStopsLaterFilesAndIsThrownForRetry() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is needed to fail writes");
        Path later = dir.resolve("later.out");
        try (Output output = create("files = [" + quoted(full) + ", " + quoted(later) + "]")) {
            output.connect();
            assertThatThrownBy(() -> output.write(List.of(CPU, MEM)))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("failed to write message: \"/dev/full\": ")
                    .hasMessageContaining("No space left on device");
        }
        assertThat(Files.readString(later)).isEmpty();
    }

    @Test
    void batchWriteErrorIsLoggedNotThrown() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is needed to fail writes");
        try (Output output = create("files = [" + quoted(full) + "]\nuse_batch_format = true")) {
            output.connect();
            output.write(List.of(CPU));
        }
        assertThat(context.logger().lines()).singleElement().asString()
                .startsWith("E! Error writing to file: \"/dev/full\": ")
                .contains("No space left on device");
    }

    @Test
    void connectFailureNamesTheFile() {
        Path blocked = dir.resolve("plain-file");
        Output output = create("files = [" + quoted(blocked.resolve("metrics.out")) + "]");
        assertThatThrownBy(() -> {
            Files.writeString(blocked, "a file, not a directory");
            output.connect();
        }).isInstanceOf(IOException.class).hasMessageStartingWith("cannot open file \"" + blocked.resolve("metrics.out"));
    }

    @Test
    void rotatesBySizeAndKeepsTheConfiguredArchives() throws Exception {
        Path file = dir.resolve("metrics.out");
        try (Output output = create("files = [" + quoted(file) + "]\nrotation_max_size = 10\nrotation_max_archives = 1")) {
            output.connect();
            output.write(List.of(MEM));
            clock.advance(Duration.ofSeconds(1));
            output.write(List.of(MEM));
        }
        assertThat(names()).containsExactly("metrics.2024-05-01-1714521601.out", "metrics.out");
        assertThat(Files.readString(dir.resolve("metrics.2024-05-01-1714521601.out"))).isEqualTo("mem used=7i 2\n");
    }

    @Test
    void rotatesByTimeOnWriteAndAtClose() throws Exception {
        Path file = dir.resolve("metrics.out");
        Output output = create("files = [" + quoted(file) + "]\nrotation_interval = \"1h\"\nrotation_max_archives = -1");
        output.connect();
        output.write(List.of(CPU));
        clock.advance(Duration.ofMinutes(61));
        output.write(List.of(MEM));
        assertThat(names()).containsExactly("metrics.2024-05-01-1714525260.out", "metrics.out");
        output.write(List.of(CPU));
        clock.advance(Duration.ofMinutes(61));
        output.close();
        assertThat(names()).containsExactly("metrics.2024-05-01-1714525260.out", "metrics.2024-05-01-1714528920.out",
                "metrics.out");
        assertThat(Files.readString(dir.resolve("metrics.2024-05-01-1714528920.out")))
                .isEqualTo("cpu,host=a value=42 1\n");
    }

    @Test
    void defaultArchiveCountIsZeroSoRotationDeletesTheOldFile() throws Exception {
        Path file = dir.resolve("metrics.out");
        try (Output output = create("files = [" + quoted(file) + "]\nrotation_max_size = 1")) {
            output.connect();
            output.write(List.of(MEM));
        }
        assertThat(names()).containsExactly("metrics.out");
    }

    @Test
    void unsignedValuesAreClampedWithoutUintSupport() throws Exception {
        Metric big = Metric.builder("ipvs").time(0).unsignedField("bytes_in", -1L).build();
        try (Output output = create("")) {
            output.connect();
            output.write(List.of(big));
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("ipvs bytes_in=9223372036854775807i 0\n");
    }

    @Test
    void serializerOptionsAreApplied() throws Exception {
        Metric metric = Metric.builder("ipvs").time(5).unsignedField("b", -1L).field("a", 1L).build();
        try (Output output = create("""
                influx_uint_support = true
                influx_sort_fields = true
                influx_omit_timestamp = true
                influx_max_line_bytes = 100
                """)) {
            output.connect();
            output.write(List.of(metric));
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("ipvs a=1i,b=18446744073709551615u\n");
    }

    @Test
    void gzipCompressesEveryMetricAsItsOwnMember() throws Exception {
        Path file = dir.resolve("metrics.out.gz");
        try (Output output = create("files = [" + quoted(file) + "]\ncompression_algorithm = \"gzip\"\ncompression_level = 9")) {
            output.connect();
            output.write(List.of(CPU, MEM));
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        members.write(gzip("cpu,host=a value=42 1\n", 9));
        members.write(gzip("mem used=7i 2\n", 9));
        assertThat(bytes).as("two complete gzip members, one per metric").isEqualTo(members.toByteArray());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("cpu,host=a value=42 1\nmem used=7i 2\n");
        }
    }

    @Test
    void zlibCompressesABatchAsOneStream() throws Exception {
        Path file = dir.resolve("metrics.zz");
        try (Output output = create("files = [" + quoted(file) + "]\ncompression_algorithm = \"zlib\"\nuse_batch_format = true")) {
            output.connect();
            output.write(List.of(CPU, MEM));
        }
        try (InputStream in = new InflaterInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("cpu,host=a value=42 1\nmem used=7i 2\n");
        }
    }

    @Test
    void otherDataFormatsAreRejectedNamingTheFormat() {
        assertThatThrownBy(() -> create("data_format = \"json\""))
                .isInstanceOf(ConfigException.class)
                .hasMessage("<outputs.file>:1: plugin outputs.file: key \"data_format\": "
                        + "data format \"json\" is not supported; only \"influx\" is supported");
    }

    @Test
    void zstdIsRejectedClearly() {
        assertThatThrownBy(() -> create("compression_algorithm = \"zstd\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key \"compression_algorithm\": \"zstd\" is not supported by jtelegraf");
    }

    @Test
    void unknownCompressionAlgorithmIsRejected() {
        assertThatThrownBy(() -> create("compression_algorithm = \"lz4\""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key \"compression_algorithm\": unknown or unsupported algorithm \"lz4\"");
    }

    @Test
    void unsupportedCompressionLevelIsRejected() {
        assertThatThrownBy(() -> create("compression_algorithm = \"gzip\"\ncompression_level = 5"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key \"compression_level\": invalid compression level 5, only 0, 1 and 9");
    }

    @Test
    void everyDocumentedOptionIsRead() {
        // One value per option of sample.conf, each different from its default, except
        // data_format: "influx" is the only format there is.
        Map<String, String> nonDefault = new LinkedHashMap<>();
        nonDefault.put("files", "[" + quoted(dir.resolve("all.out")) + "]");
        nonDefault.put("use_batch_format", "true");
        nonDefault.put("rotation_interval", "\"90m\"");
        nonDefault.put("rotation_max_size", "\"10MB\"");
        nonDefault.put("rotation_max_archives", "3");
        nonDefault.put("data_format", "\"influx\"");
        nonDefault.put("compression_algorithm", "\"gzip\"");
        nonDefault.put("compression_level", "9");
        nonDefault.put("influx_max_line_bytes", "100");
        nonDefault.put("influx_sort_fields", "true");
        nonDefault.put("influx_uint_support", "true");
        nonDefault.put("influx_omit_timestamp", "true");
        assertThat(nonDefault.keySet()).as("the options of sample.conf")
                .containsExactlyElementsOf(SampleConfigText.optionNames(new FileOutputFactory().sampleConfig()));
        StringBuilder toml = new StringBuilder();
        nonDefault.forEach((key, value) -> toml.append(key).append(" = ").append(value).append('\n'));
        toml.append("no_such_option = true\n");
        PluginConfig config = TestPluginConfigs.fromToml("outputs.file", toml.toString());

        FileOutputSettings settings = FileOutputSettings.read(config);

        assertThat(TestPluginConfigs.unusedKeys(config)).containsExactly("no_such_option");
        assertThat(settings).isEqualTo(new FileOutputSettings(List.of(dir.resolve("all.out").toString()), true,
                new RotationPolicy(Duration.ofMinutes(90), 10_000_000L, 3), Compression.GZIP, 9,
                new LineProtocolOptions(100, true, true, true)));
    }

    /** Creates the output from a TOML table body; every key of the body must be read. */
    private Output create(String toml) {
        PluginConfig config = TestPluginConfigs.fromToml("outputs.file", toml);
        Output output = new FileOutput(FileOutputSettings.read(config), context.logger(), clock, () -> stdout);
        assertThat(TestPluginConfigs.unusedKeys(config)).as("keys the output did not read").isEmpty();
        return output;
    }

    /** {@code path} as a TOML basic string. */
    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** One complete gzip stream of {@code text} at {@code level}. */
    private static byte[] gzip(String text, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
