package io.jtelegraf.agent.cli;

/**
 * A command line the parser cannot accept: an unknown flag or word, a missing or malformed
 * value. The message is one line for the user; {@link CommandLineParser} adds which command's
 * help to read.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
