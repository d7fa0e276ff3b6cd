package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.sarcomacds.CdsProperties;

/**
 * Reads and searches the EHR's FHIR server with HAPI's generic client, one client per fetch, over the OkHttp client
 * that checks every answer before HAPI parses it ({@link FhirAnswerGuard}). A search asks for large pages
 * ({@code _count}) and follows {@code next} links on the same server only; it stops at a cap on entries and on bytes,
 * not on pages, and then says so ({@link Fetched#cutShort()}). The bearer token never leaves
 * {@link FhirEndpoint#baseUrl()}. Every failure is a {@link FetchException} in words the client can act on.
 */
class FhirFetcher {

    private static final Pattern READ = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");

    private final FhirContext fhir;
    private final IRestfulClientFactory clients;
    private final ByteBudget budget;
    private final int pageSize;
    private final int maxEntries;
    private final long maxSearchBytes;

    FhirFetcher(FhirContext fhir, IRestfulClientFactory clients, ByteBudget budget, CdsProperties.Fetch fetch) {
        this.fhir = fhir;
        this.clients = clients;
        this.budget = budget;
        this.pageSize = fetch.pageSize();
        this.maxEntries = fetch.maxSearchEntries();
        this.maxSearchBytes = fetch.maxSearchSize().toBytes();
    }

    /** The fetches of one hook call, all due by {@code deadline} ({@code System.nanoTime()} based); close it when the call ends. */
    FetchCall call(long deadline) {
        return new FetchCall(deadline, budget.open());
    }

    /**
     * Runs a rendered prefetch query within {@code call}: a read
     * ({@code Patient/123}) or a search ({@code Condition?patient=123}), with all its pages unless the template asks
     * for its first page only ({@link PrefetchTemplates#firstPageOnly}).
     */
    Fetched fetch(FhirEndpoint endpoint, String query, boolean firstPageOnly, FetchCall call) {
        if (READ.matcher(query).matches()) {
            return read(endpoint, query, call);
        }
        FetchScope scope = new FetchScope(endpoint, call);
        IGenericClient client = client(endpoint, scope);
        String url = withPageSize(search(base(endpoint) + "/" + query)).toString();
        Bundle bundle = translated(
                () -> client.search().byUrl(url).returnBundle(Bundle.class).execute());
        List<Resource> resources = fetched(bundle);
        return firstPageOnly ? capped(resources, false) : pages(endpoint, client, scope, bundle, resources);
    }

    /** Continues a prefetched search Bundle whose first page the client already sent: the resources of the others. */
    Fetched remainingPages(FhirEndpoint endpoint, Bundle firstPage, FetchCall call) {
        int firstPageSize = BundleResources.of(firstPage).size();
        FetchScope scope = new FetchScope(endpoint, call);
        Fetched all = pages(endpoint, client(endpoint, scope), scope, firstPage, BundleResources.of(firstPage));
        List<Resource> rest = all.resources()
                .subList(
                        Math.min(firstPageSize, all.resources().size()),
                        all.resources().size());
        return new Fetched(rest, all.cutShort());
    }

    /** Reads one resource by relative reference; a resource the server does not have is nothing. */
    Fetched read(FhirEndpoint endpoint, String reference, FetchCall call) {
        IGenericClient client = client(endpoint, new FetchScope(endpoint, call));
        String[] typeAndId = reference.split("/", 2);
        Resource resource = translated(() -> {
            try {
                return (Resource) client.read()
                        .resource(typeAndId[0])
                        .withId(typeAndId[1])
                        .execute();
            } catch (ResourceNotFoundException | ResourceGoneException e) {
                return null;
            }
        });
        if (resource == null) {
            return Fetched.complete(List.of());
        }
        UnreadableValues.leaveOut(fhir, resource);
        return Fetched.complete(List.of(resource));
    }

    /** The resources of a page HAPI parsed, read as the prefetch binder reads them ({@link UnreadableValues}). */
    private List<Resource> fetched(Bundle page) {
        List<Resource> resources = BundleResources.of(page);
        resources.forEach(resource -> UnreadableValues.leaveOut(fhir, resource));
        return resources;
    }

