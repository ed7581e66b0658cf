package io.jtelegraf.agent.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

    private static boolean matches(String pattern, String text) {
        return Glob.compile(pattern, "").matches(text);
    }

    private static boolean matches(String pattern, String separators, String text) {
        return Glob.compile(pattern, separators).matches(text);
    }

    @Test
    void starMatchesAnythingWithoutSeparators() {
        assertThat(matches("cpu*", "cpu")).isTrue();
        assertThat(matches("cpu*", "cpu.total.idle")).isTrue();
        assertThat(matches("*idle", "cpu.total.idle")).isTrue();
        assertThat(matches("cpu*", "mem")).isFalse();
    }

    @Test
    void starStopsAtSeparators() {
        assertThat(matches("cpu.*", ".", "cpu.total")).isTrue();
        assertThat(matches("cpu.*", ".", "cpu.total.idle")).isFalse();
        assertThat(matches("cpu.*.idle", ".", "cpu.total.idle")).isTrue();
    }

    @Test
    void doubleStarCrossesSeparators() {
        assertThat(matches("cpu.**", ".", "cpu.total.idle")).isTrue();
        assertThat(matches("**idle", ".", "cpu.total.idle")).isTrue();
        assertThat(matches("mem.**", ".", "cpu.total.idle")).isFalse();
    }

    @Test
    void questionMarkMatchesOneNonSeparatorCharacter() {
        assertThat(matches("cpu?", "cpu0")).isTrue();
        assertThat(matches("cpu?", "cpu")).isFalse();
        assertThat(matches("cpu?", "cpu10")).isFalse();
        assertThat(matches("a?b", ".", "a.b")).isFalse();
        assertThat(matches("h?llo", "h\u00e9llo")).isTrue();
    }

    @Test
    void characterClassMatchesListedCharacters() {
        assertThat(matches("cpu[01]", "cpu1")).isTrue();
        assertThat(matches("cpu[01]", "cpu2")).isFalse();
    }

    @Test
    void characterRangeMatchesInclusiveRange() {
        assertThat(matches("cpu[0-3]", "cpu3")).isTrue();
        assertThat(matches("cpu[0-3]", "cpu4")).isFalse();
        assertThat(matches("[a-cx]", "x")).isTrue();
    }

    @Test
    void negatedClassMatchesOtherCharacters() {
        assertThat(matches("cpu[!0]", "cpu1")).isTrue();
        assertThat(matches("cpu[!0]", "cpu0")).isFalse();
        assertThat(matches("cpu[!0-4]", "cpu5")).isTrue();
    }

    @Test
    void alternationMatchesAnyBranch() {
        assertThat(matches("{cpu,mem}", "cpu")).isTrue();
        assertThat(matches("{cpu,mem}", "mem")).isTrue();
        assertThat(matches("{cpu,mem}", "disk")).isFalse();
        assertThat(matches("net_{in*,out}", "net_inbound")).isTrue();
        assertThat(matches("{a,b{c,d}}e", "bde")).isTrue();
        assertThat(matches("{a,b{c,d}}e", "bee")).isFalse();
    }

    @Test
    void backslashEscapesMetaCharacters() {
        assertThat(matches("a\\*b", "a*b")).isTrue();
        assertThat(matches("a\\*b", "axb")).isFalse();
        assertThat(matches("a\\?", "a?")).isTrue();
        assertThat(matches("[\\]]", "]")).isTrue();
    }

    @Test
    void wholeTextMustMatch() {
        assertThat(matches("cpu", "cpu0")).isFalse();
        assertThat(matches("", "")).isTrue();
        assertThat(matches("*", "")).isTrue();
    }

    @Test
    void invalidPatternsNameThePattern() {
        assertThatThrownBy(() -> Glob.compile("cpu[0", "")).hasMessageContaining("\"cpu[0\"").hasMessageContaining("]");
        assertThatThrownBy(() -> Glob.compile("{a,b", "")).hasMessageContaining("}");
        assertThatThrownBy(() -> Glob.compile("a\\", "")).hasMessageContaining("escape");
    }
}
