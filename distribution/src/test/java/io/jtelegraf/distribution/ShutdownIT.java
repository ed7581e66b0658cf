package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.testkit.influx.CountingProxy;
import io.jtelegraf.testkit.influx.InfluxDb1Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the real agent (issue 8, "Shutdown"): everything buffered is delivered to a real
 * InfluxDB and the process exits promptly; a server that accepts connections and never answers
 * delays the exit by at most the output's {@code timeout}, or, when that is longer, by the
 * agent's shutdown bound ({@link #AGENT_SHUTDOWN_BOUND}).
 */
class ShutdownIT {
    /** How long SIGTERM may take with a healthy server. */
    static final Duration PROMPT_EXIT = Duration.ofSeconds(10);
    /** The output timeout of the hanging-server case. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);
    /** The agent's own bound on gathers and final writes at shutdown (AgentBuilder's default). */
    static final Duration AGENT_SHUTDOWN_BOUND = Duration.ofSeconds(30);
    /** Slack for the JVM to stop after the bound (closing plugins, exit). */
    static final Duration SLACK = Duration.ofSeconds(7);
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void sigtermDeliversEverythingBufferedAndExitsPromptly() throws Exception {
        Path plugins = PluginsWithHello.create(temp);
        try (InfluxDb1Server influx = InfluxDb1Server.start(temp.resolve("influx"));
             CountingProxy proxy = new CountingProxy(influx.url());
             AgentProcess agent = AgentProcess.start(config("buffered", proxy.url(), "5s"), plugins, temp)) {
            Path record = temp.resolve("buffered.metrics");
            Poll.until(STARTUP, "five gathers recorded", () -> MetricLines.hello(MetricLines.read(record)).size() >= 5);
            assertThat(proxy.writes()).as("nothing written yet: the flush interval is an hour").isEmpty();

            long start = System.nanoTime();
            agent.terminate();
            OptionalInt exit = agent.awaitExit(PROMPT_EXIT);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(exit).as("exit within %s of SIGTERM; log:\n%s", PROMPT_EXIT, agent.log()).hasValue(0);
            List<String> gathered = MetricLines.hello(MetricLines.read(record));
            assertThat(proxy.writes()).as("one final write, accepted").singleElement()
                    .satisfies(write -> assertThat(write.status()).isEqualTo(204));
            assertThat(proxy.deliveredLines()).as("every buffered metric, once (SIGTERM took %s)", took)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(gathered);
            Map<String, String> stored = influx.csvRows("shutdown_buffered", "SELECT \"count\" FROM hello").stream()
                    .collect(Collectors.toMap(row -> row.get("time"), row -> row.get("count")));
            assertThat(stored).as("points in InfluxDB (time -> count)").isEqualTo(gathered.stream().collect(
                    Collectors.toMap(line -> Long.toString(MetricLines.timestamp(line)),
                            line -> Long.toString(MetricLines.count(line)))));
            System.out.printf("ShutdownIT: %d buffered metrics delivered by the final write; SIGTERM to exit %d ms%n",
                    gathered.size(), took.toMillis());
        }
    }

    @Test
    void aHangingServerDelaysTheExitByAtMostTheWriteTimeout() throws Exception {
        Path plugins = PluginsWithHello.create(temp);
        try (HangingServer server = new HangingServer();
             AgentProcess agent = AgentProcess.start(
                     config("hanging", server.url(), WRITE_TIMEOUT.toSeconds() + "s"), plugins, temp)) {
            Path record = temp.resolve("hanging.metrics");
            Poll.until(STARTUP, "two gathers recorded", () -> MetricLines.hello(MetricLines.read(record)).size() >= 2);

            long start = System.nanoTime();
            agent.terminate();
            Duration bound = WRITE_TIMEOUT.plus(SLACK);
            OptionalInt exit = agent.awaitExit(bound);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(exit).as("exit within %s of SIGTERM; log:\n%s", bound, agent.log()).hasValue(0);
            assertThat(server.accepted()).as("the final write reached the server").isPositive();
            assertThat(took).as("the final write waited for its timeout").isGreaterThanOrEqualTo(WRITE_TIMEOUT.minusMillis(500));
            assertThat(agent.log()).contains("E! [agent] Error writing to outputs.influxdb: could not write any address")
                    .contains("timeout after " + WRITE_TIMEOUT.toMillis() + " ms");
            System.out.printf("ShutdownIT: hanging server, timeout %s: SIGTERM to exit %d ms%n", WRITE_TIMEOUT, took.toMillis());
        }
    }

    @Test
    void aWriteLongerThanTheShutdownBoundIsAbandoned() throws Exception {
        Path plugins = PluginsWithHello.create(temp);
        try (HangingServer server = new HangingServer();
             AgentProcess agent = AgentProcess.start(config("endless", server.url(), "10m"), plugins, temp)) {
            Path record = temp.resolve("endless.metrics");
            Poll.until(STARTUP, "two gathers recorded", () -> MetricLines.hello(MetricLines.read(record)).size() >= 2);

            long start = System.nanoTime();
            agent.terminate();
            Duration bound = AGENT_SHUTDOWN_BOUND.plus(SLACK);
            OptionalInt exit = agent.awaitExit(bound);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(exit).as("exit within %s of SIGTERM; log:\n%s", bound, agent.log()).hasValue(0);
            assertThat(server.accepted()).as("the final write reached the server").isPositive();
            assertThat(agent.log()).contains("E! [agent] The final write of outputs.influxdb did not finish within 30s;"
                    + " exiting without it");
            System.out.printf("ShutdownIT: hanging server, timeout 10m: SIGTERM to exit %d ms%n", took.toMillis());
        }
    }

    /**
     * The hello input every second; InfluxDB flushed only hourly (so everything waits in its
     * buffer until SIGTERM); the gathered metrics recorded to a file every second.
     */
    private Path config(String name, String url, String timeout) throws Exception {
        return Files.writeString(temp.resolve(name + ".conf"), """
                [agent]
                  interval = "1s"
                  flush_interval = "1s"
                  flush_jitter = "0s"
                  hostname = "shutdown"

                [[inputs.hello]]

                [[outputs.influxdb]]
                  urls = ["%s"]
                  database = "shutdown_%s"
                  timeout = "%s"
                  flush_interval = "1h"
                  skip_database_creation = %s

                [[outputs.file]]
                  files = ["%s"]
                  data_format = "influx"
                """.formatted(url, name, timeout, !"buffered".equals(name), temp.resolve(name + ".metrics")));
    }
}
