package org.sarcomacds.protocol;

import org.springframework.http.HttpStatus;

/**
 * A request this service will not answer as asked, with the status and the diagnostic the client gets (as an
 * OperationOutcome). Any controller may throw it.
 */
public class CdsRequestException extends RuntimeException {

    private final HttpStatus status;

    public CdsRequestException(HttpStatus status, String diagnostic) {
        super(diagnostic, null, false, false);
        this.status = status;
    }

    public static CdsRequestException badRequest(String diagnostic) {
        return new CdsRequestException(HttpStatus.BAD_REQUEST, diagnostic);
    }

    HttpStatus status() {
        return status;
    }
}
