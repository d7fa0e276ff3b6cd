package org.sarcomacds.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Record text (a Condition's name, a drug's display) goes into card Markdown, and some CDS clients render raw HTML
 * in Markdown: nothing from the record may become a tag, a link, an image, emphasis or a new block.
 */
class MarkdownTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(document.cookie)>",
                "<a href=\"javascript:alert(1)\">Leiomyosarcoma</a>",
                "<http://evil.test/autolink>",
                "<!-- comment --><svg/onload=alert(1)>",
                "Leiomyosarcoma <iframe src=//evil.test></iframe> of uterus"
            })
    void htmlFromTheRecordComesOutWithoutAnyTag(String text) {
        String escaped = Markdown.escape(text);

        assertThat(escaped).doesNotContain("<").doesNotContain(">");
        assertThat(escaped).contains("&lt;");
    }

    @Test
    void scriptTagIsEntityEncodedAndKeepsItsText() {
        assertThat(Markdown.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void ampersandIsEncodedSoEntitiesInTheRecordCannotSmuggleATag() {
        // "&#60;script&#62;" would render as "<script>" only if & passed through; encoded, it shows literally.
        assertThat(Markdown.escape("&#60;script&#62;")).isEqualTo("&amp;\\#60;script&amp;\\#62;");
        assertThat(Markdown.escape("AST & ALT")).isEqualTo("AST &amp; ALT");
    }

    @Test
    void emphasisCharactersAreEscaped() {
        assertThat(Markdown.escape("*bold* and _italic_ and __strong__"))
                .isEqualTo("\\*bold\\* and \\_italic\\_ and \\_\\_strong\\_\\_");
    }

    @Test
    void linkAndImageSyntaxCannotForm() {
        assertThat(Markdown.escape("[click](https://evil.test)")).isEqualTo("\\[click\\](https://evil.test)");
        assertThat(Markdown.escape("![pixel](https://evil.test/t.png)"))
                .isEqualTo("\\!\\[pixel\\](https://evil.test/t.png)");
    }

    @Test
    void backticksAreEscapedSoACodeSpanCannotOpen() {
        assertThat(Markdown.escape("`rm -rf`")).isEqualTo("\\`rm -rf\\`");
    }

    @Test
    void backslashIsEscapedSoItCannotUndoAnEscape() {
        // An unescaped "\" before "*" would turn the escape "\*" into "\\*", a literal backslash and live emphasis.
        assertThat(Markdown.escape("\\*x*")).isEqualTo("\\\\\\*x\\*");
    }

    @Test
    void headingTableAndBlockCharactersAreEscaped() {
        assertThat(Markdown.escape("# Title | cell")).isEqualTo("\\# Title \\| cell");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "line one\r\nline two", "line one\rline two"})
    void newlinesAreFlattenedSoRecordTextCannotStartABlock(String text) {
        String escaped = Markdown.escape(text + "\n### Injected heading\n- injected bullet");

        assertThat(escaped).doesNotContain("\n").doesNotContain("\r");
        assertThat(escaped).startsWith("line one").contains("line two").contains("\\#\\#\\# Injected heading");
    }

    @Test
    void plainClinicalTextIsLeftAlone() {
        String text = "Leiomyosarcoma of uterus (active, onset 2022-10-18; matched SNOMED CT 1163022006) - 1.5 mg/m2";
        assertThat(Markdown.escape(text)).isEqualTo(text);
    }
}
