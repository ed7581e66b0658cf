package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTemplateTest {
    private final EnvTemplate env = new EnvTemplate(Map.of("SET", "value", "EMPTY", "", "B", "bee", "VARbase", "long"));

    private String sub(String text) {
        return env.substitute(text);
    }

    @Test
    void dollarNameTakesTheValueAndIsGreedy() {
        assertThat(sub("x-$SET-y")).isEqualTo("x-value-y");
        assertThat(sub("$VARbase")).isEqualTo("long");
        assertThat(sub("[$EMPTY]")).isEqualTo("[]");
    }

    @Test
    void bracedNameTakesTheValueEvenWhenEmpty() {
        assertThat(sub("${SET}base")).isEqualTo("valuebase");
        assertThat(sub("[${EMPTY}]")).isEqualTo("[]");
    }

    @Test
    void unsetVariablesStayVerbatimInBothForms() {
        assertThat(sub("a ${UNSET} b $UNSET c")).isEqualTo("a ${UNSET} b $UNSET c");
    }

    @Test
    void lookupIsCaseSensitive() {
        assertThat(sub("${set}")).isEqualTo("${set}");
    }

    @Test
    void colonDashDefaultsWhenUnsetOrEmpty() {
        assertThat(sub("${UNSET:-d}")).isEqualTo("d");
        assertThat(sub("${EMPTY:-d}")).isEqualTo("d");
        assertThat(sub("${SET:-d}")).isEqualTo("value");
    }

    @Test
    void dashDefaultsOnlyWhenUnset() {
        assertThat(sub("${UNSET-d}")).isEqualTo("d");
        assertThat(sub("${EMPTY-d}")).isEqualTo("");
        assertThat(sub("${SET-d}")).isEqualTo("value");
    }

    @Test
    void colonPlusGivesTheAlternativeWhenSetAndNonEmpty() {
        assertThat(sub("${SET:+alt}")).isEqualTo("alt");
        assertThat(sub("${EMPTY:+alt}")).isEqualTo("");
        assertThat(sub("${UNSET:+alt}")).isEqualTo("");
    }

    @Test
    void plusGivesTheAlternativeWhenSet() {
        assertThat(sub("${SET+alt}")).isEqualTo("alt");
        assertThat(sub("${EMPTY+alt}")).isEqualTo("alt");
        assertThat(sub("${UNSET+alt}")).isEqualTo("");
    }

    @Test
    void colonQuestionFailsWhenUnsetOrEmpty() {
        assertThatThrownBy(() -> sub("${UNSET:?set it please}"))
                .hasMessage("required variable UNSET is missing a value: set it please");
        assertThatThrownBy(() -> sub("${EMPTY:?must not be empty}"))
                .hasMessage("required variable EMPTY is missing a value: must not be empty");
        assertThat(sub("${SET:?x}")).isEqualTo("value");
    }

    @Test
    void questionFailsOnlyWhenUnset() {
        assertThatThrownBy(() -> sub("${UNSET?needed}")).hasMessage("required variable UNSET is missing a value: needed");
        assertThat(sub("${EMPTY?needed}")).isEqualTo("");
        assertThatThrownBy(() -> sub("${UNSET?}")).hasMessage("required variable UNSET is missing a value");
    }

    @Test
    void doubleDollarIsALiteralDollar() {
        assertThat(sub("cost $$5 and $$SET")).isEqualTo("cost $5 and $SET");
    }

    @Test
    void backslashIsNotAnEscape() {
        assertThat(sub("\\$SET")).isEqualTo("\\value");
        assertThat(sub("\\${SET}")).isEqualTo("\\value");
    }

    @Test
    void invalidTemplatesStayVerbatim() {
        assertThat(sub("s/(a)/${1}/")).isEqualTo("s/(a)/${1}/");
        assertThat(sub("${}")).isEqualTo("${}");
        assertThat(sub("${SET:x}")).isEqualTo("${SET:x}");
        assertThat(sub("price: 5$")).isEqualTo("price: 5$");
    }

    @Test
    void defaultsMayNest() {
        assertThat(sub("${UNSET:-${B}}")).isEqualTo("bee");
        assertThat(sub("${UNSET:-${ALSO_UNSET:-deep}}")).isEqualTo("deep");
        assertThatThrownBy(() -> sub("${UNSET:?missing ${B}}")).hasMessage("required variable UNSET is missing a value: missing bee");
    }

    @Test
    void theOperatorWrittenFirstWins() {
        assertThat(sub("${UNSET-a:-b}")).isEqualTo("a:-b");
        assertThatThrownBy(() -> sub("${UNSET?a:-b}")).hasMessage("required variable UNSET is missing a value: a:-b");
    }

    @Test
    void textAfterAnOperatorTemplateOnTheSameLineFollowsComposeRules() {
        // compose-go resolves the rest of the match with its plain rules: unset becomes empty.
        assertThat(sub("${UNSET:-x}/${ALSO_UNSET}/${B}")).isEqualTo("x//bee");
        assertThat(sub("${UNSET:-x}\n${ALSO_UNSET}")).isEqualTo("x\n${ALSO_UNSET}");
    }

    @Test
    void severalTemplatesInOneString() {
        assertThat(sub("http://${SET}:$B/${UNSET}")).isEqualTo("http://value:bee/${UNSET}");
    }
}
