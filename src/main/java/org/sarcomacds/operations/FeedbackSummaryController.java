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
import java.util.ArrayList;
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
    /** The years both databases keep, and some: ISO 8601's four-digit years. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
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
        List<RuleSummary> all = store.summarize(start, end);
        List<RuleSummary> rules =
                all.stream().filter(rule -> !rule.aboutUnknownCards()).toList();
        RuleSummary unknownCards =
                all.stream().filter(RuleSummary::aboutUnknownCards).findFirst().orElse(null);
        if (wantsCsv(format, accept)) {
            return ResponseEntity.ok().contentType(CSV).body(SummaryCsv.of(rules, unknownCards));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Summary(start.toString(), end.toString(), rules, unknownCards));
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
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                instant = (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } else {
                instant = OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw CdsRequestException.badRequest(name
                    + " must be an ISO 8601 date (2026-11-01) or date-time with offset" + " (2026-11-01T00:00:00Z)");
        }
        // Java reads years up to ±999999999, the databases keep far fewer: outside this, a 400 rather than a 500
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw CdsRequestException.badRequest(name + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }

    /**
     * The JSON answer: the window actually used, one entry per rule, and apart from the rules the feedback on cards
     * the store has no issued row for ({@link RuleSummary#UNKNOWN_CARD}; null when there was none).
     */
    record Summary(String from, String to, List<RuleSummary> rules, RuleSummary unknownCards) {}

    /**
     * One row per rule; the override reasons in one cell as {@code code=count; code=count}; an option rule of the
     * next-line consult names the consult in {@code partOf}.
     */
    static final class SummaryCsv {

        private static final String FORMULA_STARTS = "=+-@\t\r";

        private SummaryCsv() {}

        /** The rules, then (when there was any) the feedback on unknown cards as a last row of its own. */
        static String of(List<RuleSummary> rules, RuleSummary unknownCards) {
            StringBuilder csv = new StringBuilder("ruleId,shown,accepted,overridden,overrideReasons,partOf\r\n");
            List<RuleSummary> rows = new ArrayList<>(rules);
            if (unknownCards != null) {
                rows.add(unknownCards);
            }
            for (RuleSummary rule : rows) {
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
                        .append(',')
                        .append(rule.partOf() == null ? "" : cell(rule.partOf()))
                        .append("\r\n");
            }
            return csv.toString();
        }

        /**
         * RFC 4180 quoting; a cell a spreadsheet would read as a formula (a leading {@code = + - @}, TAB or CR, as
         * OWASP lists them) is prefixed with {@code '} so it is shown as text.
         */
        static String cell(String value) {
            String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            boolean quote = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == ';' || c == '\r' || c == '\n');
            return quote || !safe.equals(value) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
        }
    }
}
