package org.sarcomacds.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.sarcomacds.feedback.FeedbackStore;
import org.sarcomacds.feedback.IssuedCardWriter;
import org.sarcomacds.feedback.RuleSummary;
import org.sarcomacds.protocol.CdsRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CDS analytics for the committee (not part of CDS Hooks): per rule, how often its cards were shown, accepted and
 * overridden, and why. JSON by default, CSV on request.
 */
@RestController
@Tag(
        name = "Admin",
        description = "Operator endpoints, protected by cds.admin.token; absent (404) when no token is set")
class FeedbackSummaryController {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AdminToken token;
    private final FeedbackStore store;
    private final IssuedCardWriter issuedCards;

    FeedbackSummaryController(AdminToken token, FeedbackStore store, IssuedCardWriter issuedCards) {
        this.token = token;
        this.store = store;
        this.issuedCards = issuedCards;
    }

    @Operation(
            summary = "Cards shown, accepted and overridden per rule in a time window",
            description = "from is inclusive, to exclusive; a date (2026-11-01) means the start of that day in UTC for"
                    + " from and the end of that day for to. Defaults: to = now, from = to - 30 days. CSV with"
                    + " Accept: text/csv or format=csv.",
            security = @SecurityRequirement(name = "adminToken"))
    @GetMapping("/admin/feedback/summary")
    ResponseEntity<?> summary(
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(description = "ISO 8601 date-time with offset, or a date") @RequestParam(required = false)
                    String from,
            @Parameter(description = "ISO 8601 date-time with offset, or a date") @RequestParam(required = false)
                    String to,
            @Parameter(description = "json or csv") @RequestParam(required = false) String format) {
        token.check(authorization);
        Instant end = to == null ? Instant.now() : instant("to", to, true);
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw CdsRequestException.badRequest("from must be before to");
        }
        // Cards issued a moment ago may still be queued: write them first, so the counts are exact as of now.
        issuedCards.flush();
        List<RuleSummary> rules = store.summarize(start, end);
        if (wantsCsv(format, accept)) {
            return ResponseEntity.ok().contentType(CSV).body(SummaryCsv.of(rules));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Summary(start.toString(), end.toString(), rules));
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            if (!format.equals("csv") && !format.equals("json")) {
                throw CdsRequestException.badRequest("format must be json or csv");
            }
            return format.equals("csv");
        }
        try {
            return accept != null
                    && MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(type -> type.getType().equals("text")
                                    && type.getSubtype().equals("csv"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw CdsRequestException.badRequest(name
                    + " must be an ISO 8601 date (2026-11-01) or date-time with offset" + " (2026-11-01T00:00:00Z)");
        }
    }

    /** The JSON answer: the window actually used, and one entry per rule. */
    record Summary(String from, String to, List<RuleSummary> rules) {}

    /** One row per rule; the override reasons in one cell as {@code code=count; code=count}. */
    static final class SummaryCsv {

        private SummaryCsv() {}

        static String of(List<RuleSummary> rules) {
            StringBuilder csv = new StringBuilder("ruleId,shown,accepted,overridden,overrideReasons\r\n");
            for (RuleSummary rule : rules) {
                StringBuilder reasons = new StringBuilder();
                for (Map.Entry<String, Long> reason : rule.overrideReasons().entrySet()) {
                    reasons.append(reasons.isEmpty() ? "" : "; ")
                            .append(reason.getKey())
                            .append('=')
                            .append(reason.getValue());
                }
                csv.append(cell(rule.ruleId()))
                        .append(',')
                        .append(rule.shown())
                        .append(',')
                        .append(rule.accepted())
                        .append(',')
                        .append(rule.overridden())
                        .append(',')
                        .append(cell(reasons.toString()))
                        .append("\r\n");
            }
            return csv.toString();
        }

        /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet does not run it. */
        private static String cell(String value) {
            String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            boolean quote = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == ';' || c == '\r' || c == '\n');
            return quote || !safe.equals(value) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
        }
    }
}
