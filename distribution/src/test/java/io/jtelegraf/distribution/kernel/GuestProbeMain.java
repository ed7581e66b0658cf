package io.jtelegraf.distribution.kernel;

import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.testkit.InMemoryAccumulator;
import io.jtelegraf.testkit.RecordingLogger;
import io.jtelegraf.testkit.TestPluginConfigs;
import io.jtelegraf.testkit.TestPluginContext;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs the {@code ipvs} input inside the real-kernel guest without the agent: finds its factory
 * through {@link ServiceLoader}, creates it from an empty {@code [[inputs.ipvs]]} table and
 * gathers, printing metrics as line protocol on standard output and errors on standard error
 * as {@code E! [inputs.ipvs] Error in plugin: message}. The plugin's own log lines go to standard
 * error as {@code E! [inputs.ipvs] message} after each step (create, every gather): the testing
 * kit's logger records them, and no test reads them while a gather runs.
 *
 * <pre>
 *   GuestProbeMain once
 *       one gather; exit status 0, or 1 when the gather failed
 *   GuestProbeMain loop INTERVAL_MS MAX_SECONDS STOP_FILE
 *       a gather every INTERVAL_MS until STOP_FILE exists or MAX_SECONDS passed; every gather
 *       starts with a line "# gather n=N t=EPOCH_MS status=ok metrics=K" or
 *       "# gather n=N t=EPOCH_MS status=error message=TEXT"
 * </pre>
 * Exit status 3 means that no factory named {@code ipvs} is on the class path, 2 a usage error.
 */
public final class GuestProbeMain {
    static final int EXIT_GATHER_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_NO_FACTORY = 3;
    private static final String PLUGIN_ID = "inputs.ipvs";

    private GuestProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean once = args.length == 1 && args[0].equals("once");
        boolean loop = args.length == 4 && args[0].equals("loop");
        if (!once && !loop) {
            err.println("usage: GuestProbeMain once | loop INTERVAL_MS MAX_SECONDS STOP_FILE");
            return EXIT_USAGE;
        }
        Optional<InputFactory> factory = ServiceLoader.load(InputFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.name().equals("ipvs"))
                .findFirst();
        if (factory.isEmpty()) {
            err.println("probe: no io.jtelegraf.spi.InputFactory named \"ipvs\" on the class path");
            return EXIT_NO_FACTORY;
        }
        // An empty [[inputs.ipvs]] table, read by the agent's own TOML loader.
        InMemoryAccumulator accumulator = new InMemoryAccumulator();
        TestPluginContext context = new TestPluginContext(PLUGIN_ID);
        LogPrinter log = new LogPrinter(context.logger(), err);
        try (Input input = factory.get().create(TestPluginConfigs.fromToml(PLUGIN_ID, ""), context)) {
            log.printNewLines();
            if (once) {
                return gatherOnce(input, accumulator, log, out, err);
            }
            gatherInLoop(input, accumulator, log, Long.parseLong(args[1]), Long.parseLong(args[2]), Path.of(args[3]),
                    out, err);
            return 0;
        }
    }

    private static int gatherOnce(Input input, InMemoryAccumulator accumulator, LogPrinter log, PrintStream out,
                                  PrintStream err) {
        Optional<Exception> failure = gather(input, accumulator);
        Gathered gathered = Gathered.drain(accumulator);
        log.printNewLines();
        gathered.metrics().forEach(metric -> out.println(LineProtocolWriter.line(metric)));
        reportErrors(gathered, err);
        failure.ifPresent(error -> reportError(error, err));
        out.flush();
        return failure.isPresent() ? EXIT_GATHER_FAILED : 0;
    }

    private static void gatherInLoop(Input input, InMemoryAccumulator accumulator, LogPrinter log, long intervalMillis,
                                     long maxSeconds, Path stopFile, PrintStream out, PrintStream err)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxSeconds * 1000;
        for (int n = 1; System.currentTimeMillis() < deadline && !Files.exists(stopFile); n++) {
            long started = System.currentTimeMillis();
            Optional<Exception> failure = gather(input, accumulator);
            Gathered gathered = Gathered.drain(accumulator);
            log.printNewLines();
            List<Metric> metrics = gathered.metrics();
            if (failure.isPresent()) {
                out.println("# gather n=" + n + " t=" + started + " status=error message=" + oneLine(failure.get()));
                reportError(failure.get(), err);
            } else {
                out.println("# gather n=" + n + " t=" + started + " status=ok metrics=" + metrics.size());
            }
            metrics.forEach(metric -> out.println(LineProtocolWriter.line(metric)));
            reportErrors(gathered, err);
            out.flush();
            // A fixed-rate schedule like the agent's; the loop itself is bounded by the deadline.
            long sleep = started + intervalMillis - System.currentTimeMillis();
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
    }

    private static Optional<Exception> gather(Input input, InMemoryAccumulator accumulator) {
        try {
            input.gather(accumulator);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e);
        }
    }

    private static void reportErrors(Gathered gathered, PrintStream err) {
        gathered.errors().forEach(error -> reportError(error, err));
    }

    private static void reportError(Throwable error, PrintStream err) {
        err.println("E! [" + PLUGIN_ID + "] Error in plugin: " + oneLine(error));
        err.flush();
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        return message.replace('\n', ' ');
    }

    /** What one gather left in the accumulator, which is emptied for the next one. */
    private record Gathered(List<Metric> metrics, List<Throwable> errors) {
        static Gathered drain(InMemoryAccumulator accumulator) {
            Gathered gathered = new Gathered(accumulator.metrics(), accumulator.errors());
            accumulator.clear();
            return gathered;
        }
    }

    /** Prints the lines the plugin logged since the last call, as {@code E! [inputs.ipvs] message}. */
    private static final class LogPrinter {
        private final RecordingLogger logger;
        private final PrintStream err;
        private int printed;

        LogPrinter(RecordingLogger logger, PrintStream err) {
            this.logger = logger;
            this.err = err;
        }

        void printNewLines() {
            List<String> lines = logger.lines();
            // Each line starts with its level, "E! ".
            for (String line : lines.subList(printed, lines.size())) {
                err.println(line.substring(0, 3) + "[" + PLUGIN_ID + "] " + line.substring(3));
            }
            printed = lines.size();
            err.flush();
        }
    }
}
