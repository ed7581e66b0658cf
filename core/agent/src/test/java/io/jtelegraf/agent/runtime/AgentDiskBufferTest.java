package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.logging.LogSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** buffer_strategy "disk" through the agent: which mode uses it, folder names, failures to open. */
@Timeout(60)
class AgentDiskBufferTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final AgentLogging logging = AgentLogging.configure(LogSettings.defaults(), logs);
    private final ManualEngineClock clock = new ManualEngineClock(Instant.parse("2026-11-26T12:00:03Z"));
    private final AtomicInteger gathers = new AtomicInteger();

    @AfterAll
    static void resetLogging() {
        AgentLogging.configure(LogSettings.defaults());
    }

    private AgentBuilder builder(Path bufferDirectory) {
        AgentSettings d = AgentSettings.defaults("h");
        AgentSettings disk = new AgentSettings(d.interval(), d.roundInterval(), d.metricBatchSize(),
                d.metricBufferLimit(), d.collectionJitter(), d.collectionOffset(), d.flushInterval(), d.flushJitter(),
                d.precision(), d.debug(), d.quiet(), d.logfile(), d.logfileRotationInterval(),
                d.logfileRotationMaxSize(), d.logfileRotationMaxArchives(), d.logWithTimezone(), d.hostname(),
                d.omitHostname(), d.alwaysIncludeLocalTags(), d.alwaysIncludeGlobalTags(), "disk",
                bufferDirectory.toString(), false, d.globalTags());
        AgentBuilder builder = new AgentBuilder(disk, logging).clock(clock).agentVersion("0.1.0");
        builder.addInput(Settings.unalignedInput("inputs.a"), Optional.empty(), context -> accumulator -> {
            gathers.incrementAndGet();
            accumulator.addFields("a", Map.of("v", 1L), Map.of());
        });
        return builder;
    }

    private static OutputSettings aliased(String alias) {
        OutputSettings plain = Settings.output("outputs.x", 1000, 10000);
        return new OutputSettings(plain.pluginId(), Optional.of(alias), plain.flushInterval(), plain.flushJitter(),
                plain.metricBatchSize(), plain.metricBufferLimit(), "", "", "", plain.filter());
    }

    private String logText() {
        return logs.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunBuffersEachOutputInstanceInItsOwnPrivateFolder() throws Exception {
        Path directory = temp.resolve("buffers");
        AgentBuilder builder = builder(directory);
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> new FakeOutput());
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> new FakeOutput());
        builder.addOutput(aliased("eu/1"), Optional.empty(), context -> new FakeOutput());
        Agent agent = builder.build();

        Thread run = new Thread(() -> {
            try {
                agent.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run.start();
        Await.until("the first gather", () -> gathers.get() == 1);
        agent.stop();
        run.join();

        for (String name : new String[] {"outputs.x.0", "outputs.x.1", "outputs.x.eu%2F1.0"}) {
            Path folder = directory.resolve(name);
            assertThat(folder).isDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(logText()).contains("Buffering metrics on disk in " + folder);
        }
    }

    @Test
    void onceModeKeepsTheMemoryBuffer() throws Exception {
        Path directory = temp.resolve("buffers");
        FakeOutput output = new FakeOutput();
        AgentBuilder builder = builder(directory);
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);

        builder.build().runOnce(Duration.ZERO);

        assertThat(output.writtenNames()).containsExactly("a");
        assertThat(directory).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeUsedStopsTheStartNamingOutputAndFolder() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        FakeOutput output = new FakeOutput();
        AgentBuilder builder = builder(file);
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);

        assertThatThrownBy(() -> builder.build().run()).isInstanceOf(AgentRunException.class)
                .hasMessage("error opening the disk buffer of output \"outputs.x\": cannot use disk buffer folder "
                        + file.resolve("outputs.x.0") + ": it cannot be created: not a directory");
        assertThat(output.connects.get()).as("no connect attempt").isZero();
        assertThat(output.closes.get()).isEqualTo(1);
    }
}
