package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/** The bounded reader of outside JSON: hostile numbers are refused while they are read, errors in the client's terms. */
class UntrustedJsonTest {

    private final UntrustedJson json = new UntrustedJson(1_000_000);

    private JsonNode read(String text) {
        return json.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesDecimalsWhoseExponentNoFhirValueNeeds() {
        for (String number : new String[] {"1E999999999", "-1e-999999999", "0E+2147483647", "1E1001", "5E-1001"}) {
            assertThatThrownBy(() -> read("{\"value\": " + number + "}"))
                    .as(number)
                    .isInstanceOf(StreamConstraintsException.class)
                    .hasMessageContaining("exponent beyond ±1000");
        }
    }

    @Test
    void refusesNumbersLongerThanAnyFhirNumber() {
        String digits = "1".repeat(101);
        for (String number : new String[] {digits, "0." + digits, digits + "E5"}) {
            assertThatThrownBy(() -> read("{\"value\": " + number + "}"))
                    .as(number.length() + " characters")
                    .isInstanceOf(StreamConstraintsException.class);
        }
        assertThat(json.describe(catchJackson("{\"value\": " + digits + "}")))
                .isEqualTo("a number is longer than 100 characters");
    }

    @Test
    void refusesNumberTokensThatAreNotJson() {
        for (String number :
                new String[] {"NaN", "-Infinity", "Infinity", "+1", "01", "1.", ".5", "1e", "--1", "0x10"}) {
            assertThatThrownBy(() -> read("{\"value\": " + number + "}"))
                    .as(number)
                    .isInstanceOf(JacksonException.class);
        }
    }

    @Test
    void readsOrdinaryNumbersExactly() {
        JsonNode tree = read("{\"a\": 1.50, \"b\": 1E1000, \"c\": 12574, \"d\": -0.000001}");

        assertThat(tree.get("a").decimalValue().toString()).isEqualTo("1.50");
        assertThat(tree.get("b").decimalValue().scale()).isEqualTo(-1000);
        assertThat(tree.get("c").intValue()).isEqualTo(12574);
        assertThat(tree.get("d").decimalValue().toString()).isEqualTo("-0.000001");
    }

    @Test
    void describesEveryRefusalWithoutNamingTheParsersSettings() {
        String[] bad = {
            "{\"value\": NaN}",
            "{\"value\": +1}",
            "{\"value\": 01}",
            "{bad",
            "{\"a\": [1, 2}",
            "{\"a\": \"unterminated",
            "{\"a\": \"\u0001\"}",
            "[".repeat(100) + "]".repeat(100),
            "{\"a\": 1} trailing",
            "{'a': 1}"
        };
        for (String text : bad) {
            String described = json.describe(catchJackson(text));
            assertThat(described)
                    .as(text)
                    .isNotBlank()
                    .doesNotContain("`")
                    .doesNotContain("StreamRead")
                    .doesNotContain("JsonReadFeature")
                    .doesNotContain("REDACTED")
                    .doesNotContain("Exception");
        }
        assertThat(json.describe(catchJackson("{\n\"a\": [1, 2}"))).contains("(line 2, column");
    }

    private JacksonException catchJackson(String text) {
        try {
            read(text);
        } catch (JacksonException e) {
            return e;
        }
        throw new AssertionError("read without an error: " + text);
    }
}
