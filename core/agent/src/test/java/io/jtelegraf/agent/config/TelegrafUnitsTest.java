package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelegrafUnitsTest {

    @Test
    void goDurationsCombineUnitsAndAllowSignsAndFractions() {
        assertThat(TelegrafUnits.goDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(TelegrafUnits.goDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(TelegrafUnits.goDuration(".5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(TelegrafUnits.goDuration("-10s")).isEqualTo(Duration.ofSeconds(-10));
        assertThat(TelegrafUnits.goDuration("+2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(TelegrafUnits.goDuration("100ns")).isEqualTo(Duration.ofNanos(100));
        assertThat(TelegrafUnits.goDuration("3us")).isEqualTo(Duration.ofNanos(3000));
        assertThat(TelegrafUnits.goDuration("3\u00b5s")).isEqualTo(Duration.ofNanos(3000));
        assertThat(TelegrafUnits.goDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(TelegrafUnits.goDuration("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void goDurationsRejectBareNumbersDaysAndEmptyStrings() {
        assertThatThrownBy(() -> TelegrafUnits.goDuration("10"))
                .hasMessage("missing unit in duration \"10\" (write for example \"10s\")");
        assertThatThrownBy(() -> TelegrafUnits.goDuration("1d")).hasMessageStartingWith("unknown unit \"d\" in duration \"1d\"");
        assertThatThrownBy(() -> TelegrafUnits.goDuration("")).hasMessage("invalid duration \"\"");
        assertThatThrownBy(() -> TelegrafUnits.goDuration("s")).hasMessage("invalid duration \"s\"");
        assertThatThrownBy(() -> TelegrafUnits.goDuration("999999999h")).hasMessageContaining("out of range");
    }

    @Test
    void typedDurationsAcceptNumbersEmptyStringsAndDays() {
        assertThat(TelegrafUnits.typedDuration("")).isEqualTo(Duration.ZERO);
        assertThat(TelegrafUnits.typedDuration("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(TelegrafUnits.typedDuration("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(TelegrafUnits.typedDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TelegrafUnits.typedDuration("7.5d")).isEqualTo(Duration.ofHours(180));
        assertThat(TelegrafUnits.typedDuration("3d7d")).isEqualTo(Duration.ofDays(10));
        assertThat(TelegrafUnits.typedDuration("1d12h")).isEqualTo(Duration.ofHours(36));
        assertThat(TelegrafUnits.typedDuration("0d")).isEqualTo(Duration.ZERO);
    }

    @Test
    void fractionalSecondsBecomeNanoseconds() {
        assertThat(TelegrafUnits.seconds(0.25)).isEqualTo(Duration.ofMillis(250));
        assertThat(TelegrafUnits.seconds(10)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void sizesAreBytesOrStrictDecimalAndBinaryUnits() {
        assertThat(TelegrafUnits.size("1024")).isEqualTo(1024);
        assertThat(TelegrafUnits.size("15kB")).isEqualTo(15_000);
        assertThat(TelegrafUnits.size("15KB")).isEqualTo(15_000);
        assertThat(TelegrafUnits.size("1KiB")).isEqualTo(1024);
        assertThat(TelegrafUnits.size("12MiB")).isEqualTo(12L * 1024 * 1024);
        assertThat(TelegrafUnits.size("12GiB")).isEqualTo(12L * 1024 * 1024 * 1024);
        assertThat(TelegrafUnits.size("2MB")).isEqualTo(2_000_000);
        assertThat(TelegrafUnits.size("1.5MB")).isEqualTo(1_500_000);
        assertThat(TelegrafUnits.size("10B")).isEqualTo(10);
    }

    @Test
    void sizesRejectLooseUnits() {
        assertThatThrownBy(() -> TelegrafUnits.size("15kb")).hasMessageStartingWith("unknown unit \"kb\" in size \"15kb\"");
        assertThatThrownBy(() -> TelegrafUnits.size("15 MB")).hasMessageStartingWith("unknown unit \" MB\"");
    }
}