    /** The first page's resources and those of the pages its {@code next} links lead to, within the caps. */
    private Fetched pages(
            FhirEndpoint endpoint, IGenericClient client, FetchScope scope, Bundle first, List<Resource> firstPage) {
        List<Resource> resources = new ArrayList<>(firstPage);
        Set<String> followed = new HashSet<>();
        Bundle page = first;
        while (next(page) != null && resources.size() < maxEntries && scope.bytesRead() < maxSearchBytes) {
            HttpUrl next = url(next(page));
            if (!endpoint.covers(next)) {
                throw new FetchException("a next-page link of the FHIR server points outside it");
            }
            if (!followed.add(next.toString())) {
                throw new FetchException("the FHIR server's next-page links go round in a circle");
            }
            page = translated(() -> client.loadPage()
                    .byUrl(next.toString())
                    .andReturnBundle(Bundle.class)
                    .execute());
            resources.addAll(fetched(page));
        }
        return capped(resources, next(page) != null);
    }

    /** The resources within the caps; when a cap stopped the reading, says so. */
    private Fetched capped(List<Resource> resources, boolean morePages) {
        if (resources.size() > maxEntries || (morePages && resources.size() >= maxEntries)) {
            return new Fetched(
                    resources.subList(0, maxEntries),
                    "cut short: only its first " + maxEntries + " entries were read (cds.fetch.max-search-entries)");
        }
        if (morePages) {
            return new Fetched(
                    resources,
                    "cut short: only its first " + maxSearchBytes / (1024 * 1024)
                            + " MB were read (cds.fetch.max-search-size)");
        }
        return Fetched.complete(resources);
    }

    /** A HAPI client for one fetch: requests tagged with the fetch's scope, the server's capabilities never asked. */
    private IGenericClient client(FhirEndpoint endpoint, FetchScope scope) {
        IGenericClient client = clients.newGenericClient(base(endpoint));
        client.registerInterceptor(scope);
        return client;
    }

    /**
     * The rendered template as a URL whose parameters are encoded as components: a template's literal {@code |} or
     * {@code ,} is sent as {@code %7C} or {@code %2C}, which every server decodes and none refuses (Tomcat refuses
     * a bare {@code |}). HAPI sends such a URL as it is.
     */
    private static HttpUrl search(String url) {
        HttpUrl parsed = url(url);
        HttpUrl.Builder encoded = parsed.newBuilder().query(null);
        for (int i = 0; i < parsed.querySize(); i++) {
            encoded.addQueryParameter(parsed.queryParameterName(i), parsed.queryParameterValue(i));
        }
        return encoded.build();
    }

    private HttpUrl withPageSize(HttpUrl url) {
        return url.queryParameter("_count") != null
                ? url
                : url.newBuilder()
                        .addQueryParameter("_count", String.valueOf(pageSize))
                        .build();
    }

    private static String base(FhirEndpoint endpoint) {
        return FhirServerPolicy.withoutTrailingSlash(endpoint.baseUrl());
    }

    private static HttpUrl url(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new FetchException("the FHIR server's address or a link it sent is not a valid http(s) URL");
        }
        return parsed;
    }

    private static String next(Bundle page) {
        Bundle.BundleLinkComponent link = page.getLink(Bundle.LINK_NEXT);
        return link == null ? null : link.getUrl();
    }

    /** Runs a HAPI client call; whatever HAPI or OkHttp throws becomes a {@link FetchException}. */
    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (FetchException e) {
            throw e;
        } catch (FhirClientConnectionException e) {
            throw connectionFailure(e);
        } catch (BaseServerResponseException e) {
            throw new FetchException("the FHIR server answered HTTP " + e.getStatusCode());
        } catch (DataFormatException e) {
            throw notFhir(e);
        } catch (RuntimeException e) {
            throw new FetchException("the FHIR server's answer could not be used");
        }
    }

    /** HAPI wraps what failed under the request (our refusal, a network failure, its parser's complaint). */
    private static FetchException connectionFailure(FhirClientConnectionException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof FhirAnswerGuard.Refused refused) {
                return refused.reason();
            }
            if (cause instanceof IOException io) {
                return new FetchException(describe(io));
            }
            if (cause instanceof DataFormatException format) {
                return notFhir(format);
            }
        }
        return new FetchException("the FHIR server could not be read");
    }

    private static FetchException notFhir(DataFormatException e) {
        return new FetchException(
                "the FHIR server's answer is not FHIR R4: " + FhirMessages.withoutCode(e.getMessage()));
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "the FHIR server did not answer in time";
        }
        if (e instanceof UnknownHostException) {
            return "the FHIR server's address could not be resolved, or is one this service never calls";
        }
        if (e instanceof ConnectException) {
            return "the FHIR server refused the connection";
        }
        if (e instanceof SSLException) {
            return "the secure (TLS) connection to the FHIR server failed";
        }
        return "the connection to the FHIR server broke before its answer was complete";
    }
}
