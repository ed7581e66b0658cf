package io.jtelegraf.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.spi.Accumulator;
import io.jtelegraf.spi.FieldType;
import io.jtelegraf.spi.Metric;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InternalInputTest {
    private final SelfStats stats = new SelfStats();
    private final List<Metric> metrics = new ArrayList<>();
    private final Accumulator accumulator = new Accumulator() {
        @Override
        public void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags) {
            metrics.add(Metric.builder(measurement).tags(tags).fields(fields).time(0).build());
        }

        @Override
        public void addFields(String measurement, Map<String, ?> fields, Map<String, String> tags, long time) {
            addFields(measurement, fields, tags);
        }

        @Override
        public void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags) {
            addFields(measurement, fields, tags);
        }

        @Override
        public void addGauge(String measurement, Map<String, ?> fields, Map<String, String> tags, long time) {
            addFields(measurement, fields, tags);
        }

        @Override
        public void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags) {
            addFields(measurement, fields, tags);
        }

        @Override
        public void addCounter(String measurement, Map<String, ?> fields, Map<String, String> tags, long time) {
            addFields(measurement, fields, tags);
        }

        @Override
        public void addMetric(Metric metric) {
            metrics.add(metric);
        }

        @Override
        public void addError(Throwable error) {
            throw new AssertionError(error);
        }
    };

    private List<Metric> named(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).toList();
    }

    private static long field(Metric metric, String key) {
        return metric.longValue(metric.fieldIndex(key));
    }

    @Test
    void reportsAgentGatherAndWriteCounters() {
        InputStats ipvs = stats.registerInput("ipvs", Optional.empty());
        ipvs.metricGathered();
        ipvs.metricGathered();
        ipvs.errorLogged();
        ipvs.gatherFailed();
        ipvs.gatherTimedOut();
        ipvs.gatherTook(100);
        ipvs.gatherTook(300);
        OutputStats influx = stats.registerOutput("influxdb", Optional.of("main"));
        influx.bindBuffer(10000, () -> 7);
        influx.metricsAdded(5);
        influx.metricsWritten(3);
        influx.metricsDropped(1);
        influx.metricsRejected(1);
        influx.metricFiltered();
        influx.writeFailed();
        influx.writeTook(50);

        new InternalInput(stats, "0.1.0", false, false, new JvmMemStats()).gather(accumulator);

        Metric agent = named("internal_agent").get(0);
        assertThat(agent.tags()).isEqualTo(Map.of("version", "0.1.0"));
        assertThat(field(agent, "metrics_gathered")).isEqualTo(2);
        assertThat(field(agent, "gather_errors")).isEqualTo(1);
        assertThat(field(agent, "gather_timeouts")).isEqualTo(1);
        assertThat(field(agent, "metrics_written")).isEqualTo(3);
        assertThat(field(agent, "metrics_dropped")).isEqualTo(1);
        assertThat(field(agent, "metrics_rejected")).isEqualTo(1);
        assertThat(field(agent, "write_errors")).isEqualTo(1);

        Metric gather = named("internal_gather").get(0);
        assertThat(gather.tags()).isEqualTo(Map.of("input", "ipvs", "version", "0.1.0"));
        assertThat(field(gather, "gather_time_ns")).as("average since the last read").isEqualTo(200);
        assertThat(field(gather, "errors")).isEqualTo(1);
        assertThat(field(gather, "gather_errors")).isEqualTo(1);
        assertThat(field(gather, "metrics_gathered")).isEqualTo(2);

        Metric write = named("internal_write").get(0);
        assertThat(write.tags()).isEqualTo(Map.of("output", "influxdb", "alias", "main", "version", "0.1.0"));
        assertThat(write.fields()).containsEntry("buffer_limit", 10000L).containsEntry("buffer_size", 7L)
                .containsEntry("metrics_added", 5L).containsEntry("metrics_filtered", 1L)
                .containsEntry("write_time_ns", 50L).containsKeys("errors", "startup_errors", "write_errors");
        assertThat(named("internal_memstats")).isEmpty();

        metrics.clear();
        new InternalInput(stats, "0.1.0", false, false, new JvmMemStats()).gather(accumulator);
        assertThat(field(named("internal_gather").get(0), "gather_time_ns")).as("reset after reading").isZero();
    }

    @Test
    void instancesOfOnePluginAreSummedUnlessPerInstance() {
        stats.registerInput("ipvs", Optional.empty()).metricGathered();
        stats.registerInput("ipvs", Optional.empty()).metricGathered();
        new InternalInput(stats, "0.1.0", false, false, new JvmMemStats()).gather(accumulator);
        assertThat(named("internal_gather")).singleElement()
                .satisfies(m -> assertThat(field(m, "metrics_gathered")).isEqualTo(2));

        metrics.clear();
        new InternalInput(stats, "0.1.0", false, true, new JvmMemStats()).gather(accumulator);
        assertThat(named("internal_gather")).hasSize(2).allSatisfy(m -> {
            assertThat(m.tags()).containsKey("_id");
            assertThat(field(m, "metrics_gathered")).isEqualTo(1);
        });
    }

    @Test
    void memstatsAreUnsignedJvmValues() {
        new InternalInput(stats, "0.1.0", true, false, new JvmMemStats()).gather(accumulator);
        Metric memstats = named("internal_memstats").get(0);
        assertThat(memstats.fields()).containsOnlyKeys("alloc_bytes", "total_alloc_bytes", "sys_bytes",
                "pointer_lookups", "mallocs", "frees", "heap_alloc_bytes", "heap_sys_bytes", "heap_idle_bytes",
                "heap_in_use_bytes", "heap_released_bytes", "heap_objects", "num_gc");
        for (int i = 0; i < memstats.fieldCount(); i++) {
            assertThat(memstats.fieldType(i)).isEqualTo(FieldType.UNSIGNED);
        }
        assertThat((BigInteger) memstats.fields().get("heap_sys_bytes")).isPositive();
        assertThat((BigInteger) memstats.fields().get("heap_alloc_bytes"))
                .isLessThanOrEqualTo((BigInteger) memstats.fields().get("heap_sys_bytes"));
    }
}
