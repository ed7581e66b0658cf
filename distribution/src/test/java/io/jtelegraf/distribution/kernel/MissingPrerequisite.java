package io.jtelegraf.distribution.kernel;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a real-kernel test does when something it needs is missing: on a developer machine it
 * skips with the reason printed where nobody can overlook it; under {@code CI=true} it fails,
 * because there a skipped real-kernel test would hide a broken set-up.
 */
final class MissingPrerequisite {

    private MissingPrerequisite() {
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or, under CI=true, fails) the current test with {@code reason}. */
    static void skipOrFail(String reason) {
        String message = "REAL-KERNEL IPVS TEST NOT RUN: " + reason;
        if (onCi()) {
            Assertions.fail(message + " (CI=true, so this is a failure)");
        }
        System.err.println("\n*** " + message + " ***\n");
        Assumptions.abort(message);
    }
}
