package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import io.jtelegraf.testkit.influx.CountingProxy;
import io.jtelegraf.testkit.influx.InfluxDb1Server;
import io.jtelegraf.testkit.influx.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow, hanging or failing InfluxDB under the real agent (issue 8, "Slow or hanging server"):
 * writes time out, gathers keep their one-second schedule meanwhile (outputs never block inputs:
 * a second, working output records every gather), and a thousand failed writes leave the
 * process with no more threads, sockets or file descriptors than before them.
 */
class SlowServerIT {
    /** The output timeout against the hanging server. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);
    /** Gathers to watch while the output is stuck. */
    static final int GATHERS = 12;
    /** Failed writes per output between the two resource counts. */
    static final int FAILED_WRITES = 1_000;
    /** Failed writes per output before the first count, so lazily started threads exist already. */
    static final int WARM_UP_WRITES = 200;
    /** Allowed difference in threads and descriptors: the JVM may start or retire a compiler thread. */
    static final int NOISE = 2;
    /** The buffer of the slow-failure case, smaller than the gathers of one slow write plus one. */
    static final int TINY_BUFFER = 3;
    /** How long the slow server takes to fail a write. */
    static final Duration SLOW_FAILURE = Duration.ofMillis(2500);
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration FAILING_RUN = Duration.ofSeconds(120);
    private static final Duration EXIT = Duration.ofSeconds(15);
    private static final Pattern TIMED_OUT = Pattern.compile(
            "E! \\[agent] Error writing to outputs\\.influxdb: could not write any address");

    @TempDir
    Path temp;

    @Test
    void writesToAHangingServerTimeOutWhileGathersKeepTheirSchedule() throws Exception {
        Path plugins = PluginsWithHello.create(temp);
        try (HangingServer server = new HangingServer();
             AgentProcess agent = AgentProcess.start(config("hanging", """
                     [[outputs.influxdb]]
                       urls = ["%s"]
                       database = "slow"
                       skip_database_creation = true
                       timeout = "%ds"
                     """.formatted(server.url(), WRITE_TIMEOUT.toSeconds())), plugins, temp)) {
            Path record = temp.resolve("hanging.metrics");
            Poll.until(STARTUP.plusSeconds(GATHERS), GATHERS + " gathers recorded by the working output",
                    () -> MetricLines.hello(MetricLines.read(record)).size() >= GATHERS);
            String log = agent.log();
            List<String> lines = MetricLines.read(record);
            agent.terminate();
            OptionalInt exit = agent.awaitExit(EXIT.plus(WRITE_TIMEOUT));

            assertOnSchedule(MetricLines.hello(lines), GATHERS);
            assertThat(count(TIMED_OUT, log)).as("timed-out writes logged; log:\n%s", log).isGreaterThanOrEqualTo(3);
            assertThat(log).contains("timeout after " + WRITE_TIMEOUT.toMillis() + " ms");
            assertThat(MetricLines.lastValue(lines, "internal_write", "output=influxdb", "write_errors").orElse(-1))
                    .as("internal_write write_errors").isPositive();
            // Kept, not lost: a timed-out batch goes back into the buffer for the next attempt.
            assertThat(MetricLines.lastValue(lines, "internal_write", "output=influxdb", "metrics_dropped").orElse(-1))
                    .as("internal_write metrics_dropped").isZero();
            assertThat(MetricLines.lastValue(lines, "internal_write", "output=influxdb", "metrics_written").orElse(-1))
                    .as("internal_write metrics_written").isZero();
            assertThat(exit).as("exit after SIGTERM; log:\n%s", agent.log()).hasValue(0);
            // Every timed-out request's connection is closed by the agent, none piles up.
            Poll.until(Duration.ofSeconds(5), "the server sees every connection closed", () -> server.open() == 0);
            System.out.printf("SlowServerIT: hanging server, timeout %s: %d gathers on schedule, %d connections%n",
                    WRITE_TIMEOUT, GATHERS, server.accepted());
        }
    }

