package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.okhttp.client.OkHttpRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.security.HostResolver;
import org.sarcomacds.security.SafeDns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP client, the limits and the threads shared by every FHIR fetch. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    @Bean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }

    @Bean
    FhirFetcher fhirFetcher(FhirContext fhir, UntrustedJson json, CdsProperties properties, HostResolver resolver) {
        CdsProperties.Fetch fetch = properties.fetch();
        ByteBudget answers = new ByteBudget(
                "FHIR answers",
                fetch.maxBytesInFlight() == null
                        ? ByteBudget.ofHeap(16)
                        : fetch.maxBytesInFlight().toBytes());
        OkHttpClient http = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                // A server may close a keep-alive connection while it idles in our pool (Apache httpd after 5 s):
                // a GET that fails on such a reused connection is sent once more on a fresh one. GETs are
                // idempotent; a failure on a fresh connection is not retried.
                .retryOnConnectionFailure(true)
                // Idle connections are dropped before common servers drop them, so that race is rare to begin with.
                .connectionPool(new ConnectionPool(
                        fetch.maxPerServer(), fetch.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
                .dns(new SafeDns(resolver))
                .connectTimeout(fetch.connectTimeout())
                .readTimeout(fetch.readTimeout())
                .callTimeout(fetch.deadline())
                .addInterceptor(new FhirAnswerGuard(
                        fhir,
                        json,
                        new ServerSlots(fetch.maxPerServer()),
                        fetch.maxResponseSize().toBytes()))
                .build();
        OkHttpRestfulClientFactory clients = new OkHttpRestfulClientFactory(fhir);
        clients.setHttpClient(new DeadlineCalls(http));
        clients.setServerValidationMode(ServerValidationModeEnum.NEVER);
        // HAPI builds each request with the FhirContext's client factory, not with the factory that made the client:
        // without this, fetches would go out on HAPI's default client, which follows redirects (with the token) and
        // has none of the checks above.
        fhir.setRestfulClientFactory(clients);
        return new FhirFetcher(fhir, clients, answers, fetch);
    }

    /** Fetches wait on the EHR, not on the CPU: a virtual thread each; {@link ServerSlots} bounds them per server. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService fhirFetchExecutor() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("fhir-fetch-", 1).factory());
    }
}
