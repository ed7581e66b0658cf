package io.jtelegraf.agent.cli;

import io.jtelegraf.spi.Logger;

/**
 * The warning Telegraf (since 1.38) logs at start-up when neither {@code --strict-env-handling}
 * nor {@code --non-strict-env-handling} is given: a configuration written for the old, textual
 * substitution (an unquoted {@code port = ${PORT}}) now fails to parse, and the operator should
 * learn why and which flag restores the old behaviour. It goes to the log (stderr or logfile),
 * never to stdout, so {@code --test} and {@code config} output stay clean.
 */
final class EnvHandlingWarning {
    static final String TEXT = "Strict environment variable handling is the default: ${VAR} is replaced inside"
            + " string values only, so an unquoted ${VAR} is a TOML syntax error. Add --non-strict-env-handling to"
            + " replace variables in the whole file text first (Telegraf before 1.38), or --strict-env-handling to"
            + " keep the default without this warning";

    private EnvHandlingWarning() {
    }

    static void logIfDefaulted(RunOptions options, Logger logger) {
        if (options.envHandlingDefaulted()) {
            logger.warn(TEXT);
        }
    }
}
