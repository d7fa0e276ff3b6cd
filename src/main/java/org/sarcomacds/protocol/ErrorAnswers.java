package org.sarcomacds.protocol;

import org.sarcomacds.record.FetchCapacityException;
import org.sarcomacds.record.InvalidPrefetchException;
import org.sarcomacds.record.RequiredDataUnavailableException;
import org.sarcomacds.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure to a status and an OperationOutcome. A client never sees a stack trace. */
@RestControllerAdvice
class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    /** A 503 here is a moment of overload, not an outage: a client may try again after a second. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final OperationOutcomes outcomes;

    ErrorAnswers(OperationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @ExceptionHandler(CdsRequestException.class)
    ResponseEntity<String> refused(CdsRequestException e) {
        log.info("refused status={} reason={}", e.status().value(), LogText.line(e.getMessage()));
        ResponseEntity<String> answer = outcomes.answer(e.status(), e.getMessage());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            return withHeader(answer, HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            return withHeader(answer, HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer;
    }

    @ExceptionHandler(FetchCapacityException.class)
    ResponseEntity<String> atCapacity(FetchCapacityException e) {
        log.info("refused status=503 reason={}", LogText.line(e.getMessage()));
        return withHeader(
                outcomes.answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()),
                HttpHeaders.RETRY_AFTER,
                RETRY_AFTER_SECONDS);
    }

    private static ResponseEntity<String> withHeader(ResponseEntity<String> answer, String name, String value) {
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(name, value)
                .body(answer.getBody());
    }

    @ExceptionHandler(RequiredDataUnavailableException.class)
    ResponseEntity<String> preconditionFailed(RequiredDataUnavailableException e) {
        log.info("refused status=412 reason={}", LogText.line(e.getMessage()));
        return outcomes.answer(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    @ExceptionHandler(InvalidPrefetchException.class)
    ResponseEntity<String> invalidPrefetch(InvalidPrefetchException e) {
        log.info("refused status=400 reason=invalid prefetch");
        return outcomes.answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<String> notFound(Exception e) {
        return outcomes.answer(HttpStatus.NOT_FOUND, "Nothing here; GET /cds-services lists the CDS Services");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<String> answer =
                outcomes.answer(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here");
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .allow(
                        e.getSupportedHttpMethods() == null
                                ? new org.springframework.http.HttpMethod[0]
                                : e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
                .body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return outcomes.answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request as application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return outcomes.answer(HttpStatus.NOT_ACCEPTABLE, "This endpoint answers application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("internal error while answering a request", e);
        return outcomes.answer(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; the service log has the details");
    }
}
