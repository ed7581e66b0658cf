package io.jtelegraf.distribution.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files one run inside the guest left behind (see umlh_compare_run in uml/lib/guest-lib.sh):
 * stdout, stderr, rc, and for compared runs the ipvsadm snapshots before.* and after.* plus
 * attempts (how often the run was repeated until the counters stood still).
 */
final class GuestRun {
    private final Path dir;

    GuestRun(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    boolean exists() {
        return Files.isRegularFile(dir.resolve("rc"));
    }

    int exitStatus() {
        return Integer.parseInt(read("rc").trim());
    }

    List<String> stdoutLines() {
        return readLines("stdout");
    }

    String stderr() {
        return read("stderr");
    }

    /** The plugin's metrics in stdout (line protocol, also with the {@code > } prefix of --test). */
    List<ParsedMetric> metrics() {
        return LineProtocolParser.parseAll(stdoutLines(), "ipvs_");
    }

    IpvsadmSnapshot before() {
        return IpvsadmTextParser.read(dir.resolve("before"));
    }

    IpvsadmSnapshot after() {
        return IpvsadmTextParser.read(dir.resolve("after"));
    }

    /** Whether the last attempt saw equal counters and connection counts before and after. */
    boolean stable() {
        return read("attempts").contains("stable=true");
    }

    String attempts() {
        return read("attempts").trim().replace('\n', ' ');
    }

    /** A short account of the run for assertion messages. */
    String describe() {
        return dir + " (" + (Files.exists(dir.resolve("attempts")) ? attempts() + ", " : "") + "exit "
                + (exists() ? read("rc").trim() : "?") + ")\nstderr:\n" + (Files.exists(dir.resolve("stderr")) ? stderr() : "");
    }

    String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("the guest did not write " + dir.resolve(name), e);
        }
    }

    List<String> readLines(String name) {
        try {
            return Files.readAllLines(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("the guest did not write " + dir.resolve(name), e);
        }
    }
}
