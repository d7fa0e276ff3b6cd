package org.sarcomacds.record;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Refuses FHIR responses larger than a limit, whether or not the server declared their length. */
final class ResponseSizeLimit implements Interceptor {

    private final long maxBytes;

    ResponseSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        boolean tooLarge = body.contentLength() > maxBytes
                || response.peekBody(maxBytes + 1).contentLength() > maxBytes;
        if (tooLarge) {
            response.close();
            throw new IOException("FHIR response larger than " + maxBytes + " bytes");
        }
        return response;
    }
}
