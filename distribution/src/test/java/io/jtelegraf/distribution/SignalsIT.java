package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real binary under Telegraf's signals (spec 4.6): SIGHUP reloads the changed configuration
 * after flushing the old buffer, a SIGHUP with a broken configuration ends the process with
 * exit code 1 and the readable error, and SIGTERM or SIGINT flush what is buffered and exit 0.
 * Every wait is a poll with a deadline.
 */
class SignalsIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Pattern LOG_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ [EWIDT]! \\[[a-z_.:0-9-]+] \\S.*");
    private static final String FIRST_LINE = "hello,host=lb1,name=world greeting=\"hello, world\",count=1i,ratio=0.5,"
            + "up=true,big=9223372036854775807i 1700000000000000000";

    @TempDir
    Path temp;

    private Path plugins;
    private Path config;
    private Path metrics;
    private Path pidFile;

    @BeforeEach
    void files() throws IOException {
        plugins = PluginsWithHello.create(temp);
        config = temp.resolve("jtelegraf.conf");
        metrics = temp.resolve("metrics.out");
        pidFile = temp.resolve("jtelegraf.pid");
    }

    @Test
    void sighupFlushesTheOldBufferAndRunsTheNewConfigThenABrokenConfigEndsTheProcess() throws Exception {
        // A flush interval of an hour: only the final flush of the reload can write these metrics.
        writeConfig("1h", "");
        try (AgentProcess agent = start()) {
            agent.await(START, "two gathers", () -> gathers(agent) >= 2);
            assertThat(lines()).as("nothing is flushed before the reload").isEmpty();
            long pid = agent.pid();
            assertThat(pidFile).content().isEqualTo(pid + "\n");

            writeConfig("1s", """
                      [inputs.hello.tags]
                        phase = "two"
                    """);
            agent.signal("HUP");

            agent.await(STEP, "a metric of the new config", () -> lines().stream().anyMatch(l -> l.contains("phase=two")));
            List<String> lines = lines();
            int firstNew = indexOfFirst(lines, "phase=two");
            assertThat(lines.subList(0, firstNew)).as("the old buffer, flushed by the reload")
                    .hasSizeGreaterThanOrEqualTo(2).startsWith(FIRST_LINE).noneMatch(l -> l.contains("phase="));
            assertThat(lines.get(firstNew)).as("a fresh plugin counts from one")
                    .isEqualTo("hello,host=lb1,name=world,phase=two greeting=\"hello, world\",count=1i,ratio=0.5,"
                            + "up=true,big=9223372036854775807i 1700000000000000000");
            assertThat(agent.log()).contains("I! [agent] Reloading jtelegraf config\n");
            assertThat(pidFile).as("the same process keeps its pid file").content().isEqualTo(pid + "\n");

            Files.writeString(config, Files.readString(config) + "  broken = \n");
            agent.signal("HUP");

            assertThat(agent.awaitExit(STEP)).as("a broken config ends the process\n%s", agent.log()).hasValue(1);
            String log = agent.log();
            assertThat(log.lines().reduce((a, b) -> b).orElseThrow()).matches(LOG_LINE)
                    .contains(" E! [jtelegraf] Error running agent: " + config + ":13")
                    .contains("invalid TOML syntax");
            assertThat(log).doesNotContain("\tat ");
            assertThat(log.lines()).allSatisfy(line -> assertThat(line).matches(LOG_LINE));
            assertThat(pidFile).as("removed at exit").doesNotExist();
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void stopSignalsFlushWhatIsBufferedAndExitZero(String signal) throws Exception {
        writeConfig("1h", "");
        try (AgentProcess agent = start()) {
            agent.await(START, "two gathers", () -> gathers(agent) >= 2);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pidFile))).isEqualTo("rw-r-----");

            agent.signal(signal);

            assertThat(agent.awaitExit(STEP)).as(agent.log()).hasValue(0);
            assertThat(lines()).as("the final flush wrote the buffer").hasSizeGreaterThanOrEqualTo(2)
                    .startsWith(FIRST_LINE);
            assertThat(agent.log()).contains("I! [agent] Hang on, flushing any cached metrics before shutdown\n");
            assertThat(agent.log().lines()).allSatisfy(line -> assertThat(line).matches(LOG_LINE));
            assertThat(agent.stdout()).isEmpty();
            assertThat(pidFile).as("removed at exit").doesNotExist();
        }
    }

    private AgentProcess start() throws IOException {
        return AgentProcess.start(temp, "jtelegraf", Map.of(), "--config", config.toString(), "--debug",
                "--strict-env-handling", "--pidfile", pidFile.toString(), "--plugin-directory", plugins.toString());
    }

    private void writeConfig(String flushInterval, String helloTables) throws IOException {
        Files.writeString(config, """
                [agent]
                  interval = "1s"
                  flush_interval = "%s"
                  hostname = "lb1"

                [[outputs.file]]
                  files = ["%s"]

                [[inputs.hello]]
                  timestamp = 1700000000
                %s""".formatted(flushInterval, metrics, helloTables));
    }

    private static long gathers(AgentProcess agent) throws IOException {
        return agent.log().lines().filter(line -> line.endsWith("D! [inputs.hello] greeted world")).count();
    }

    private List<String> lines() throws IOException {
        return Files.exists(metrics) ? Files.readAllLines(metrics) : List.of();
    }

    private static int indexOfFirst(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
