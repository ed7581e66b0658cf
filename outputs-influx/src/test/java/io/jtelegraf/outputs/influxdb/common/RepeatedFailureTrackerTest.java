package io.jtelegraf.outputs.influxdb.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.outputs.influxdb.testsupport.TestMetrics;
import io.jtelegraf.spi.Metric;
import org.junit.jupiter.api.Test;

class RepeatedFailureTrackerTest {
    private final RepeatedFailureTracker tracker = new RepeatedFailureTracker(3);
    private final Metric head = TestMetrics.metric(1);

    @Test
    void countsOncePerCallAndReachesTheLimit() {
        tracker.startCall();
        assertThat(tracker.recordFailure(head, "413")).isEqualTo(1);
        assertThat(tracker.recordFailure(head, "413")).as("second URL, same call").isEqualTo(1);
        tracker.startCall();
        assertThat(tracker.recordFailure(head, "413")).isEqualTo(2);
        tracker.startCall();
        int third = tracker.recordFailure(head, "413");
        assertThat(tracker.limitReached(third)).isTrue();
    }

    @Test
    void aDifferentAnswerOrAnEqualButDistinctMetricStartsOver() {
        tracker.startCall();
        tracker.recordFailure(head, "413");
        tracker.startCall();
        assertThat(tracker.recordFailure(head, "500 field type conflict")).isEqualTo(1);
        tracker.startCall();
        assertThat(tracker.recordFailure(TestMetrics.metric(1), "500 field type conflict")).isEqualTo(1);
        assertThat(tracker.tracked()).isEqualTo(2);
        tracker.forget(head);
        assertThat(tracker.tracked()).isEqualTo(1);
    }

    @Test
    void limitZeroNeverGivesUp() {
        assertThat(new RepeatedFailureTracker(0).limitReached(1_000_000)).isFalse();
    }
}
