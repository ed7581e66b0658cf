package io.jtelegraf.agent.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Where the process's log lines go: stderr or the {@code logfile}, in Telegraf's layout and the
 * configured time zone. Each line is written whole and flushed, so lines from different threads
 * never interleave and nothing waits in a buffer when the process ends.
 *
 * <p>A line the file refuses (disk full, file removed under a read-only mount) goes to stderr
 * instead, so it is not lost; the next line tries the file again.
 *
 * <p>Threading: any thread may write; {@link #close} once, when a new sink replaces this one.
 */
final class LogSink {
    private final OutputStream out;
    private final boolean ownsStream;
    private final ZoneId zone;
    private final PrintStream fallback;

    private LogSink(OutputStream out, boolean ownsStream, ZoneId zone, PrintStream fallback) {
        this.out = out;
        this.ownsStream = ownsStream;
        this.zone = zone;
        this.fallback = fallback;
    }

    /** Lines to the stream that is {@code System.err} now (later replacements are not followed). */
    static LogSink stderr(ZoneId zone) {
        PrintStream err = System.err;
        return new LogSink(err, false, zone, err);
    }

    /** Lines to {@code out}, which {@link #close} closes when {@code owned}. */
    static LogSink to(OutputStream out, boolean owned, ZoneId zone) {
        return to(out, owned, zone, System.err);
    }

    /** Like {@link #to(OutputStream, boolean, ZoneId)}, with the stream for lines {@code out} refuses. */
    static LogSink to(OutputStream out, boolean owned, ZoneId zone, PrintStream fallback) {
        return new LogSink(out, owned, zone, fallback);
    }

    void write(LogLevel level, String source, String message, Throwable cause) {
        byte[] line = TelegrafLineLayout.format(System.currentTimeMillis(), zone, level, source, message, cause)
                .getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                fallback.write(line, 0, line.length);
                fallback.flush();
            }
        }
    }

    /** Closes a stream this sink owns (the logfile); stderr and callers' streams stay open. */
    synchronized void close() {
        if (!ownsStream) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            fallback.println("logging: closing the previous logfile failed: " + e.getMessage());
        }
    }
}
