package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.testkit.influx.CountingProxy;
import io.jtelegraf.testkit.influx.InfluxDb1Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real InfluxDB outage under the real agent (issue 8, "InfluxDB outage"): two agents gather the
 * example {@code hello} input every second and write through counting proxies to one
 * {@code influxd}, which is stopped by its PID for {@link #OUTAGE} and started again. One agent
 * has an ample buffer, the other a buffer of {@link #SMALL_BUFFER} metrics. Both also write every
 * metric, and {@code inputs.internal}'s counters, to a file: the record of what was gathered.
 *
 * <p>The outage runs once for the class (both agents live through the same one); each test checks
 * one promise on the recorded outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfluxOutageIT {
    /** How long influxd is down. Issue 8 asks for "a minute"; the whole class takes about 85 s. */
    static final Duration OUTAGE = Duration.ofSeconds(60);
    /** The small agent's {@code metric_buffer_limit}: far less than the gathers of the outage. */
    static final int SMALL_BUFFER = 10;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(15);
    private static final Pattern OVERFLOW_LOG = Pattern.compile(
            "W! \\[outputs\\.influxdb] Metric buffer overflow; (\\d+) metrics have been dropped");

    private Run ample;
    private Run small;
    private InfluxDb1Server influx;
    private long outageStart;
    private long outageEnd;

    /** One agent's run: what it gathered (its file), what reached InfluxDB (its proxy), its log. */
    private record Run(String database, List<String> gathered, List<String> allFileLines,
                       List<CountingProxy.Write> writes, String log, int exitCode, int writesBeforeOutage) {
        List<String> delivered() {
            return writes.stream().filter(CountingProxy.Write::delivered).flatMap(w -> w.lines().stream()).toList();
        }
    }

    @BeforeAll
    void liveThroughAnOutage(@TempDir Path temp) throws Exception {
        Path plugins = PluginsWithHello.create(temp);
        influx = InfluxDb1Server.start(temp.resolve("influx"));
        try (CountingProxy ampleProxy = new CountingProxy(influx.url());
             CountingProxy smallProxy = new CountingProxy(influx.url());
             AgentProcess ampleAgent = AgentProcess.start(config(temp, "ample", ampleProxy, 10_000), plugins, temp);
             AgentProcess smallAgent = AgentProcess.start(config(temp, "small", smallProxy, SMALL_BUFFER), plugins, temp)) {
            Poll.until(STARTUP, "both agents deliver three metrics before the outage",
                    () -> ampleProxy.deliveredLines().size() >= 3 && smallProxy.deliveredLines().size() >= 3);

            influx.stop();
            outageStart = System.nanoTime();
            int ampleBefore = ampleProxy.writes().size();
            int smallBefore = smallProxy.writes().size();
            Thread.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for something
            // Taken before the restart: any write answered after it may already be accepted.
            outageEnd = System.nanoTime();
            influx.restart();

            // Recovered: the backlog is written and new gathers arrive again (three past the restart).
            Poll.until(RECOVERY, "both agents deliver again after the restart",
                    () -> deliveredAfter(ampleProxy, outageEnd) >= SMALL_BUFFER + 3
                            && deliveredAfter(smallProxy, outageEnd) >= SMALL_BUFFER + 3);

            ampleAgent.terminate();
            smallAgent.terminate();
            OptionalInt ampleExit = ampleAgent.awaitExit(EXIT);
            OptionalInt smallExit = smallAgent.awaitExit(EXIT);
            assertThat(ampleExit).as("ample agent exits within %s of SIGTERM; log:\n%s", EXIT, ampleAgent.log()).isPresent();
            assertThat(smallExit).as("small agent exits within %s of SIGTERM; log:\n%s", EXIT, smallAgent.log()).isPresent();
            ample = collect(temp, "ample", ampleProxy, ampleAgent, ampleExit.getAsInt(), ampleBefore);
            small = collect(temp, "small", smallProxy, smallAgent, smallExit.getAsInt(), smallBefore);
        }
        for (Run run : List.of(ample, small)) {
            Set<String> delivered = new HashSet<>(run.delivered());
            System.out.printf("InfluxOutageIT: %s: outage %d s; %d gathered (%d while influxd was down), %d write"
                    + " attempts refused with 502, %d lines delivered (%d distinct), %d dropped%n", run.database(),
                    OUTAGE.toSeconds(), run.gathered().size(), gatheredDuringOutage(run),
                    run.writes().stream().filter(write -> write.status() == 502).count(), run.delivered().size(),
                    delivered.size(), run.gathered().stream().filter(line -> !delivered.contains(line)).count());
        }
    }

    @AfterAll
    void stopInflux() throws InterruptedException {
        if (influx != null) {
            influx.close();
        }
    }

    @Test
    void bothAgentsRetriedThroughTheOutageAndExitedCleanly() {
        for (Run run : List.of(ample, small)) {
            List<CountingProxy.Write> duringOutage = run.writes().subList(run.writesBeforeOutage(), run.writes().size())
                    .stream().filter(write -> write.answeredAtNanos() < outageEnd).toList();
            // One attempt per 1 s flush: a minute of outage gives about 60 failed attempts.
            assertThat(duringOutage).as(run.database() + ": failed write attempts while influxd was down")
                    .hasSizeGreaterThanOrEqualTo((int) OUTAGE.toSeconds() / 2)
                    .allSatisfy(write -> assertThat(write.status()).isEqualTo(502));
            assertThat(run.exitCode()).as(run.database() + " exit code; log:\n" + run.log()).isZero();
        }
    }

    @Test
    void withAnAmpleBufferEveryGatheredMetricIsDeliveredExactlyOnce() {
        assertThat(gatheredDuringOutage(ample)).as("gathers while influxd was down")
                .isGreaterThanOrEqualTo(OUTAGE.toSeconds() - 2);
        assertThat(ample.delivered()).as("lines accepted by InfluxDB, in order")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ample.gathered());
        assertThat(ample.gathered().stream().map(MetricLines::count).toList())
                .as("hello counts gathered: every gather, none missing")
                .isEqualTo(range(1, ample.gathered().size()));
    }

    @Test
    void withAnAmpleBufferInfluxDbHoldsEveryValue() throws Exception {
        assertStoredInInflux(ample);
    }

    @Test
    void withASmallBufferExactlyTheOldestOverflowIsDropped() {
        Set<String> delivered = new HashSet<>(small.delivered());
        assertThat(small.delivered()).as("each delivered line once").doesNotHaveDuplicates();
        assertThat(delivered).as("nothing delivered that was not gathered").isSubsetOf(small.gathered());
        List<Long> dropped = small.gathered().stream().filter(line -> !delivered.contains(line))
                .map(MetricLines::count).toList();
        long gatheredInOutage = gatheredDuringOutage(small);
        assertThat(gatheredInOutage).isGreaterThan(SMALL_BUFFER + 10L);
        // Oldest first: the lost gathers are one run of consecutive counts, with everything before
        // it (written before the outage) and everything after it (the newest) delivered.
        assertThat(dropped).as("dropped hello counts").isNotEmpty()
                .isEqualTo(range(dropped.get(0), dropped.size()));
        // Exactly the overflow: the first write after the restart carried a full buffer, the
        // SMALL_BUFFER metrics gathered right after the dropped ones.
        CountingProxy.Write firstAfter = small.writes().stream().skip(small.writesBeforeOutage())
                .filter(CountingProxy.Write::delivered).findFirst().orElseThrow();
        assertThat(firstAfter.lines().stream().filter(line -> line.startsWith("hello,")).map(MetricLines::count).toList())
                .as("the backlog written when influxd came back")
                .isEqualTo(range(dropped.get(dropped.size() - 1) + 1, SMALL_BUFFER));
    }

    @Test
    void withASmallBufferTheDropsAreCountedAndLogged() {
        Set<String> delivered = new HashSet<>(small.delivered());
        long dropped = small.gathered().stream().filter(line -> !delivered.contains(line)).count();
        assertThat(MetricLines.lastValue(small.allFileLines(), "internal_write", "output=influxdb", "metrics_dropped"))
                .as("internal_write,output=influxdb metrics_dropped").hasValue(dropped);
        assertThat(MetricLines.lastValue(small.allFileLines(), "internal_agent", "", "metrics_dropped"))
                .as("internal_agent metrics_dropped").hasValue(dropped);
        Matcher matcher = OVERFLOW_LOG.matcher(small.log());
        long logged = 0;
        while (matcher.find()) {
            logged += Long.parseLong(matcher.group(1));
        }
        assertThat(logged).as("sum of N in 'Metric buffer overflow; N metrics have been dropped'").isEqualTo(dropped);
        assertThat(MetricLines.lastValue(ample.allFileLines(), "internal_write", "output=influxdb", "metrics_dropped"))
                .as("the ample agent dropped nothing").hasValue(0);
    }

    @Test
    void withASmallBufferInfluxDbHoldsEveryDeliveredValue() throws Exception {
        assertStoredInInflux(small);
    }

    /** Presence and values: InfluxDB holds one point per delivered line, with its count and time. */
    private void assertStoredInInflux(Run run) throws Exception {
        Map<Long, Long> expected = run.delivered().stream()
                .collect(Collectors.toMap(MetricLines::timestamp, MetricLines::count));
        List<Map<String, String>> rows = influx.csvRows(run.database(), "SELECT \"count\", ratio, up FROM hello");
        Map<Long, Long> stored = new HashMap<>();
        for (Map<String, String> row : rows) {
            stored.put(Long.parseLong(row.get("time")), Long.parseLong(row.get("count")));
            assertThat(row).containsEntry("ratio", "0.5").containsEntry("up", "true");
        }
        assertThat(stored).as(run.database() + ": points in InfluxDB (time -> count)").isEqualTo(expected);
    }

    private long gatheredDuringOutage(Run run) {
        long start = System.currentTimeMillis() * 1_000_000L - (System.nanoTime() - outageStart);
        long end = start + (outageEnd - outageStart);
        return run.gathered().stream().map(MetricLines::timestamp).filter(t -> t >= start && t < end).count();
    }

    private static long deliveredAfter(CountingProxy proxy, long since) {
        return proxy.writes().stream().filter(write -> write.delivered() && write.answeredAtNanos() > since)
                .mapToLong(write -> write.lines().size()).sum();
    }

    private static List<Long> range(long first, long count) {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            values.add(first + i);
        }
        return values;
    }

    private static Run collect(Path temp, String name, CountingProxy proxy, AgentProcess agent, int exitCode,
                               int writesBeforeOutage) throws Exception {
        List<String> fileLines = MetricLines.read(temp.resolve(name + ".metrics"));
        return new Run("outage_" + name, MetricLines.hello(fileLines), fileLines, proxy.writes(), agent.log(),
                exitCode, writesBeforeOutage);
    }

    private static Path config(Path temp, String name, CountingProxy proxy, int bufferLimit) throws Exception {
        return Files.writeString(temp.resolve(name + ".conf"), """
                [agent]
                  interval = "1s"
                  flush_interval = "1s"
                  flush_jitter = "0s"
                  hostname = "%s"

                [[inputs.hello]]

                [[inputs.internal]]

                ## Through the counting proxy; the timeout is longer than the proxy's own wait for
                ## influxd, so no request the server may still take is given up and sent again.
                [[outputs.influxdb]]
                  urls = ["%s"]
                  database = "outage_%s"
                  timeout = "10s"
                  metric_buffer_limit = %d
                  namepass = ["hello"]

                ## The record of everything gathered, and the internal counters.
                [[outputs.file]]
                  files = ["%s"]
                  data_format = "influx"
                """.formatted(name, proxy.url(), name, bufferLimit, temp.resolve(name + ".metrics")));
    }
}
