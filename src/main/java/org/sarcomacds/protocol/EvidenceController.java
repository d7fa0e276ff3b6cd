package org.sarcomacds.protocol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.sarcomacds.cards.EvidencePage;
import org.sarcomacds.text.LogText;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The full evidence behind a card, linked from it: one HTML page per rule, made from the card file alone (no patient
 * data), so it needs no client token (the JWT filter lets {@code /evidence/} through) and may be cached.
 */
@RestController
@Tag(name = "Evidence", description = "The evidence behind each rule's card, as the cards link to it")
class EvidenceController {

    private final EvidencePage pages;

    EvidenceController(EvidencePage pages) {
        this.pages = pages;
    }

    @Operation(summary = "The full evidence behind one rule's card (HTML)")
    @GetMapping(value = "/evidence/{ruleId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> evidence(@PathVariable String ruleId) {
        String html = pages.html(ruleId)
                .orElseThrow(() -> new CdsRequestException(
                        HttpStatus.NOT_FOUND, "No rule with id '" + LogText.token(ruleId) + "'"));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(html);
    }
}
