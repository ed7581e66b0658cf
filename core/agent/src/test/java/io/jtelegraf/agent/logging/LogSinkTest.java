package io.jtelegraf.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LogSinkTest {
    private static final String LINE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ I! \\[inputs.t\\d\\] line \\d+ of thread \\d";

    @Test
    void linesFromManyThreadsStayWhole() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Unbuffered byte by byte: interleaving would show if a line were not written under one lock.
        OutputStream byteByByte = new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }
        };
        LogSink sink = LogSink.to(byteByByte, false, ZoneOffset.UTC);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    sink.write(LogLevel.INFO, "inputs.t" + thread, "line " + i + " of thread " + thread, null);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1200).allMatch(line -> line.matches(LINE));
    }

    @Test
    void aLineTheFileRefusesGoesToTheFallbackAndTheNextOneTriesTheFileAgain() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        AtomicBoolean full = new AtomicBoolean(true);
        OutputStream disk = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (full.get()) {
                    throw new IOException("No space left on device");
                }
                file.write(b);
            }
        };
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        LogSink sink = LogSink.to(disk, true, ZoneOffset.UTC, new PrintStream(stderr, true, StandardCharsets.UTF_8));
        sink.write(LogLevel.ERROR, "outputs.file", "first", null);
        full.set(false);
        sink.write(LogLevel.WARN, "outputs.file", "second", new IOException("cause"));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).endsWith("E! [outputs.file] first\n");
        assertThat(file.toString(StandardCharsets.UTF_8)).endsWith("W! [outputs.file] second: cause\n");
    }

    @Test
    void closeClosesOnlyAStreamTheSinkOwns() {
        AtomicBoolean closed = new AtomicBoolean();
        OutputStream stream = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        LogSink.to(stream, false, ZoneOffset.UTC).close();
        assertThat(closed).isFalse();
        LogSink.to(stream, true, ZoneOffset.UTC).close();
        assertThat(closed).isTrue();
    }
}