    @Test
    void aThousandFailedWritesLeakNoThreadsConnectionsOrDescriptors() throws Exception {
        Path plugins = PluginsWithHello.create(temp);
        int refusedPort = LoopbackPorts.free(); // nobody listens: every connection is refused
        try (FailingServer server = new FailingServer();
             AgentProcess agent = AgentProcess.start(config("failing", """
                     ## Answers every write with 500 at once.
                     [[outputs.influxdb]]
                       urls = ["%s"]
                       database = "failing"
                       flush_interval = "10ms"

                     ## Refuses every connection.
                     [[outputs.influxdb]]
                       alias = "refused"
                       urls = ["http://127.0.0.1:%d"]
                       database = "refused"
                       skip_database_creation = true
                       flush_interval = "10ms"
                     """.formatted(server.url(), refusedPort)), plugins, temp)) {
            Path record = temp.resolve("failing.metrics");
            Poll.until(STARTUP, WARM_UP_WRITES + " failed writes on each output",
                    () -> server.writes() >= WARM_UP_WRITES && refusedWriteErrors(record) >= WARM_UP_WRITES);
            Resources before = Resources.of(agent);
            int serverWritesBefore = server.writes();
            long refusedBefore = refusedWriteErrors(record);
            long start = System.nanoTime();

            Poll.until(FAILING_RUN, FAILED_WRITES + " more failed writes on each output",
                    () -> server.writes() >= serverWritesBefore + FAILED_WRITES
                            && refusedWriteErrors(record) >= refusedBefore + FAILED_WRITES);
            Resources after = Resources.of(agent);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            int failedOnServer = server.writes() - serverWritesBefore;
            long failedRefused = refusedWriteErrors(record) - refusedBefore;
            List<String> lines = MetricLines.read(record);
            agent.terminate();
            OptionalInt exit = agent.awaitExit(EXIT);

            System.out.printf("SlowServerIT: %d writes answered 500 and %d refused in %d s; before %s, after %s"
                    + " (new threads %s, gone %s); %d client connections to the 500 server%n", failedOnServer,
                    failedRefused, seconds, before, after, after.newThreadsSince(before), before.newThreadsSince(after),
                    server.connections());
            assertThat(after.threads()).as("threads before %s, after %s", before, after)
                    .isLessThanOrEqualTo(before.threads() + NOISE);
            assertThat(after.descriptors()).as("descriptors before %s, after %s", before, after)
                    .isLessThanOrEqualTo(before.descriptors() + NOISE);
            assertThat(after.sockets()).as("sockets before %s, after %s", before, after)
                    .isLessThanOrEqualTo(before.sockets() + 1);
            assertThat(server.connections()).as("connections reused across %d writes", server.writes())
                    .isLessThanOrEqualTo(5);
            assertOnSchedule(MetricLines.hello(lines), 5);
            assertThat(exit).as("exit after SIGTERM; log:\n%s", agent.log()).hasValue(0);
        }
    }

