package io.jtelegraf.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.filter.FilterSpec;
import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.agent.testing.RecordingLogger;
import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunningInputTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:09.600Z");

    private final ManualEngineClock clock = new ManualEngineClock(NOW);
    private final SelfStats stats = new SelfStats();
    private final RecordingLogger logger = new RecordingLogger();
    private final List<Metric> sent = new ArrayList<>();

    private static FilterSpec filter(List<String> namePass, Map<String, List<String>> tagPass, List<String> fieldExclude,
                                     List<String> tagExclude) {
        return new FilterSpec(namePass, "", List.of(), "", tagPass, Map.of(), List.of(), fieldExclude, List.of(),
                tagExclude);
    }

    private static InputSettings settings(String override, String prefix, String suffix, Map<String, String> tags,
                                          FilterSpec filter) {
        return new InputSettings("inputs.ipvs", Optional.empty(), Duration.ofSeconds(10), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, true, override, prefix, suffix, tags, filter);
    }

    private static AgentSettings agent(boolean alwaysLocal, boolean alwaysGlobal) {
        AgentSettings d = AgentSettings.defaults("h");
        return new AgentSettings(d.interval(), d.roundInterval(), d.metricBatchSize(), d.metricBufferLimit(),
                d.collectionJitter(), d.collectionOffset(), d.flushInterval(), d.flushJitter(), d.precision(), d.debug(),
                d.quiet(), d.logfile(), d.logfileRotationInterval(), d.logfileRotationMaxSize(),
                d.logfileRotationMaxArchives(), d.logWithTimezone(), d.hostname(), d.omitHostname(), alwaysLocal,
                alwaysGlobal, d.bufferStrategy(), d.bufferDirectory(), Map.of("host", "h", "region", "eu"));
    }

    private Accumulator accumulator(InputSettings settings, AgentSettings agent) {
        RunningInput input = new RunningInput(acc -> { }, settings, agent, logger,
                stats.registerInput("ipvs", Optional.empty()), clock);
        return input.gatherAccumulator(sent::add);
    }

    @Test
    void timestampIsTheCallTimeRoundedToTheDerivedPrecision() {
        accumulator(settings("", "", "", Map.of(), FilterSpec.NONE), agent(false, false))
                .addFields("m", Map.of("v", 1L), Map.of());
        assertThat(sent.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-26T12:00:10Z").getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void addMetricRoundsTheMetricsOwnTime() {
        long time = Instant.parse("2026-11-26T11:00:00.400Z").toEpochMilli() * 1_000_000L;
        accumulator(settings("", "", "", Map.of(), FilterSpec.NONE), agent(false, false))
                .addMetric(Metric.builder("m").field("v", 1L).time(time).build());
        assertThat(sent.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z").getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void explicitPrecisionWins() {
        InputSettings settings = new InputSettings("inputs.ipvs", Optional.empty(), Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ZERO, Duration.ZERO, true, "", "", "", Map.of(), FilterSpec.NONE);
        accumulator(settings, agent(false, false)).addFields("m", Map.of("v", 1L), Map.of(), 1_234_567_891L);
        assertThat(sent.get(0).timestamp()).isEqualTo(1_200_000_000L);
    }

    @Test
    void renameAppliesOverrideThenPrefixThenSuffix() {
        accumulator(settings("new", "a_", "_z", Map.of(), FilterSpec.NONE), agent(false, false))
                .addFields("old", Map.of("v", 1L), Map.of());
        assertThat(sent.get(0).name()).isEqualTo("a_new_z");
    }

    @Test
    void namepassSeesTheNameBeforeRenaming() {
        Accumulator acc = accumulator(settings("", "p_", "", Map.of(), filter(List.of("ipvs*"), Map.of(), List.of(),
                List.of())), agent(false, false));
        acc.addFields("ipvs_virtual_server", Map.of("v", 1L), Map.of());
        acc.addFields("p_other", Map.of("v", 1L), Map.of());
        assertThat(sent).extracting(Metric::name).containsExactly("p_ipvs_virtual_server");
    }

    @Test
    void tagpassSeesOnlyThePluginsOwnTags() {
        Accumulator acc = accumulator(settings("", "", "", Map.of("dc", "x"),
                filter(List.of(), Map.of("dc", List.of("x"), "host", List.of("h")), List.of(), List.of())),
                agent(false, false));
        acc.addFields("without", Map.of("v", 1L), Map.of());
        acc.addFields("with", Map.of("v", 1L), Map.of("dc", "x"));
        assertThat(sent).extracting(Metric::name).containsExactly("with");
    }

    @Test
    void pluginTagsThenGlobalTagsNeverOverwrite() {
        accumulator(settings("", "", "", Map.of("proto", "from-tags", "dc", "x", "region", "from-tags"), FilterSpec.NONE),
                agent(false, false)).addFields("m", Map.of("v", 1L), Map.of("proto", "tcp"));
        assertThat(sent.get(0).tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("proto", "tcp", "dc", "x", "region", "from-tags", "host", "h"));
    }

    @Test
    void modifiersRunAfterTagsAndCanStripHost() {
        accumulator(settings("", "", "", Map.of("dc", "x"), filter(List.of(), Map.of(), List.of(), List.of("host", "dc"))),
                agent(false, false)).addFields("m", Map.of("v", 1L), Map.of());
        assertThat(sent.get(0).tags()).containsOnlyKeys("region");
    }

    @Test
    void alwaysIncludeFlagsReAddStrippedTags() {
        FilterSpec stripAll = filter(List.of(), Map.of(), List.of(), List.of("*"));
        accumulator(settings("", "", "", Map.of("dc", "x"), stripAll), agent(true, false))
                .addFields("local", Map.of("v", 1L), Map.of("proto", "tcp"));
        accumulator(settings("", "", "", Map.of("dc", "x"), stripAll), agent(false, true))
                .addFields("global", Map.of("v", 1L), Map.of("proto", "tcp"));
        assertThat(sent.get(0).tags()).containsOnlyKeys("dc");
        assertThat(sent.get(1).tags()).containsOnlyKeys("host", "region");
    }

    @Test
    void metricWithoutFieldsAfterModifiersIsDroppedAndNotCounted() {
        Accumulator acc = accumulator(settings("", "", "", Map.of(), filter(List.of(), Map.of(), List.of("v"), List.of())),
                agent(false, false));
        acc.addFields("m", Map.of("v", 1L), Map.of());
        acc.addFields("kept", Map.of("v", 1L, "w", 2L), Map.of());
        assertThat(sent).extracting(Metric::name).containsExactly("kept");
        assertThat(sent.get(0).fields()).containsOnlyKeys("w");
        assertThat(stats.agent().metricsGathered()).isEqualTo(1);
        assertThat(stats.inputs().get(0).metricsGathered()).isEqualTo(1);
    }

    @Test
    void addErrorLogsWithoutCountingAGatherError() {
        accumulator(settings("", "", "", Map.of(), FilterSpec.NONE), agent(false, false))
                .addError(new IllegalStateException("netlink: permission denied"));
        assertThat(logger.lines()).containsExactly("E! Error in plugin: netlink: permission denied");
        assertThat(stats.inputs().get(0).gatherErrors()).isZero();
    }

    @Test
    void gatherErrorIsLoggedAndCounted() {
        Input failing = acc -> {
            throw new java.io.IOException("socket closed");
        };
        RunningInput input = new RunningInput(failing, settings("", "", "", Map.of(), FilterSpec.NONE),
                agent(false, false), logger, stats.registerInput("ipvs", Optional.empty()), clock);
        Exception error = input.gather(input.gatherAccumulator(sent::add));
        assertThat(error).hasMessage("socket closed");
        assertThat(logger.lines()).containsExactly("E! Error in plugin: socket closed");
        assertThat(input.stats().gatherErrors()).isEqualTo(1);
    }

    @Test
    void unsupportedFieldValueIsReportedAsAPluginError() {
        accumulator(settings("", "", "", Map.of(), FilterSpec.NONE), agent(false, false))
                .addFields("m", Map.of("v", new Object()), Map.of());
        assertThat(sent).isEmpty();
        assertThat(logger.lines()).singleElement().asString().startsWith("E! Error in plugin: field v");
    }
}
