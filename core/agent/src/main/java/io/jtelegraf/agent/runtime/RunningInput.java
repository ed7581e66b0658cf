package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.filter.MetricFilter;
import io.jtelegraf.agent.internal.InputStats;
import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.DefaultTags;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.ServiceInput;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One input instance with everything Telegraf's {@code RunningInput} adds around the plugin:
 * precision, filters, renaming, plugin and global tags, and self-statistics. Applies the
 * input-side order of spec 2.4 to every metric:
 * <ol>
 *   <li>round the time (done by the accumulator),</li>
 *   <li>selectors on the metric as produced,</li>
 *   <li>rename: override, prefix, suffix,</li>
 *   <li>plugin tags, then global tags (host included), never overwriting,</li>
 *   <li>modifiers,</li>
 *   <li>drop a metric without fields,</li>
 *   <li>re-add local/global tags for {@code always_include_*},</li>
 *   <li>count {@code metrics_gathered} and pass it on.</li>
 * </ol>
 * {@code time_source} is not supported (InputSettings does not carry it).
 *
 * <p>Threading: safe from any thread; holds no mutable state besides the plugin's.
 */
public final class RunningInput {
    private final Input input;
    private final InputSettings settings;
    private final Logger logger;
    private final InputStats stats;
    private final EngineClock clock;
    private final MetricFilter filter;
    private final Map<String, String> globalTags;
    private final boolean alwaysIncludeLocalTags;
    private final boolean alwaysIncludeGlobalTags;
    private final Duration precision;
    /** Whether name_override, name_prefix or name_suffix is set; most inputs keep their names. */
    private final boolean renames;
    /**
     * The plugin tags, then the global tags whose keys the plugin tags do not have: what step 4
     * adds. Without renames and modifiers that is all the pipeline changes besides the time, so
     * a metric is derived in one step that shares its fields and (per shape) its tag keys.
     */
    private final DefaultTags addedTags;
    private final boolean onlyAddsTags;

    /**
     * @param agent the agent settings, for global tags, always_include_* and the agent precision
     * @param logger the plugin's logger (source {@code inputs.<name>[::alias]})
     * @throws IllegalArgumentException when a filter pattern is invalid
     */
    public RunningInput(Input input, InputSettings settings, AgentSettings agent, Logger logger, InputStats stats,
                        EngineClock clock) {
        this.input = input;
        this.settings = settings;
        this.renames = !settings.nameOverride().isEmpty() || !settings.namePrefix().isEmpty()
                || !settings.nameSuffix().isEmpty();
        this.logger = logger;
        this.stats = stats;
        this.clock = clock;
        this.filter = MetricFilter.compile(settings.filter());
        this.globalTags = agent.globalTags();
        this.alwaysIncludeLocalTags = agent.alwaysIncludeLocalTags();
        this.alwaysIncludeGlobalTags = agent.alwaysIncludeGlobalTags();
        Duration configured = settings.precision().isZero() ? agent.precision() : settings.precision();
        this.precision = TimeGrid.effectivePrecision(configured, settings.interval());
        Map<String, String> added = new LinkedHashMap<>(settings.tags());
        for (Map.Entry<String, String> tag : globalTags.entrySet()) {
            added.putIfAbsent(tag.getKey(), tag.getValue());
        }
        this.addedTags = DefaultTags.of(added);
        // always_include_* re-adds tags only modifiers could have removed.
        this.onlyAddsTags = !renames && !filter.hasModifiers();
    }

    /** {@code inputs.ipvs} or {@code inputs.ipvs::alias}. */
    public String logName() {
        return settings.logName();
    }

    public InputSettings settings() {
        return settings;
    }

    public Input plugin() {
        return input;
    }

    public InputStats stats() {
        return stats;
    }

    Logger logger() {
        return logger;
    }

    boolean isService() {
        return input instanceof ServiceInput;
    }

    /** The precision gathers are rounded to: plugin, else agent, else derived from the interval. */
    Duration precision() {
        return precision;
    }

    /** The accumulator for {@code gather}. */
    Accumulator gatherAccumulator(MetricSink sink) {
        return new InputAccumulator(this, new TimeGrid(precision), clock, sink);
    }

    /**
     * The accumulator for {@code ServiceInput.start}: nanosecond precision unless the input sets
     * {@code precision}; always nanoseconds in test and once mode (spec 4.4).
     */
    Accumulator serviceAccumulator(MetricSink sink, boolean testOrOnce) {
        Duration startPrecision = testOrOnce || settings.precision().isZero() ? Duration.ofNanos(1) : settings.precision();
        return new InputAccumulator(this, new TimeGrid(startPrecision), clock, sink);
    }

    /**
     * Runs one gather, timing it for {@code gather_time_ns}.
     *
     * @return the error the gather ended with, or null; it is already logged and counted
     */
    Exception gather(Accumulator accumulator) {
        long start = System.nanoTime();
        try {
            input.gather(accumulator);
            return null;
        } catch (Exception e) {
            stats.gatherFailed();
            logPluginError(e);
            return e;
        } finally {
            stats.gatherTook(System.nanoTime() - start);
        }
    }

    /** Logs {@code Error in plugin: <message>} on the plugin's logger. */
    void logPluginError(Throwable error) {
        logger.error("Error in plugin: " + describe(error));
    }

    static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getName();
    }

    /**
     * Steps 2 to 9 of the input pipeline; {@code roundedTime} is the metric's time already
     * rounded to the precision (step 1), set on the one metric the pipeline derives anyway.
     * Without renames and modifiers, steps 3, 5 and 7 change nothing, and step 4 is one
     * {@link Metric#withTimeAndDefaultTags} (a metric's own tags win over plugin tags, which win
     * over global tags, as adding them in that order without overwriting does).
     */
    void process(Metric produced, long roundedTime, MetricSink sink) {
        if (!filter.select(produced)) {
            return;
        }
        if (onlyAddsTags) {
            if (produced.fieldCount() > 0) {
                stats.metricGathered();
                sink.accept(produced.withTimeAndDefaultTags(roundedTime, addedTags));
            }
            return;
        }
        Metric.Builder metric = produced.toBuilder().time(roundedTime);
        if (renames) {
            String base = settings.nameOverride().isEmpty() ? produced.name() : settings.nameOverride();
            metric.name(settings.namePrefix() + base + settings.nameSuffix());
        }
        settings.tags().forEach(metric::tagIfAbsent);
        globalTags.forEach(metric::tagIfAbsent);
        filter.modify(metric);
        if (metric.fieldCount() == 0) {
            return;
        }
        if (alwaysIncludeLocalTags) {
            settings.tags().forEach(metric::tagIfAbsent);
        }
        if (alwaysIncludeGlobalTags) {
            globalTags.forEach(metric::tagIfAbsent);
        }
        stats.metricGathered();
        sink.accept(metric.build());
    }

    /** Closes the plugin, logging instead of throwing. */
    void close() {
        try {
            input.close();
        } catch (RuntimeException e) {
            logger.error("Closing failed: " + describe(e));
        }
    }
}
