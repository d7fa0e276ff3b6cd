package org.sarcomacds.protocol;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised before a controller runs (by the servlet container) also get an OperationOutcome, not a page. */
@RestController
class ErrorPageController implements ErrorController {

    private final OperationOutcomes outcomes;

    ErrorPageController(OperationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded by the container after an error
            return outcomes.answer(HttpStatus.NOT_FOUND, "Nothing here; GET /cds-services lists the CDS Services");
        }
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return outcomes.answer(status, status.getReasonPhrase());
    }
}
