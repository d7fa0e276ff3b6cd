package org.sarcomacds.knowledge;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a knowledge file: the one sentence naming the file and the problem, without a stack trace. */
class InvalidKnowledgeFailureAnalyzer extends AbstractFailureAnalyzer<InvalidKnowledgeException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidKnowledgeException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the file named above (hooks/README.md describes every knowledge file and what a site folder"
                        + " may hold), then start again.",
                cause);
    }
}
