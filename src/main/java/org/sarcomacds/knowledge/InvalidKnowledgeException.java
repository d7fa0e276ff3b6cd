package org.sarcomacds.knowledge;

/**
 * A knowledge file (under {@code hooks/} or the site folder) that the service must not start with. The message is
 * one sentence naming the file and the problem; start-up prints it as it is, without a stack trace.
 */
public class InvalidKnowledgeException extends IllegalStateException {

    public InvalidKnowledgeException(String message) {
        super(message);
    }
}
