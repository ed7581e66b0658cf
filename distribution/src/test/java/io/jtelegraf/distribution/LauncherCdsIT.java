package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data sharing archive is an optimisation only: whether it is made, used,
 * changed after it was made, truncated or impossible to write, every command prints the same bytes
 * on stdout and returns the same exit code as with the archive switched off
 * ({@code JTELEGRAF_CDS=off}); an archive changed after it was made is never mapped. The commands:
 * {@code --version}, {@code --test} of the example plugin (fixed timestamp, so its line is
 * byte-stable) and a {@code --test} that fails (exit 1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherCdsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String SHARED_TOP_LAYER = "source: shared objects file (top)";

    private Path temp;

    private final Path jtelegraf = JtelegrafProcess.distribution().resolve("bin/jtelegraf");
    private Map<String, List<String>> commands;
    private Map<String, JtelegrafProcess.Result> withoutArchive;

    @BeforeAll
    void commandsAndTheirResultsWithoutArchive(@TempDir Path classTemp) throws Exception {
        temp = classTemp;
        Path plugins = PluginsWithHello.create(temp);
        Path config = Files.writeString(temp.resolve("hello.conf"), """
                [agent]
                  hostname = "lb1"

                [[inputs.hello]]
                  timestamp = 1700000000
                """);

        commands = new LinkedHashMap<>();
        commands.put("--version", List.of("--version"));
        commands.put("--test hello", List.of("--test", "--config", config.toString(), "--plugin-directory", plugins.toString()));
        commands.put("--test of a missing config", List.of("--test", "--config", temp.resolve("missing.conf").toString(),
                "--plugin-directory", plugins.toString()));

        withoutArchive = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
            withoutArchive.put(command.getKey(), run(Map.of("JTELEGRAF_CDS", "off"), command.getValue()));
        }
        // The expectations must themselves be right, or equality would prove nothing.
        assertThat(withoutArchive.get("--version").exitCode()).isZero();
        assertThat(withoutArchive.get("--version").stdout()).startsWith("jtelegraf ");
        assertThat(withoutArchive.get("--test hello").exitCode()).as(withoutArchive.get("--test hello").toString()).isZero();
        assertThat(withoutArchive.get("--test hello").stdout()).startsWith("> hello,host=lb1,name=world ");
        assertThat(withoutArchive.get("--test of a missing config").exitCode()).isEqualTo(1);
    }

    @Test
    void aFreshCacheFolderGetsAnArchiveAndTheCommandsPrintTheSame() throws Exception {
        Path cache = temp.resolve("fresh/cache/jtelegraf");

        assertSameAsWithoutArchive(Map.of("JTELEGRAF_CDS_DIR", cache.toString()));

        assertThat(archives(cache)).as("the first start makes the archive").hasSize(1);
        assertThat(leftovers(cache)).as("no temporary files of the training run are left").isEmpty();
    }

    @Test
    void anExistingArchiveIsUsedAndTheCommandsPrintTheSame() throws Exception {
        Path cache = cacheWithArchive("used");
        Path classLog = temp.resolve("used-classes.log");

        assertSameAsWithoutArchive(Map.of("JTELEGRAF_CDS_DIR", cache.toString()));

        run(Map.of("JTELEGRAF_CDS_DIR", cache.toString(), "JTELEGRAF_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog),
                commands.get("--test hello"));
        assertThat(Files.readString(classLog)).as("classes come from the archive").contains(SHARED_TOP_LAYER);
        Path versionLog = temp.resolve("used-version-classes.log");
        run(Map.of("JTELEGRAF_CDS_DIR", cache.toString(), "JTELEGRAF_JAVA_OPTS", "-Xlog:class+load=info:file=" + versionLog),
                commands.get("--version"));
        assertThat(Files.readString(versionLog)).as("--version alone maps no archive: relocating it costs more than it saves")
                .contains("io.jtelegraf.agent.cli.Main").doesNotContain(SHARED_TOP_LAYER);
    }

    @Test
    void anArchiveWrittenToAfterItWasMadeIsNeverMappedAndIsMadeAgain() throws Exception {
        Path cache = cacheWithArchive("corrupt");
        Path archive = archives(cache).get(0);
        byte[] corruption = {(byte) 0xff, (byte) 0xfe, (byte) 0xfd, (byte) 0xfc, 0x55, 0x2a, 0x00, 0x13};
        long step;
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            step = file.length() / 8;
            for (long position = step; position < file.length(); position += step) {
                file.seek(position);
                file.write(corruption);
            }
        }
        Path classLog = temp.resolve("corrupt-classes.log");

        Map<String, JtelegrafProcess.Result> results = assertSameAsWithoutArchive(Map.of("JTELEGRAF_CDS_DIR", cache.toString()));

        assertThat(results.values()).allSatisfy(result -> assertThat(result.stderr()).doesNotContain("[cds").doesNotContain("shared archive"));
        assertThat(archives(cache)).hasSize(1);
        assertThat(stillCorruptAt(archives(cache).get(0), step, corruption)).as("the corrupt archive was replaced").isFalse();
        run(Map.of("JTELEGRAF_CDS_DIR", cache.toString(), "JTELEGRAF_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog),
                commands.get("--test hello"));
        assertThat(Files.readString(classLog)).as("the new archive is used").contains(SHARED_TOP_LAYER);
    }

    @Test
    void anArchiveWrittenToAfterItWasMadeIsNotMappedEvenWhenNoNewOneCanBeMade() throws Exception {
        Path cache = cacheWithArchive("changed-no-retraining");
        Path archive = archives(cache).get(0);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[] {0x13, 0x00, 0x2a, 0x55});
        }
        // The marker of a failed training: the launcher makes no new archive for this key.
        String key = archive.getFileName().toString().replaceFirst("^jtelegraf-(.*)\\.jsa$", "$1");
        Files.writeString(cache.resolve("jtelegraf-" + key + ".failed"), "");
        Path classLog = temp.resolve("changed-no-retraining-classes.log");

        JtelegrafProcess.Result result = run(Map.of("JTELEGRAF_CDS_DIR", cache.toString(),
                "JTELEGRAF_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), commands.get("--test hello"));

        JtelegrafProcess.Result expected = withoutArchive.get("--test hello");
        assertThat(result.stdout()).as(result.toString()).isEqualTo(expected.stdout());
        assertThat(result.exitCode()).isEqualTo(expected.exitCode());
        assertThat(Files.readString(classLog)).as("the changed archive is not mapped").contains("io.jtelegraf.agent.cli.Main")
                .doesNotContain(SHARED_TOP_LAYER);
        assertThat(archives(cache)).as("the changed archive is removed").isEmpty();
    }

    private static boolean stillCorruptAt(Path archive, long step, byte[] corruption) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "r")) {
            for (long position = step; position + corruption.length <= file.length(); position += step) {
                byte[] found = new byte[corruption.length];
                file.seek(position);
                file.readFully(found);
                if (!Arrays.equals(found, corruption)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aTruncatedArchiveIsNeverMappedAndIsMadeAgain() throws Exception {
        Path cache = cacheWithArchive("truncated");
        Path archive = archives(cache).get(0);
        long size = Files.size(archive);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(size / 2);
        }

        assertSameAsWithoutArchive(Map.of("JTELEGRAF_CDS_DIR", cache.toString()));

        assertThat(archives(cache)).hasSize(1);
        assertThat(Files.size(archives(cache).get(0))).as("a complete archive replaces the truncated one").isEqualTo(size);
    }

    @Test
    void aCacheFolderThatCannotBeWrittenMeansNoArchiveAndTheSameOutput() throws Exception {
        // Below a regular file: no folder can be made there, not even by root.
        Path file = Files.writeString(temp.resolve("not-a-folder"), "");
        Path cache = file.resolve("jtelegraf");

        assertSameAsWithoutArchive(Map.of("JTELEGRAF_CDS_DIR", cache.toString()));

        assertThat(file).as("still the regular file it was").isRegularFile().isEmptyFile();
        assertThat(Files.exists(cache)).as(cache + " was never made").isFalse();
    }

    @Test
    void aReadOnlyCacheFolderWithoutArchiveMeansTheSameOutput() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("read-only"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("r-xr-xr-x"));
        Map<String, String> environment = Map.of("JTELEGRAF_CDS_DIR", cache.toString());

        assertSameAsWithoutArchive(environment);

        if (!Prerequisites.isRoot()) {
            assertThat(archives(cache)).as("nothing can be written into a read-only folder").isEmpty();
        }
    }

    @Test
    void aCollectorChosenInTheJavaOptionsReplacesTheDefaultOne() throws Exception {
        Path cache = cacheWithArchive("g1");

        assertSameAsWithoutArchive(Map.of("JTELEGRAF_CDS_DIR", cache.toString(), "JTELEGRAF_JAVA_OPTS", "-XX:+UseG1GC"));
    }

    private Path cacheWithArchive(String name) throws Exception {
        Path cache = temp.resolve(name);
        JtelegrafProcess.Result result = run(Map.of("JTELEGRAF_CDS_DIR", cache.toString()), commands.get("--version"));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(archives(cache)).as("the launcher made an archive in " + cache).hasSize(1);
        return cache;
    }

    private Map<String, JtelegrafProcess.Result> assertSameAsWithoutArchive(Map<String, String> environment) throws Exception {
        Map<String, JtelegrafProcess.Result> results = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
            JtelegrafProcess.Result expected = withoutArchive.get(command.getKey());
            JtelegrafProcess.Result actual = run(environment, command.getValue());
            assertThat(actual.stdout()).as(command.getKey() + " with " + environment + ": stdout\n" + actual).isEqualTo(expected.stdout());
            assertThat(actual.exitCode()).as(command.getKey() + " with " + environment + ": exit code\n" + actual)
                    .isEqualTo(expected.exitCode());
            results.put(command.getKey(), actual);
        }
        return results;
    }

    private JtelegrafProcess.Result run(Map<String, String> environment, List<String> arguments) throws Exception {
        Map<String, String> withDefaults = new HashMap<>();
        // The archive location is always the test's own: never the user's cache folders.
        withDefaults.put("JTELEGRAF_CDS_DIR", temp.resolve("unused-cache").toString());
        withDefaults.put("JTELEGRAF_JAVA_OPTS", "");
        withDefaults.putAll(environment);
        return JtelegrafProcess.run(jtelegraf, TIMEOUT, withDefaults, arguments.toArray(String[]::new));
    }

    private static List<Path> archives(Path cache) throws IOException {
        return filesMatching(cache, "jtelegraf-*.jsa");
    }

    private static List<Path> leftovers(Path cache) throws IOException {
        return filesMatching(cache, ".jtelegraf-*");
    }

    private static List<Path> filesMatching(Path folder, String glob) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            var matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
            return files.filter(file -> matcher.matches(file.getFileName())).sorted().toList();
        }
    }
}
