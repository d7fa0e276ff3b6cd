package org.sarcomacds.record;

import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The calls HAPI's client makes, each timed out by what is left of its hook call's deadline ({@link FetchScope}), so
 * no fetch outlives the call: HAPI asks this factory for each call and executes it at once, with no place between to
 * set a call's timeout.
 */
record DeadlineCalls(OkHttpClient http) implements Call.Factory {

    @Override
    public Call newCall(Request request) {
        Call call = http.newCall(request);
        FetchScope scope = request.tag(FetchScope.class);
        if (scope != null) {
            // OkHttp reads 0 as "no timeout": a call with no time left gets the least, and times out at once
            call.timeout().timeout(Math.max(1, scope.remainingNanos()), TimeUnit.NANOSECONDS);
        }
        return call;
    }
}