    @Test
    void whenTheBufferFillsDuringASlowFailedWriteTheOldestMetricsAreDropped() throws Exception {
        Path plugins = PluginsWithHello.create(temp);
        try (InfluxDb1Server influx = InfluxDb1Server.start(temp.resolve("influx"));
             CountingProxy proxy = new CountingProxy(influx.url());
             AgentProcess agent = AgentProcess.start(config("slowfail", """
                     [[outputs.influxdb]]
                       urls = ["%s"]
                       database = "slowfail"
                       timeout = "10s"
                       metric_buffer_limit = %d
                       namepass = ["hello"]
                     """.formatted(proxy.url(), TINY_BUFFER)), plugins, temp)) {
            Path record = temp.resolve("slowfail.metrics");
            Poll.until(STARTUP, "a first metric delivered", () -> !proxy.deliveredLines().isEmpty());
            // Each failed write holds its batch for SLOW_FAILURE while about two gathers arrive, so
            // the batch no longer fits back in full: some of it must be dropped each time.
            proxy.failSlowly(SLOW_FAILURE);
            int before = proxy.writes().size();
            Poll.until(STARTUP, "four slow failures",
                    () -> proxy.writes().stream().skip(before).filter(write -> write.status() == 503).count() >= 4);
            proxy.relayAll();
            Poll.until(STARTUP, "deliveries after the slow failures", () -> proxy.writes().stream().skip(before)
                    .filter(CountingProxy.Write::delivered).mapToLong(write -> write.lines().size()).sum() >= TINY_BUFFER + 2);
            agent.terminate();
            OptionalInt exit = agent.awaitExit(EXIT);

            List<String> gathered = MetricLines.hello(MetricLines.read(record));
            Set<String> delivered = new HashSet<>(proxy.deliveredLines());
            List<Long> dropped = gathered.stream().filter(line -> !delivered.contains(line)).map(MetricLines::count).toList();
            assertThat(proxy.deliveredLines()).as("each line once").doesNotHaveDuplicates();
            assertThat(dropped).as("dropped hello counts: one run of the oldest, nothing newer").isNotEmpty();
            assertThat(dropped).as("dropped hello counts: one run of the oldest, nothing newer")
                    .isEqualTo(LongStream.range(dropped.get(0), dropped.get(0) + dropped.size())
                            .boxed().toList());
            assertThat(MetricLines.lastValue(MetricLines.read(record), "internal_write", "output=influxdb",
                    "metrics_dropped").orElse(-1)).as("internal_write metrics_dropped").isEqualTo(dropped.size());
            assertThat(exit).as("exit after SIGTERM; log:\n%s", agent.log()).hasValue(0);
            System.out.printf("SlowServerIT: slow failures (%s each) with a buffer of %d: %d oldest metrics dropped%n",
                    SLOW_FAILURE, TINY_BUFFER, dropped.size());
        }
    }

    /** Threads, descriptors and sockets of the agent process at one moment. */
    private record Resources(int threads, int descriptors, int sockets, List<String> threadNames) {
        static Resources of(AgentProcess agent) throws IOException {
            return new Resources(agent.threads(), agent.openDescriptors(), agent.openSockets(), agent.threadNames());
        }

        /** Thread names present now but not in {@code earlier} (with multiplicity), to explain a difference. */
        List<String> newThreadsSince(Resources earlier) {
            List<String> added = new ArrayList<>(threadNames);
            earlier.threadNames.forEach(added::remove);
            return added;
        }

        @Override
        public String toString() {
            return threads + " threads, " + descriptors + " fds (" + sockets + " sockets)";
        }
    }

    /** The refused output's write_errors as last recorded by {@code inputs.internal}, or 0. */
    private static long refusedWriteErrors(Path record) throws IOException {
        return MetricLines.lastValue(MetricLines.read(record), "internal_write", "alias=refused", "write_errors")
                .orElse(0);
    }

    /** Consecutive gathers (count n, n+1, ...) stamped one second apart (within 200 ms). */
    private static void assertOnSchedule(List<String> hello, int atLeast) {
        assertThat(hello).hasSizeGreaterThanOrEqualTo(atLeast);
        for (int i = 1; i < hello.size(); i++) {
            long step = MetricLines.timestamp(hello.get(i)) - MetricLines.timestamp(hello.get(i - 1));
            assertThat(MetricLines.count(hello.get(i))).as("gather after %s", hello.get(i - 1))
                    .isEqualTo(MetricLines.count(hello.get(i - 1)) + 1);
            assertThat(step).as("spacing of gathers %s and %s (ns)", i, i + 1)
                    .isBetween(800_000_000L, 1_200_000_000L);
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    /** The hello input every second, a working file output recording every metric, and {@code outputs}. */
    private Path config(String name, String outputs) throws IOException {
        return Files.writeString(temp.resolve(name + ".conf"), """
                [agent]
                  interval = "1s"
                  flush_interval = "1s"
                  flush_jitter = "0s"
                  hostname = "slow"

                [[inputs.hello]]

                [[inputs.internal]]
                  collect_memstats = false

                [[outputs.file]]
                  files = ["%s"]
                  data_format = "influx"

                """.formatted(temp.resolve(name + ".metrics")) + outputs);
    }
}
