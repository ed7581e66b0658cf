package io.jtelegraf.agent.cli;

import io.jtelegraf.spi.ConfigException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Prints the error that ends the process the way Telegraf's main does: one line
 * {@code <time> E! <message>} on stderr. Expected problems (bad config, missing plugin) are
 * reported by their message alone; only an unexpected failure adds its stack trace, after the
 * readable line.
 */
final class ErrorReporter {
    private ErrorReporter() {
    }

    static void report(String message) {
        System.err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " E! " + message);
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
