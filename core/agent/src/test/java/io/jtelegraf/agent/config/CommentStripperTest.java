package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentStripperTest {

    @Test
    void removesCommentsButKeepsTheNewline() {
        assertThat(CommentStripper.strip("a = 1 # one\n# whole line ${X:?boom}\nb = 2"))
                .isEqualTo("a = 1 \n\nb = 2");
    }

    @Test
    void keepsHashesInsideBasicAndLiteralStrings() {
        assertThat(CommentStripper.strip("a = \"x # y\" # c\nb = 'p # q' # d\n"))
                .isEqualTo("a = \"x # y\" \nb = 'p # q' \n");
    }

    @Test
    void anEscapedQuoteDoesNotEndABasicString() {
        assertThat(CommentStripper.strip("a = \"say \\\"#hi\\\"\" # c\n")).isEqualTo("a = \"say \\\"#hi\\\"\" \n");
    }

    @Test
    void tripleQuotedStringsSpanLines() {
        String text = "a = \"\"\"\nline # not a comment\n\"\"\" # comment\nb = '''\n# kept\n''' # gone\n";
        assertThat(CommentStripper.strip(text))
                .isEqualTo("a = \"\"\"\nline # not a comment\n\"\"\" \nb = '''\n# kept\n''' \n");
    }

    @Test
    void anUnterminatedSingleLineStringEndsAtTheNewline() {
        assertThat(CommentStripper.strip("a = \"open\n# comment\n")).isEqualTo("a = \"open\n\n");
    }

    @Test
    void aBackslashOutsideStringsProtectsTheNextCharacter() {
        assertThat(CommentStripper.strip("a = \\# not a comment\n")).isEqualTo("a = \\# not a comment\n");
    }

    @Test
    void aCommentAtTheEndWithoutNewline() {
        assertThat(CommentStripper.strip("a = 1 # end")).isEqualTo("a = 1 ");
    }
}
