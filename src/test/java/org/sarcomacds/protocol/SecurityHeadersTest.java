package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.sarcomacds.support.Fixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security headers on every kind of answer: {@code nosniff} everywhere; {@code no-store} and a deny-all policy on
 * CDS Hooks and admin answers, errors included; a strict Content-Security-Policy on the try-it page, which the page
 * itself satisfies (no inline script, style or event handler).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cds.admin.token=" + SecurityHeadersTest.TOKEN)
class SecurityHeadersTest {

    static final String TOKEN = "security-headers-admin-token";
    private static final String FEEDBACK_ITEM =
            "{\"feedback\":[{\"card\":\"c-1\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-27T10:00:00Z\"}]}";

    @LocalServerPort
    int port;

    private ProtocolHttp http;

    @BeforeEach
    void client() {
        http = new ProtocolHttp(port);
    }

    private static void assertApiHeaders(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.API_POLICY);
    }

    @Test
    void hookAnswersAreNeitherStoredNorSniffed() {
        assertApiHeaders(
                http.postJson(
                        "/cds-services/lms-patient-view",
                        Fixture.read(Path.of("docs/examples/patient-view-lms-uterine.json"))),
                200);
        assertApiHeaders(http.postJson("/cds-services/lms-patient-view", "{bad"), 400);
        assertApiHeaders(http.postJson("/cds-services/no-such-service", "{}"), 404);
        assertApiHeaders(http.get("/cds-services"), 200);
    }

    @Test
    void feedbackAnswersAreNeitherStoredNorSniffed() {
        assertApiHeaders(http.postJson("/cds-services/lms-patient-view/feedback", FEEDBACK_ITEM), 200);
        assertApiHeaders(http.postJson("/cds-services/lms-patient-view/feedback", "{\"feedback\":[]}"), 400);
    }

    @Test
    void adminAnswersAreNeitherStoredNorSniffed() {
        assertApiHeaders(http.get("/admin/feedback/summary"), 401);
        assertApiHeaders(
                ProtocolHttp.send(http.request("/admin/feedback/summary")
                        .header("Authorization", "Bearer " + TOKEN)
                        .GET()),
                200);
    }

    @Test
    void theTryItPageHasAStrictPolicy() {
        Answer page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .isEqualTo(SecurityHeadersFilter.PAGE_POLICY)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(http.get("/index.html").header("Content-Security-Policy")).isEqualTo(policy);
    }

    @Test
    void everyOtherAnswerIsNotSniffed() {
        for (String path : new String[] {"/try-it.js", "/try-it.css", "/fhir/Patient", "/no/such/path"}) {
            assertThat(http.get(path).header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    /** What the policy forbids is nowhere in the page: it works under it (the browser test runs it for real). */
    @Test
    void thePageHasNothingItsPolicyWouldBlock() throws IOException {
        Path dir = Path.of("src/main/resources/static");
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("<style");
        assertThat(html).doesNotContainPattern(Pattern.compile("\\s(style|on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE));
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        for (String script : new String[] {"try-it.js", "markdown.js"}) {
            assertThat(Files.readString(dir.resolve(script)))
                    .as(script)
                    .doesNotContain("eval(", "new Function", "'style'", ".cssText")
                    .doesNotContainPattern("\\.(inner|outer)HTML\\s*=")
                    .doesNotContainPattern("setTimeout\\(\\s*['\"`]");
        }
        assertThat(Files.readString(dir.resolve("try-it.css"))).doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//");
    }
}
