package io.jtelegraf.agent.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StringMatcherTest {

    @Test
    void emptyListIsNotConfigured() {
        assertThat(StringMatcher.compile(List.of(), "")).isNull();
    }

    @Test
    void listWithoutGlobCharactersIsPlainEquality() {
        StringMatcher matcher = StringMatcher.compile(List.of("cpu", "mem"), "");
        assertThat(matcher.matches("cpu")).isTrue();
        assertThat(matcher.matches("mem")).isTrue();
        assertThat(matcher.matches("cpu0")).isFalse();
    }

    @Test
    void alternationAloneIsMatchedLiterally() {
        StringMatcher matcher = StringMatcher.compile(List.of("{a,b}"), "");
        assertThat(matcher.matches("{a,b}")).isTrue();
        assertThat(matcher.matches("a")).isFalse();
    }

    @Test
    void alternationIsActiveWhenAnotherElementHasAGlob() {
        StringMatcher matcher = StringMatcher.compile(List.of("{a,b}", "c*"), "");
        assertThat(matcher.matches("a")).isTrue();
        assertThat(matcher.matches("cat")).isTrue();
        assertThat(matcher.matches("{a,b}")).isFalse();
    }

    @Test
    void separatorsTurnLiteralsIntoGlobs() {
        StringMatcher matcher = StringMatcher.compile(List.of("a\\.b"), ".");
        assertThat(matcher.matches("a.b")).isTrue();
        assertThat(matcher.matches("a\\.b")).isFalse();
    }

    @Test
    void severalGlobsMatchAnyOfThem() {
        StringMatcher matcher = StringMatcher.compile(List.of("cpu*", "mem?"), "");
        assertThat(matcher.matches("cpu_total")).isTrue();
        assertThat(matcher.matches("mem1")).isTrue();
        assertThat(matcher.matches("disk")).isFalse();
    }
}
