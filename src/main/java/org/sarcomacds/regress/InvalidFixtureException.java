package org.sarcomacds.regress;

/** A fixture folder or file the runner cannot use: exit code 2, with one sentence naming the file and the problem. */
class InvalidFixtureException extends RuntimeException {

    InvalidFixtureException(String message) {
        super(message, null, false, false);
    }
}
