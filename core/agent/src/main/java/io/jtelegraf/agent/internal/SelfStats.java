package io.jtelegraf.agent.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's self-statistics: one {@link AgentStats} and a {@link InputStats} or
 * {@link OutputStats} per plugin instance, read by {@code [[inputs.internal]]}. One registry per
 * agent run (a reload starts a fresh one, as Telegraf's counters restart with the new plugins).
 *
 * <p>Threading: registration and reads are safe from any thread.
 */
public final class SelfStats {
    private final AgentStats agent = new AgentStats();
    private final List<InputStats> inputs = new CopyOnWriteArrayList<>();
    private final List<OutputStats> outputs = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public AgentStats agent() {
        return agent;
    }

    /** Registers an input instance; {@code input} is the name without section, e.g. {@code ipvs}. */
    public InputStats registerInput(String input, Optional<String> alias) {
        InputStats stats = new InputStats(input, alias, ids.incrementAndGet(), agent);
        inputs.add(stats);
        return stats;
    }

    /** Registers an output instance; {@code output} is the name without section. */
    public OutputStats registerOutput(String output, Optional<String> alias) {
        OutputStats stats = new OutputStats(output, alias, ids.incrementAndGet(), agent);
        outputs.add(stats);
        return stats;
    }

    /** The registered inputs in registration order. */
    public List<InputStats> inputs() {
        return List.copyOf(inputs);
    }

    /** The registered outputs in registration order. */
    public List<OutputStats> outputs() {
        return List.copyOf(outputs);
    }
}
