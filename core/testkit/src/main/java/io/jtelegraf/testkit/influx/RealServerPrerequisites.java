package io.jtelegraf.testkit.influx;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What happens when a real server binary a test needs is missing: on a developer machine the test
 * is skipped with a loud message naming the binary and the Debian package to install; when the
 * environment variable {@code CI=true} (any case) it fails instead, because CI must run every test.
 * Call it from the test thread (it throws JUnit's abort or failure exceptions).
 */
public final class RealServerPrerequisites {
    private RealServerPrerequisites() {
    }

    /**
     * Returns {@code binary} when it is executable; otherwise skips the test, or fails it under
     * {@code CI=true}.
     *
     * @param binary the absolute path of the server binary, e.g. {@code /usr/bin/influxd}
     * @param debianPackage the package that installs it, named in the message
     */
    public static Path requireExecutable(Path binary, String debianPackage) {
        if (Files.isExecutable(binary)) {
            return binary;
        }
        String message = "PREREQUISITE MISSING, test not run: " + binary + " is missing; install it with"
                + " 'apt-get install -y " + debianPackage + "'";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: every prerequisite must be installed)");
        }
        System.err.println("WARNING: " + message);
        Assumptions.abort(message);
        return binary;
    }
}
