package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.okhttp.client.OkHttpRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.security.HostResolver;
import org.sarcomacds.security.SafeDns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP client and worker threads shared by every FHIR fetch. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    @Bean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }

    @Bean
    OkHttpRestfulClientFactory fhirClientFactory(
            FhirContext fhirContext, CdsProperties properties, HostResolver resolver) {
        CdsProperties.Fetch fetch = properties.fetch();
        OkHttpClient http = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .dns(new SafeDns(resolver))
                .connectTimeout(fetch.connectTimeout())
                .readTimeout(fetch.readTimeout())
                .callTimeout(fetch.deadline())
                .addInterceptor(new ResponseSizeLimit(fetch.maxResponseSize().toBytes()))
                .build();
        OkHttpRestfulClientFactory factory = new OkHttpRestfulClientFactory(fhirContext);
        factory.setHttpClient(http);
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        // HAPI builds each request with the FhirContext's client factory, not with the factory that made the
        // client: without this, fetches would go out on HAPI's default client, which follows redirects (with the
        // Bearer token) and has none of the limits above.
        fhirContext.setRestfulClientFactory(factory);
        return factory;
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService fhirFetchExecutor(CdsProperties properties) {
        int threads = properties.fetch().threads();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = new Thread(task, "fhir-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named);
        executor.allowCoreThreadTimeOut(true); // threads for a burst of fetches end a minute after it
        return executor;
    }
}
