package org.sarcomacds.security;

/** Why a client JWT was refused. The reason goes to the log only; the client gets a bare 401. */
final class TokenRejectedException extends Exception {

    TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
