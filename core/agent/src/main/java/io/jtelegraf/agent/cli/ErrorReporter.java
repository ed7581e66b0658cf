package io.jtelegraf.agent.cli;

import io.jtelegraf.spi.ConfigException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Prints the error that ends the process the way Telegraf's main does: one line in the log
 * layout of spec 4.7, {@code <time> E! [jtelegraf] <message>}, on stderr (Telegraf's source is
 * {@code [telegraf]}). Expected problems (bad config, missing plugin, a failed run) are reported
 * by their message alone; only an unexpected failure adds its stack trace, after the readable
 * line.
 */
final class ErrorReporter {
    static final String SOURCE = "jtelegraf";

    private ErrorReporter() {
    }

    static void report(String message) {
        System.err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " E! [" + SOURCE + "] " + message);
    }

    static void report(Exception error) {
        if (error instanceof ConfigException || error instanceof AgentFailure) {
            report(error.getMessage());
            return;
        }
        report(error.getClass().getSimpleName() + ": " + error.getMessage());
        error.printStackTrace(System.err);
    }
}
