package io.jtelegraf.agent.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration, found through {@code META-INF/services}: Telegraf lines at info
 * level on stderr, so nothing is logged to stdout (which {@code --test} reserves for metrics) and
 * no {@code logback.xml} on the class path can change the format. {@link AgentLogging#configure}
 * replaces it once the {@code [agent]} table is read.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class DefaultLogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        AgentLogging.apply(context, LogSettings.defaults(), null);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
