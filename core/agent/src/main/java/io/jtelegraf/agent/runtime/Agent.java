package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.lineprotocol.LineProtocolOptions;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;

/**
 * The lifecycle of one agent run over prepared {@link RunningInput}s and {@link RunningOutput}s
 * (build it with {@link AgentBuilder}). Three ways to run, matching Telegraf's modes:
 * <ul>
 *   <li>{@link #run()}: until {@link #stop()};</li>
 *   <li>{@link #runOnce(Duration)}: {@code --once};</li>
 *   <li>{@link #runTest(PrintStream, Duration)}: {@code --test}.</li>
 * </ul>
 * Each method may be called once per instance.
 *
 * <pre>
 *  gather loops ──▶ RunningInput pipeline ──▶ fan-out ──▶ RunningOutput buffer ◀── flush loop ──▶ Output
 *  (thread each)                              (appends only)                       (thread each)
 * </pre>
 *
 * <p>Threading: run methods block the calling thread; {@link #stop()} may be called from any
 * thread, for example a signal handler.
 */
public final class Agent {
    /** Inputs that Telegraf gathers twice in test mode, showing the second gather (rates need two). */
    private static final Set<String> TWO_GATHER_INPUTS = Set.of("inputs.cpu", "inputs.mongodb", "inputs.procstat");

    private final AgentSettings settings;
    private final List<RunningInput> inputs;
    private final List<RunningOutput> outputs;
    private final EngineClock clock;
    private final RandomGenerator random;
    private final Logger agentLogger;
    private final SelfStats stats;
    private final Duration shutdownTimeout;
    private final Duration connectRetryDelay;
    private final Wakeup stopWakeup = new Wakeup();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean stopping;

    Agent(AgentSettings settings, List<RunningInput> inputs, List<RunningOutput> outputs, EngineClock clock,
          RandomGenerator random, Logger agentLogger, SelfStats stats, Duration shutdownTimeout,
          Duration connectRetryDelay) {
        this.settings = settings;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.clock = clock;
        this.random = random;
        this.agentLogger = agentLogger;
        this.stats = stats;
        this.shutdownTimeout = shutdownTimeout;
        this.connectRetryDelay = connectRetryDelay;
    }

    /** The self-statistics of this run. */
    public SelfStats stats() {
        return stats;
    }

    /**
     * Asks a running {@link #run()} to shut down: tickers stop, in-flight gathers finish, service
     * inputs stop, every output writes its buffer once more and is closed. Returns at once.
     */
    public void stop() {
        stopping = true;
        stopWakeup.signal();
        stopRequested.countDown();
    }

    /**
     * Runs until {@link #stop()}: connects outputs (retrying once after 15 s), starts service
     * inputs, then gathers and flushes on schedule. Returns normally after a stop (exit code 0).
     * Shutdown is bounded: an input or output that hangs is abandoned after the shutdown timeout,
     * with an error line naming it.
     *
     * @throws AgentRunException when an output cannot connect or its disk buffer cannot be opened,
     *     or a service input cannot start
     */
    public void run() throws AgentRunException, InterruptedException {
        agentLogger.info("Config: Interval:" + GoDurations.format(settings.interval()) + ", Quiet:" + settings.quiet()
                + ", Hostname:" + quote(settings.hostname()) + ", Flush Interval:"
                + GoDurations.format(settings.flushInterval()));
        openDurableBuffers();
        OutputConnector connector = new OutputConnector(clock, agentLogger, connectRetryDelay);
        if (!connector.connectAll(outputs, stopWakeup) || stopping) {
            // Stopped (or a reload asked for) before anything ran: the inputs were created and may
            // hold resources (a netlink socket), so they are closed as well.
            closePlugins();
            return;
        }
        MetricSink fanOut = this::fanOut;
        ServiceInputs services = new ServiceInputs(inputs, agentLogger);
        try {
            services.start(fanOut, false, true);
        } catch (AgentRunException e) {
            services.stop();
            closePlugins();
            throw e;
        }
        List<FlushLoop> flushLoops = new ArrayList<>();
        List<Thread> flushThreads = new ArrayList<>();
        for (RunningOutput output : outputs) {
            FlushLoop loop = new FlushLoop(output, clock, random);
            flushLoops.add(loop);
            flushThreads.add(start("flush " + output.logName(), loop));
        }
        List<GatherLoop> gatherLoops = new ArrayList<>();
        List<Thread> gatherThreads = new ArrayList<>();
        for (RunningInput input : inputs) {
            GatherLoop loop = new GatherLoop(input, input.gatherAccumulator(fanOut), clock, random);
            gatherLoops.add(loop);
            gatherThreads.add(start("inputs " + input.logName(), loop));
        }

        stopRequested.await();

        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        gatherLoops.forEach(GatherLoop::stop);
        joinAll(gatherThreads, deadline, "gather of");
        services.stop();
        agentLogger.info("Hang on, flushing any cached metrics before shutdown");
        flushLoops.forEach(FlushLoop::stop);
        joinAll(flushThreads, deadline, "final write of");
        closeInputs();
        agentLogger.debug("Stopped Successfully");
    }

