package org.sarcomacds.record;

import ca.uhn.fhir.okhttp.client.OkHttpRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.sarcomacds.CdsProperties;
import org.springframework.stereotype.Component;

/**
 * Reads and searches the EHR's FHIR server with the HAPI generic client over OkHttp. Follows {@code next} links
 * only on the same server, up to a page cap; the bearer token never leaves {@link FhirEndpoint#baseUrl()}.
 */
@Component
class FhirFetcher {

    private static final Pattern READ = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");

    private final OkHttpRestfulClientFactory clients;
    private final int maxPages;

    FhirFetcher(OkHttpRestfulClientFactory clients, CdsProperties properties) {
        this.clients = clients;
        this.maxPages = properties.fetch().maxPages();
    }

    /**
     * Runs a rendered prefetch query: a read ({@code Patient/123}) or a search ({@code Condition?patient=123}), with all
     * its pages unless the template asks for its first page only ({@link PrefetchTemplates#firstPageOnly}).
     */
    List<Resource> fetch(FhirEndpoint endpoint, String query, boolean firstPageOnly) {
        return guarded(() -> {
            IGenericClient client = client(endpoint);
            if (READ.matcher(query).matches()) {
                return read(client, query);
            }
            Bundle first =
                    client.search().byUrl(query).returnBundle(Bundle.class).execute();
            return firstPageOnly ? BundleResources.of(first) : collectPages(client, endpoint, first, 1);
        });
    }

    /** Continues a prefetched search Bundle whose first page the client already sent. */
    List<Resource> remainingPages(FhirEndpoint endpoint, Bundle firstPage) {
        return guarded(() -> {
            List<Resource> pages = collectPages(client(endpoint), endpoint, firstPage, 1);
            return pages.subList(BundleResources.of(firstPage).size(), pages.size());
        });
    }

    /** Reads one resource by relative reference; a resource the server does not have is an empty list. */
    List<Resource> read(FhirEndpoint endpoint, String reference) {
        return guarded(() -> read(client(endpoint), reference));
    }

    private List<Resource> read(IGenericClient client, String reference) {
        String[] parts = reference.split("/", 2);
        try {
            return List.of(
                    (Resource) client.read().resource(parts[0]).withId(parts[1]).execute());
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return List.of();
        }
    }

    private List<Resource> collectPages(IGenericClient client, FhirEndpoint endpoint, Bundle first, int pagesRead) {
        List<Resource> resources = new ArrayList<>(BundleResources.of(first));
        Bundle page = first;
        int pages = pagesRead;
        while (page.getLink(Bundle.LINK_NEXT) != null) {
            if (pages >= maxPages) {
                throw new FetchException("more than " + maxPages + " pages");
            }
            String next = page.getLink(Bundle.LINK_NEXT).getUrl();
            if (!sameServer(endpoint, next)) {
                throw new FetchException("next-page link points outside the FHIR server");
            }
            page = client.loadPage().byUrl(next).andReturnBundle(Bundle.class).execute();
            resources.addAll(BundleResources.of(page));
            pages++;
        }
        return resources;
    }

    private static boolean sameServer(FhirEndpoint endpoint, String url) {
        String base = FhirServerPolicy.withoutTrailingSlash(endpoint.baseUrl());
        return url != null && (url.startsWith(base + "/") || url.startsWith(base + "?"));
    }

    private IGenericClient client(FhirEndpoint endpoint) {
        IGenericClient client = clients.newGenericClient(endpoint.baseUrl());
        if (endpoint.bearerToken() != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(endpoint.bearerToken()));
        }
        return client;
    }

    private static List<Resource> guarded(Supplier<List<Resource>> call) {
        try {
            return call.get();
        } catch (FetchException e) {
            throw e;
        } catch (FhirClientConnectionException e) {
            throw new FetchException(describe(e));
        } catch (BaseServerResponseException e) {
            throw new FetchException("FHIR server answered HTTP " + e.getStatusCode());
        } catch (RuntimeException e) {
            throw new FetchException(describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return "FHIR server did not answer in time";
            }
            if (t instanceof UnknownHostException) {
                return "FHIR server address refused or unknown";
            }
            if (t instanceof IOException) {
                return "FHIR server could not be read (" + t.getClass().getSimpleName() + ")";
            }
        }
        return "FHIR server answer could not be used (" + e.getClass().getSimpleName() + ")";
    }
}
