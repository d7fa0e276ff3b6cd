package org.sarcomacds.protocol;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's last-resort error report, for requests refused before Spring sees them (a malformed path, a bad header):
 * an OperationOutcome instead of Tomcat's HTML page, with no server details.
 */
public class OperationOutcomeErrorValve extends ErrorReportValve {

    public OperationOutcomeErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        String diagnostic = reason == null || reason.startsWith("Cannot find message") ? "HTTP " + status : reason;
        String body = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                + (status >= 500 ? "exception" : "invalid") + "\",\"diagnostics\":\"" + diagnostic.replace("\"", "'")
                + "\"}]}";
        try {
            response.setContentType("application/fhir+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response is already committed: nothing more to tell it.
        }
    }
}
