package io.jtelegraf.outputs.influxdb.realserver;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides what happens when a real server binary is missing: a loud skip on a developer machine,
 * a failure when {@code CI=true} (CI must run every test).
 */
final class Prerequisites {
    private Prerequisites() {
    }

    /** The binary's path; skips (or fails under CI) when it is not installed. */
    static Path requireBinary(String path, String debianPackage) {
        Path binary = Path.of(path);
        if (Files.isExecutable(binary)) {
            return binary;
        }
        String message = "REAL-SERVER TEST NOT RUN: " + path + " is missing; install it with "
                + "'apt-get install -y " + debianPackage + "'";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: missing prerequisites are failures)");
        }
        System.err.println("!!! " + message);
        Assumptions.abort(message);
        return binary;
    }
}
