package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something of the machine (root, a command) skip loudly where it is missing,
 * and fail in CI ({@code CI=true}), where every prerequisite must be installed.
 */
final class Prerequisites {
    private Prerequisites() {
    }

    static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "PREREQUISITE MISSING, test not run: " + what;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: every prerequisite must be installed by .ci/install-prerequisites)");
        }
        System.err.println("WARNING: " + message);
        Assumptions.abort(message);
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean hasCommand(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (new java.io.File(folder, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
