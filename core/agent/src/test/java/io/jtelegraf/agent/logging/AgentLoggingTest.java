package io.jtelegraf.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.agent.runtime.AgentSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentLoggingTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void restoreDefaults() {
        AgentLogging.configure(LogSettings.defaults());
    }

    private static LogSettings level(LogLevel level, ZoneId zone) {
        return new LogSettings(level, "", Duration.ZERO, 0, 5, zone);
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesHaveTelegrafsLayout() {
        AgentLogging logging = AgentLogging.configure(LogSettings.defaults(), out);
        logging.logger("inputs.ipvs::lb").error("Error in plugin: boom");
        logging.logger("agent").warn("careful");
        assertThat(text()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ E! \\[inputs.ipvs::lb\\] Error in plugin: boom\n"
                + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ W! \\[agent\\] careful\n");
    }

    @Test
    void causeIsAppendedAsAMessageNotAStackTrace() {
        AgentLogging.configure(LogSettings.defaults(), out).logger("outputs.x").error("write failed",
                new IllegalStateException("timeout"));
        assertThat(text()).endsWith("E! [outputs.x] write failed: timeout\n").doesNotContain("at io.");
    }

    @Test
    void infoLevelHidesDebug() {
        PluginLogger logger = AgentLogging.configure(LogSettings.defaults(), out).logger("agent");
        logger.debug("hidden");
        logger.info("shown");
        assertThat(text()).doesNotContain("hidden").contains("I! [agent] shown");
    }

    @Test
    void quietShowsErrorsOnlyAndDebugShowsDebug() {
        PluginLogger quiet = AgentLogging.configure(level(LogLevel.ERROR, ZoneOffset.UTC), out).logger("agent");
        quiet.warn("hidden");
        quiet.error("shown");
        PluginLogger debug = AgentLogging.configure(level(LogLevel.DEBUG, ZoneOffset.UTC), out).logger("agent");
        debug.debug("details");
        debug.trace("hidden too");
        assertThat(text()).doesNotContain("hidden").contains("E! [agent] shown", "D! [agent] details");
    }

    @Test
    void pluginLogLevelReplacesTheAgentLevel() {
        AgentLogging logging = AgentLogging.configure(LogSettings.defaults(), out);
        logging.logger("inputs.ipvs", Optional.of(LogLevel.TRACE), () -> { }).trace("very detailed");
        logging.logger("outputs.x", Optional.of(LogLevel.ERROR), () -> { }).warn("hidden");
        assertThat(text()).contains("T! [inputs.ipvs] very detailed").doesNotContain("hidden");
    }

    @Test
    void errorLinesAreCountedEvenWhenNotShown() {
        AtomicInteger listener = new AtomicInteger();
        PluginLogger logger = AgentLogging.configure(LogSettings.defaults(), out)
                .logger("inputs.ipvs", Optional.of(LogLevel.ERROR), listener::incrementAndGet);
        logger.error("one");
        logger.error("two", new RuntimeException("x"));
        logger.warn("not an error");
        assertThat(logger.errorLines()).isEqualTo(2);
        assertThat(listener.get()).isEqualTo(2);
    }

    @Test
    void aLoggerMadeBeforeAReloadWritesWhereTheNewSettingsSay() {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        PluginLogger logger = AgentLogging.configure(LogSettings.defaults(), before).logger("inputs.ipvs");
        AgentLogging.configure(LogSettings.defaults(), out);
        logger.warn("after the reload");
        assertThat(before.size()).isZero();
        assertThat(text()).endsWith("W! [inputs.ipvs] after the reload\n");
    }

    @Test
    void timezoneChangesTheOffset() {
        AgentLogging.configure(level(LogLevel.INFO, ZoneId.of("Asia/Kolkata")), out).logger("agent").info("x");
        assertThat(text()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+05:30 I! \\[agent\\] x\n");
    }

    @Test
    void settingsFollowTheAgentTableAndFlags() {
        AgentSettings agent = AgentSettings.defaults("h");
        assertThat(LogSettings.of(agent, false, false).level()).isEqualTo(LogLevel.INFO);
        assertThat(LogSettings.of(agent, false, true).level()).isEqualTo(LogLevel.ERROR);
        assertThat(LogSettings.of(agent, true, true).level()).isEqualTo(LogLevel.DEBUG);
        assertThat(LogSettings.of(agent, false, false).zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(LogSettings.zone("local")).isEqualTo(ZoneId.systemDefault());
        assertThatThrownBy(() -> LogSettings.zone("Mars/Olympus")).hasMessageContaining("log_with_timezone");
    }

    @Test
    void logfileIsCreatedInANewPrivateDirectoryAndAppendedTo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("logs/jtelegraf.log");
        LogSettings settings = new LogSettings(LogLevel.INFO, file.toString(), Duration.ZERO, 0, 5, ZoneOffset.UTC);
        AgentLogging.configure(settings).logger("agent").info("to the file");
        AgentLogging.configure(LogSettings.defaults());
        assertThat(java.nio.file.Files.readString(file)).endsWith("I! [agent] to the file\n");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file.getParent()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void logLevelNamesParse() {
        assertThat(LogLevel.parse("Debug")).isEqualTo(LogLevel.DEBUG);
        assertThatThrownBy(() -> LogLevel.parse("verbose")).hasMessageContaining("error, warn, info, debug or trace");
    }
}
