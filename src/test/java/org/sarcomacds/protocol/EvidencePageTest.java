package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.EvidencePage;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.sarcomacds.rules.Rules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /evidence/{ruleId}}: the full evidence behind a card as safe HTML, the same for every patient, with a
 * policy that lets nothing load or run; an unknown rule is a 404 OperationOutcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvidencePageTest {

    @LocalServerPort
    int port;

    @Autowired
    EvidencePage pages;

    private ProtocolHttp http;

    @BeforeEach
    void client() {
        http = new ProtocolHttp(port);
    }

    @Test
    void theTrabectedinPageHasTheTrialsTheLabelAndTheSourceStatement() {
        Answer page = http.get("/evidence/LMS-TRABECTEDIN-NEXT-LINE");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .isEqualTo("default-src 'none'; base-uri 'none'; form-action 'none'");
        assertThat(page.body())
                .startsWith("<!DOCTYPE html>")
                .contains("<h1>Trabectedin as next-line therapy in metastatic leiomyosarcoma</h1>")
                .contains("4.2 vs 1.5 months (HR 0.55", "13.7 vs 13.1 months", "LMS-04 is a first-line trial")
                .contains("href=\"https://doi.org/10.1200/JCO.2015.62.4734\"")
                .contains("What the clinical source says")
                .doesNotContain("<script");
    }

    @Test
    void everyRuleHasAPageAndNoPageHoldsRawHtmlFromItsText() {
        for (String id : Rules.ids()) {
            String html = pages.html(id).orElseThrow();
            assertThat(html).as(id).doesNotContain("<script", "{{", "onerror", "javascript:");
        }
        assertThat(pages.html("LMS-NEXT-LINE-OPTIONS")).isEmpty();
    }

    @Test
    void theRegorafenibPageNoLongerClaimsAbsenceOfCrossResistanceAndStatesTheLabel() {
        String html = http.get("/evidence/LMS-REGORAFENIB-ALTERNATIVE").body();

        assertThat(html)
                .doesNotContain("without cross-resistance concerns")
                .contains("not labelled for soft-tissue sarcoma");
    }

    @Test
    void anUnknownRuleIsA404OperationOutcome() {
        Answer answer = http.get("/evidence/LMS-NO-SUCH-RULE");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("OperationOutcome").contains("LMS-NO-SUCH-RULE");
        assertThat(List.of(http.get("/evidence/%3Cscript%3E").status())).containsAnyOf(400, 404);
    }
}