    /** buffer_strategy "disk": only a long run uses it; --once and --test keep the memory buffer. */
    private void openDurableBuffers() throws AgentRunException {
        for (RunningOutput output : outputs) {
            try {
                output.openDurableBuffer();
            } catch (IOException e) {
                closePlugins();
                throw new AgentRunException("error opening the disk buffer of output " + quote(output.logName()) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * {@code --once}: connects outputs, starts service inputs (nanosecond precision), gathers every
     * input once, waits {@code testWait}, stops service inputs, writes every buffer once and closes
     * the outputs.
     *
     * @throws AgentRunException when an output cannot connect, with "input plugins recorded N
     *     errors" when any input logged an error, or "output plugins unable to send N metrics"
     *     when metrics remain buffered
     */
    public void runOnce(Duration testWait) throws AgentRunException, InterruptedException {
        OutputConnector connector = new OutputConnector(clock, agentLogger, connectRetryDelay);
        if (!connector.connectAll(outputs, stopWakeup)) {
            closeOutputs();
            return;
        }
        MetricSink fanOut = this::fanOut;
        runInputsOnce(fanOut, testWait);
        agentLogger.info("Hang on, flushing any cached metrics before shutdown");
        List<Thread> writers = new ArrayList<>();
        for (RunningOutput output : outputs) {
            writers.add(start("flush " + output.logName(), () -> {
                try {
                    output.writeAll();
                    output.logBufferStatus();
                } finally {
                    output.close();
                }
            }));
        }
        joinAll(writers, System.nanoTime() + shutdownTimeout.toNanos(), "final write of");
        closeInputs();
        failOnGatherErrors();
        long unsent = outputs.stream().mapToLong(RunningOutput::bufferSize).sum();
        if (unsent != 0) {
            throw new AgentRunException("output plugins unable to send " + unsent + " metrics");
        }
    }

    /**
     * {@code --test} with Telegraf's printer: line protocol with fields sorted by key and
     * unsigned integers as {@code 123u}, each line after {@code "> "}; a metric that cannot be
     * serialized is skipped. See {@link #runTest(PrintStream, Duration, TestLineFormat)}.
     *
     * @throws AgentRunException "input plugins recorded N errors" when any input logged an error
     */
    public void runTest(PrintStream out, Duration testWait) throws AgentRunException, InterruptedException {
        LineProtocolSerializer serializer = new LineProtocolSerializer(
                LineProtocolOptions.DEFAULTS.withSortFields(true).withUintSupport(true));
        runTest(out, testWait, metric -> new String(serializer.serialize(metric), StandardCharsets.UTF_8));
    }

    /**
     * {@code --test}: outputs are neither connected nor used. Starts service inputs, gathers every
     * input once (cpu, mongodb and procstat twice, 500 ms apart, showing the second), waits
     * {@code testWait}, stops service inputs, and prints each metric to {@code out} as
     * {@code "> " + line}. Logs are not written to {@code out}.
     *
     * @throws AgentRunException "input plugins recorded N errors" when any input logged an error
     */
    public void runTest(PrintStream out, Duration testWait, TestLineFormat format)
            throws AgentRunException, InterruptedException {
        agentLogger.warn("Outputs are not used in testing mode!");
        MetricSink printer = metric -> print(out, format, metric);
        runInputsOnce(printer, testWait);
        out.flush();
        closeInputs();
        failOnGatherErrors();
    }

    private void runInputsOnce(MetricSink sink, Duration wait) throws AgentRunException, InterruptedException {
        ServiceInputs services = new ServiceInputs(inputs, agentLogger);
        services.start(sink, true, false);
        List<Thread> gathers = new ArrayList<>();
        for (RunningInput input : inputs) {
            gathers.add(start("gather " + input.logName(), () -> gatherOnce(input, sink)));
        }
        for (Thread gather : gathers) {
            gather.join();
        }
        if (!wait.isZero() && !wait.isNegative()) {
            clock.awaitUntil(clock.nowNanos() + wait.toNanos(), stopWakeup);
        }
        services.stop();
    }

    private void gatherOnce(RunningInput input, MetricSink sink) {
        if (TWO_GATHER_INPUTS.contains(input.settings().pluginId())) {
            input.gather(input.gatherAccumulator(metric -> { }));
            try {
                clock.awaitUntil(clock.nowNanos() + Duration.ofMillis(500).toNanos(), new Wakeup());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Accumulator accumulator = input.gatherAccumulator(sink);
        input.gather(accumulator);
    }

    private void failOnGatherErrors() throws AgentRunException {
        long errors = stats.agent().gatherErrors();
        if (errors != 0) {
            throw new AgentRunException("input plugins recorded " + errors + " errors");
        }
    }

    private static void print(PrintStream out, TestLineFormat format, Metric metric) {
        // Inputs gather concurrently; the lock keeps lines whole and the formatter single-threaded.
        synchronized (out) {
            String line;
            try {
                line = format.format(metric);
            } catch (Exception e) {
                return;
            }
            out.print("> " + line);
        }
    }

    private void fanOut(Metric metric) {
        for (RunningOutput output : outputs) {
            output.add(metric);
        }
    }

    /** Closes every plugin of an agent that was never run ({@code config check}). */
    public void closePlugins() {
        closeInputs();
        closeOutputs();
    }

    private void closeOutputs() {
        outputs.forEach(RunningOutput::close);
    }

    private void closeInputs() {
        inputs.forEach(RunningInput::close);
    }

    /** Waits for each thread until the shared deadline; names the ones still running. */
    private void joinAll(List<Thread> threads, long deadline, String what) throws InterruptedException {
        for (Thread thread : threads) {
            long remainingMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            thread.join(Math.max(1, remainingMillis));
            if (thread.isAlive()) {
                agentLogger.error("The " + what + " " + thread.getName().substring(thread.getName().indexOf(' ') + 1)
                        + " did not finish within " + GoDurations.format(shutdownTimeout) + "; exiting without it");
            }
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        // Daemon, so a plugin that hangs cannot keep the process alive after the bounded shutdown.
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Go's %q for a plain string. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
