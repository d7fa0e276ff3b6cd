package org.sarcomacds.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.sarcomacds.CdsProperties;

/**
 * Reads and searches the EHR's FHIR server. A search asks for large pages ({@code _count}) and follows {@code next}
 * links on the same server only; it stops at a cap on entries and on bytes, not on pages, and then says so
 * ({@link Fetched#cutShort()}). The bearer token never leaves {@link FhirEndpoint#baseUrl()}.
 */
class FhirFetcher {

    private static final Pattern READ = Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");

    private final FhirGet get;
    private final int pageSize;
    private final int maxEntries;
    private final long maxSearchBytes;

    FhirFetcher(FhirGet get, CdsProperties.Fetch fetch) {
        this.get = get;
        this.pageSize = fetch.pageSize();
        this.maxEntries = fetch.maxSearchEntries();
        this.maxSearchBytes = fetch.maxSearchSize().toBytes();
    }

    /**
     * Runs a rendered prefetch query before {@code deadline} ({@code System.nanoTime()} based): a read
     * ({@code Patient/123}) or a search ({@code Condition?patient=123}), with all its pages unless the template asks
     * for its first page only ({@link PrefetchTemplates#firstPageOnly}).
     */
    Fetched fetch(FhirEndpoint endpoint, String query, boolean firstPageOnly, long deadline) {
        if (READ.matcher(query).matches()) {
            return read(endpoint, query, deadline);
        }
        HttpUrl url = withPageSize(search(base(endpoint) + "/" + query));
        FhirGet.Answer first = get.get(endpoint, url, deadline, false);
        Bundle bundle = bundle(first.resource());
        return firstPageOnly
                ? capped(BundleResources.of(bundle), false)
                : pages(endpoint, bundle, first.bytes(), deadline);
    }

    /** Continues a prefetched search Bundle whose first page the client already sent: the resources of the others. */
    Fetched remainingPages(FhirEndpoint endpoint, Bundle firstPage, long deadline) {
        int firstPageSize = BundleResources.of(firstPage).size();
        Fetched all = pages(endpoint, firstPage, 0, deadline);
        List<Resource> rest = all.resources()
                .subList(
                        Math.min(firstPageSize, all.resources().size()),
                        all.resources().size());
        return new Fetched(rest, all.cutShort());
    }

    /** Reads one resource by relative reference; a resource the server does not have is nothing. */
    Fetched read(FhirEndpoint endpoint, String reference, long deadline) {
        HttpUrl url = url(base(endpoint) + "/" + reference);
        IBaseResource resource = get.get(endpoint, url, deadline, true).resource();
        return Fetched.complete(resource == null ? List.of() : List.of((Resource) resource));
    }

    private Fetched pages(FhirEndpoint endpoint, Bundle first, long firstBytes, long deadline) {
        List<Resource> resources = new ArrayList<>(BundleResources.of(first));
        Set<String> followed = new HashSet<>();
        long bytes = firstBytes;
        Bundle page = first;
        while (next(page) != null && resources.size() < maxEntries && bytes < maxSearchBytes) {
            String next = next(page);
            if (!sameServer(endpoint, next)) {
                throw new FetchException("a next-page link of the FHIR server points outside it");
            }
            if (!followed.add(next)) {
                throw new FetchException("the FHIR server's next-page links go round in a circle");
            }
            FhirGet.Answer answer = get.get(endpoint, url(next), deadline, false);
            page = bundle(answer.resource());
            bytes += answer.bytes();
            resources.addAll(BundleResources.of(page));
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

    /**
     * The rendered template as a URL whose parameters are encoded as components: a template's literal {@code |} or
     * {@code ,} is sent as {@code %7C} or {@code %2C}, which every server decodes and none refuses (Tomcat refuses
     * a bare {@code |}).
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
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new FetchException("the FHIR server's address or a link it sent is not a valid http(s) URL");
        }
        return parsed;
    }

    private static Bundle bundle(IBaseResource resource) {
        if (resource instanceof Bundle bundle) {
            return bundle;
        }
        throw new FetchException("the FHIR server answered a search with "
                + (resource == null ? "nothing" : "a " + resource.fhirType()) + " instead of a Bundle");
    }

    private static String next(Bundle page) {
        Bundle.BundleLinkComponent link = page.getLink(Bundle.LINK_NEXT);
        return link == null ? null : link.getUrl();
    }

    private static boolean sameServer(FhirEndpoint endpoint, String url) {
        return url != null && (url.startsWith(base(endpoint) + "/") || url.startsWith(base(endpoint) + "?"));
    }
}
