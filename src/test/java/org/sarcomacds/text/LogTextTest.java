package org.sarcomacds.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client-chosen values are single-line, printable and short before they reach a log line. */
class LogTextTest {

    @Test
    void aTokenKeepsSafeCharactersOnlyAndAtMost64() {
        assertThat(LogText.token("abc-1.2:x\nINFO forged")).isEqualTo("abc-1.2:x_INFO_forged");
        assertThat(LogText.token("x".repeat(100))).hasSize(64);
        assertThat(LogText.token(null)).isEqualTo("-");
    }

    @Test
    void aLineHasNoControlCharactersAndAtMost300() {
        assertThat(LogText.line("first\r\nsecond")).isEqualTo("first  second");
        assertThat(LogText.line("y".repeat(400))).hasSize(301).endsWith("…");
    }

    @Test
    void aQuotedValueIsPrintableAsciiAndAtMost120() {
        assertThat(LogText.quote("RS256")).isEqualTo("'RS256'");
        assertThat(LogText.quote("kid\u0000é")).isEqualTo("'kid__'");
        assertThat(LogText.quote("z".repeat(200))).hasSize(123);
        assertThat(LogText.quote(null)).isEqualTo("(none)");
    }
}
