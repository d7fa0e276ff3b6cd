package org.sarcomacds.feedback;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an unusable feedback store as what is wrong and what to do, without the stack trace. */
public final class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnusableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreUnusableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
