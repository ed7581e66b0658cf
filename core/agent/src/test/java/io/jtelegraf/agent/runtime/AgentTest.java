package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.logging.LogSettings;
import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.ServiceInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AgentTest {
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final AgentLogging logging = AgentLogging.configure(LogSettings.defaults(), logs);
    private final ManualEngineClock clock = new ManualEngineClock(Instant.parse("2026-11-26T12:00:03Z"));
    private final AtomicInteger gathers = new AtomicInteger();

    /** Restores the process-wide default so later tests log to stderr again. */
    @AfterAll
    static void resetLogging() {
        AgentLogging.configure(LogSettings.defaults());
    }

    private AgentBuilder builder() {
        return new AgentBuilder(Settings.agent(), logging).clock(clock).agentVersion("0.1.0");
    }

    private Input counting(String name) {
        return accumulator -> {
            gathers.incrementAndGet();
            accumulator.addFields(name, Map.of("v", 1L), Map.of());
        };
    }

    private String logText() {
        return logs.toString(StandardCharsets.UTF_8);
    }

    @Test
    void testModePrintsEachMetricWithThePrefix() throws Exception {
        AgentBuilder builder = builder();
        builder.addInput(Settings.input("inputs.test"), Optional.empty(), context -> counting("m"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.build().runTest(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ZERO,
                metric -> metric.name() + " " + metric.fields() + " " + metric.timestamp() + "\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("> m {v=1} 1795694403000000000\n");
        assertThat(logText()).contains("W! [agent] Outputs are not used in testing mode!");
    }

    @Test
    void testModePrintsLineProtocolWithSortedFieldsAndUnsignedIntegers() throws Exception {
        AgentBuilder builder = builder();
        builder.addInput(Settings.input("inputs.ipvs"), Optional.empty(), context -> accumulator -> {
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("pkts_in", new java.math.BigInteger("18446744073709551615"));
            fields.put("active_conns", 3L);
            fields.put("cps", 1.5);
            accumulator.addGauge("ipvs_virtual_server", fields, Map.of("protocol", "tcp"));
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.build().runTest(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ZERO);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "> ipvs_virtual_server,host=h,protocol=tcp active_conns=3i,cps=1.5,pkts_in=18446744073709551615u"
                        + " 1795694403000000000\n");
    }

    @Test
    void testModeFailsWhenAnInputRecordedErrors() {
        AgentBuilder builder = builder();
        builder.addInput(Settings.input("inputs.ipvs"), Optional.empty(), context -> accumulator -> {
            throw new IOException("operation not permitted");
        });
        assertThatThrownBy(() -> builder.build().runTest(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), Duration.ZERO, metric -> ""))
                .isInstanceOf(AgentRunException.class)
                .hasMessage("input plugins recorded 1 errors");
        assertThat(logText()).containsPattern(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ E! \\[inputs.ipvs\\] Error in plugin: operation not permitted");
    }

    @Test
    void testModeStartsAndStopsServiceInputsAroundTheWait() throws Exception {
        AtomicReference<Accumulator> startAccumulator = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        ServiceInput service = new ServiceInput() {
            @Override
            public void start(Accumulator accumulator) {
                startAccumulator.set(accumulator);
            }

            @Override
            public void stop() {
                // Drains a metric produced by the service before returning, as the contract requires.
                startAccumulator.get().addFields("late", Map.of("v", 1L), Map.of(), 1_500_000_123L);
                stopped.countDown();
            }

            @Override
            public void gather(Accumulator accumulator) {
            }
        };
        AgentBuilder builder = builder();
        builder.addInput(Settings.input("inputs.svc"), Optional.empty(), context -> service);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Agent agent = builder.build();
        Thread run = new Thread(() -> {
            try {
                agent.runTest(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofSeconds(5),
                        metric -> metric.name() + " " + metric.timestamp() + "\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run.start();
        clock.awaitBlockedThreads(1);
        assertThat(stopped.getCount()).as("still waiting --test-wait").isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        run.join();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("start accumulator keeps nanoseconds")
                .isEqualTo("> late 1500000123\n");
    }

    @Test
    void onceModeWritesEverythingAndCloses() throws Exception {
        FakeOutput output = new FakeOutput();
        AgentBuilder builder = builder();
        builder.addInput(Settings.input("inputs.a"), Optional.empty(), context -> counting("a"));
        builder.addInput(Settings.input("inputs.b"), Optional.empty(), context -> counting("b"));
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);
        builder.build().runOnce(Duration.ZERO);
        assertThat(output.connects.get()).isEqualTo(1);
        assertThat(output.writtenNames()).containsExactlyInAnyOrder("a", "b");
        assertThat(output.closes.get()).isEqualTo(1);
    }

    @Test
    void onceModeFailsWhenMetricsRemainUnsent() {
        FakeOutput output = new FakeOutput();
        output.behaviour = batch -> {
            throw new IOException("connection refused");
        };
        AgentBuilder builder = builder();
        builder.addInput(Settings.input("inputs.a"), Optional.empty(), context -> counting("a"));
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);
        assertThatThrownBy(() -> builder.build().runOnce(Duration.ZERO))
                .isInstanceOf(AgentRunException.class)
                .hasMessage("output plugins unable to send 1 metrics");
        assertThat(logText()).contains("E! [agent] Error writing to outputs.x: connection refused");
    }

    @Test
    void stopEndsTheRunWithAFinalWriteAndClose() throws Exception {
        FakeOutput output = new FakeOutput();
        AtomicInteger inputCloses = new AtomicInteger();
        Input input = new Input() {
            @Override
            public void gather(Accumulator accumulator) {
                gathers.incrementAndGet();
                accumulator.addFields("m", Map.of("v", 1L), Map.of());
            }

            @Override
            public void close() {
                inputCloses.incrementAndGet();
            }
        };
        AgentBuilder builder = builder();
        builder.addInput(Settings.unalignedInput("inputs.a"), Optional.empty(), context -> input);
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);
        Agent agent = builder.build();
        Thread run = runInBackground(agent);
        Await.until("first gather", () -> gathers.get() == 1);
        clock.awaitBlockedThreads(2);
        assertThat(output.batches).as("nothing flushed before the interval").isEmpty();
        agent.stop();
        run.join();
        assertThat(output.writtenNames()).containsExactly("m");
        assertThat(output.closes.get()).isEqualTo(1);
        assertThat(inputCloses.get()).isEqualTo(1);
        assertThat(logText()).contains("I! [agent] Config: Interval:10s, Quiet:false, Hostname:\"h\", Flush Interval:10s")
                .contains("I! [agent] Hang on, flushing any cached metrics before shutdown");
    }

    @Test
    void failedConnectIsRetriedOnceAfterFifteenSeconds() throws Exception {
        FakeOutput output = new FakeOutput();
        output.connectError = new IOException("no route to host");
        AgentBuilder builder = builder();
        builder.addInput(Settings.input("inputs.a"), Optional.empty(), context -> counting("a"));
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);
        Agent agent = builder.build();
        Thread run = runInBackground(agent);
        clock.awaitBlockedThreads(1);
        assertThat(logText()).contains(
                "E! [agent] Failed to connect to [outputs.x], retrying in 15s, error was \"no route to host\"");
        output.connectError = null;
        clock.advance(Duration.ofSeconds(15));
        Await.until("second connect", () -> output.connects.get() == 2);
        agent.stop();
        run.join();
    }

    @Test
    void aStopWhileOutputsStillConnectClosesTheInputsToo() throws Exception {
        FakeOutput output = new FakeOutput();
        output.connectError = new IOException("no route to host");
        AtomicBoolean inputClosed = new AtomicBoolean();
        AgentBuilder builder = builder();
        builder.addInput(Settings.input("inputs.a"), Optional.empty(), context -> new Input() {
            @Override
            public void gather(Accumulator accumulator) {
                gathers.incrementAndGet();
            }

            @Override
            public void close() {
                inputClosed.set(true);
            }
        });
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);
        Agent agent = builder.build();
        Thread run = runInBackground(agent);
        clock.awaitBlockedThreads(1);

        agent.stop();
        run.join();

        assertThat(inputClosed).as("the input was closed although the agent never started gathering").isTrue();
        assertThat(gathers).hasValue(0);
    }

    @Test
    void secondConnectFailureAbortsTheStart() {
        FakeOutput output = new FakeOutput();
        output.connectError = new IOException("no route to host");
        AgentBuilder builder = builder().connectRetryDelay(Duration.ZERO);
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);
        assertThatThrownBy(() -> builder.build().run())
                .isInstanceOf(AgentRunException.class)
                .hasMessage("error connecting to output \"outputs.x\": no route to host");
    }

    @Test
    void anOutputThatHangsCannotHoldUpTheExit() throws Exception {
        FakeOutput output = new FakeOutput();
        CountDownLatch never = new CountDownLatch(1);
        output.behaviour = batch -> never.await();
        AgentBuilder builder = builder().shutdownTimeout(Duration.ofMillis(200));
        builder.addInput(Settings.unalignedInput("inputs.a"), Optional.empty(), context -> counting("a"));
        builder.addOutput(Settings.output("outputs.x", 1000, 10000), Optional.empty(), context -> output);
        Agent agent = builder.build();
        Thread run = runInBackground(agent);
        Await.until("first gather", () -> gathers.get() == 1);
        agent.stop();
        run.join();
        assertThat(logText()).contains("E! [agent] The final write of outputs.x did not finish within 200ms; exiting without it");
        never.countDown();
    }

    private static Thread runInBackground(Agent agent) {
        Thread thread = new Thread(() -> {
            try {
                agent.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

}
