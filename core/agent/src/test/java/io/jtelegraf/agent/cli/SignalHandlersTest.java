package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.logging.LogSettings;
import io.jtelegraf.agent.runtime.Agent;
import io.jtelegraf.agent.runtime.AgentBuilder;
import io.jtelegraf.agent.runtime.AgentSettings;
import io.jtelegraf.agent.testing.RecordingLogger;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The signal logic without signals: stop and reload requests against agents that run, and
 * requests that arrive while no agent is attached (during start-up or a reload) and must not be
 * lost. The JVM's own signal delivery is tested end to end with the real binary.
 */
class SignalHandlersTest {
    private static final long WAIT_SECONDS = 20;

    private final SignalHandlers handlers = new SignalHandlers();
    private final RecordingLogger logger = new RecordingLogger();

    @Test
    void aStopEndsTheAttachedAgentAndIsNoReload() throws Exception {
        RunningAgent agent = RunningAgent.start();
        handlers.attach(agent.agent, logger);

        handlers.requestStop();

        assertThat(agent.awaitEnd()).as("the agent stopped").isTrue();
        assertThat(handlers.takeReloadRequest()).isFalse();
    }

    @Test
    void aReloadEndsTheAttachedAgentAfterLoggingIt() throws Exception {
        RunningAgent agent = RunningAgent.start();
        handlers.attach(agent.agent, logger);

        handlers.requestReload();

        assertThat(agent.awaitEnd()).isTrue();
        assertThat(handlers.takeReloadRequest()).isTrue();
        assertThat(logger.lines()).containsExactly("I! Reloading jtelegraf config");
    }

    @Test
    void theAgentAfterAReloadRunsUntilTheNextSignal() throws Exception {
        RunningAgent first = RunningAgent.start();
        handlers.attach(first.agent, logger);
        handlers.requestReload();
        first.awaitEnd();
        handlers.takeReloadRequest();

        RunningAgent second = RunningAgent.start();
        handlers.attach(second.agent, logger);

        assertThat(second.thread.isAlive()).as("a consumed reload does not stop the next agent").isTrue();
        handlers.requestStop();
        assertThat(second.awaitEnd()).isTrue();
        assertThat(handlers.takeReloadRequest()).isFalse();
    }

    @Test
    void aStopDuringStartUpStopsTheAgentAsSoonAsItIsAttached() throws Exception {
        handlers.requestStop();
        RunningAgent agent = RunningAgent.start();

        handlers.attach(agent.agent, logger);

        assertThat(agent.awaitEnd()).isTrue();
        assertThat(handlers.takeReloadRequest()).isFalse();
    }

    @Test
    void aReloadDuringStartUpReloadsOnceTheAgentIsAttached() throws Exception {
        handlers.requestReload();
        RunningAgent agent = RunningAgent.start();

        handlers.attach(agent.agent, logger);

        assertThat(agent.awaitEnd()).isTrue();
        assertThat(handlers.takeReloadRequest()).isTrue();
    }

    @Test
    void aStopAfterAReloadWins() throws Exception {
        RunningAgent agent = RunningAgent.start();
        handlers.attach(agent.agent, logger);

        handlers.requestReload();
        handlers.requestStop();

        assertThat(agent.awaitEnd()).isTrue();
        assertThat(handlers.takeReloadRequest()).isFalse();
    }

    @Test
    void aReloadAfterAStopIsIgnored() throws Exception {
        RunningAgent agent = RunningAgent.start();
        handlers.attach(agent.agent, logger);

        handlers.requestStop();
        handlers.requestReload();

        assertThat(agent.awaitEnd()).isTrue();
        assertThat(handlers.takeReloadRequest()).isFalse();
        assertThat(logger.lines()).isEmpty();
    }

    /** An agent without plugins, running {@link Agent#run()} on a thread of its own. */
    private record RunningAgent(Agent agent, Thread thread) {
        static RunningAgent start() {
            AgentLogging logging = AgentLogging.configure(LogSettings.defaults(), OutputStream.nullOutputStream());
            Agent agent = new AgentBuilder(AgentSettings.defaults("h"), logging).build();
            Thread thread = new Thread(() -> {
                try {
                    agent.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "agent under test");
            thread.setDaemon(true);
            thread.start();
            return new RunningAgent(agent, thread);
        }

        boolean awaitEnd() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            return !thread.isAlive();
        }
    }
}
