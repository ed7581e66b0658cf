package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Invariants of comment stripping and templates over arbitrary config-like text. */
class PreprocessingPropertiesTest {

    @Property
    void strippingCommentsKeepsEveryLine(
            @ForAll @Chars({'#', '"', '\'', '\\', '\n', 'a', ' ', '=', '$', '{', '}'}) @StringLength(max = 80) String text) {
        String stripped = CommentStripper.strip(text);
        assertThat(stripped.chars().filter(c -> c == '\n').count())
                .isEqualTo(text.chars().filter(c -> c == '\n').count());
        assertThat(stripped.length()).isLessThanOrEqualTo(text.length());
    }

    @Property
    void textWithoutCommentCharactersIsUnchanged(
            @ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 80) String text) {
        String noHash = text.replace("#", "");
        assertThat(CommentStripper.strip(noHash)).isEqualTo(noHash);
    }

    @Property
    void textWithoutDollarIsNeverChanged(@ForAll @StringLength(max = 80) String text) {
        String noDollar = text.replace("$", "");
        assertThat(new EnvTemplate(Map.of("A", "x")).substitute(noDollar)).isEqualTo(noDollar);
    }

    @Property
    void anEmptyEnvironmentOnlyResolvesEscapesAndDefaults(
            @ForAll @Chars({'$', '{', '}', 'A', '1', '-', ' '}) @StringLength(max = 40) String text) {
        String result = new EnvTemplate(Map.of()).substitute(text.replace("?", ""));
        // Without variables nothing can grow except through defaults, which are part of the text.
        assertThat(result.length()).isLessThanOrEqualTo(text.length());
    }
}
