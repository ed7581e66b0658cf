package io.jtelegraf.testkit.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RealServerPrerequisitesTest {
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @Test
    void anInstalledBinaryIsReturned() {
        Path shell = Path.of("/bin/sh");
        assertThat(RealServerPrerequisites.requireExecutable(shell, "dash")).isEqualTo(shell);
    }

    @Test
    void aMissingBinarySkipsLocallyAndFailsUnderCi() {
        Throwable thrown = catchThrowable(() ->
                RealServerPrerequisites.requireExecutable(Path.of("/nonexistent/jtelegraf-server"), "some-package"));

        assertThat(thrown).isInstanceOf(CI ? AssertionFailedError.class : TestAbortedException.class)
                .hasMessageContaining("/nonexistent/jtelegraf-server")
                .hasMessageContaining("apt-get install -y some-package");
    }
}
