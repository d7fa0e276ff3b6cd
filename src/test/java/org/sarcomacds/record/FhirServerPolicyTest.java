package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.security.HostResolver;
import org.sarcomacds.security.SafeDns;

/**
 * The {@code fhirServer} of a hook call is untrusted: the service sends the client's token there and reads what it
 * answers. These cases use IP literals and {@code localhost} only, so no test depends on real DNS ({@code permits}
 * resolves host names; the one name-resolution case uses the reserved {@code .invalid} TLD, which never resolves).
 */
class FhirServerPolicyTest {

    private static final FhirServerPolicy LOOPBACK_ONLY = new FhirServerPolicy(List.of(), true);
    private static final FhirServerPolicy NOTHING = new FhirServerPolicy(List.of(), false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254",
                "http://169.254.169.254/latest/meta-data",
                "http://[fe80::1]/",
                "http://[fe80::1]",
                "http://[fd00:ec2::254]/latest",
                "http://[::ffff:169.254.169.254]/"
            })
    void linkLocalAndCloudMetadataAreRefusedEvenWhenAllowlisted(String url) {
        FhirServerPolicy policy = new FhirServerPolicy(
                List.of(
                        "http://169.254.169.254",
                        "http://[fe80::1]",
                        "http://[fd00:ec2::254]",
                        "http://[::ffff:169.254.169.254]"),
                true);

        assertThat(policy.permits(url)).as(url).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0.0.0.0/fhir", "http://0.0.0.0:8080/fhir", "http://[::]/fhir", "http://224.0.0.1/"})
    void wildcardAndMulticastAreRefusedEvenWithLoopbackAllowedAndAllowlisted(String url) {
        FhirServerPolicy policy = new FhirServerPolicy(List.of(url), true);

        assertThat(policy.permits(url)).as(url).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/fhir",
                "http://127.0.0.2/fhir",
                "http://localhost:8080/fhir",
                "http://[::1]:8080/fhir",
                "https://127.0.0.1/fhir/r4/"
            })
    void loopbackIsAllowedOnlyWhenLoopbackIsAllowed(String url) {
        assertThat(LOOPBACK_ONLY.permits(url)).as("allowLoopback=true: " + url).isTrue();
        assertThat(NOTHING.permits(url)).as("allowLoopback=false: " + url).isFalse();
    }

    @Test
    void allowlistedBaseAndItsSubPathsAreAllowed() {
        FhirServerPolicy policy = new FhirServerPolicy(List.of("https://127.0.0.1:8443/fhir/"), false);

        assertThat(policy.permits("https://127.0.0.1:8443/fhir")).isTrue();
        assertThat(policy.permits("https://127.0.0.1:8443/fhir/")).isTrue();
        assertThat(policy.permits("https://127.0.0.1:8443/fhir/r4")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1:8443/fhirx", // path prefix without a "/" boundary
                "https://127.0.0.1:8443/fhir-evil/r4",
                "https://127.0.0.1:8443", // the parent of the allowlisted base
                "http://127.0.0.1:8443/fhir", // scheme downgrade
                "https://127.0.0.1:9443/fhir", // another port
                "https://127.0.0.10:8443/fhir", // host whose text starts with the allowlisted one
                "https://localhost:8443/fhir"
            }) // same machine, but not the allowlisted spelling
    void urlsThatOnlyLookLikeTheAllowlistedBaseAreRefused(String url) {
        FhirServerPolicy policy = new FhirServerPolicy(List.of("https://127.0.0.1:8443/fhir"), false);

        assertThat(policy.permits(url)).as(url).isFalse();
    }

    @Test
    void hostNamePrefixTrickIsRefused() {
        // https://fhir.example.org.evil.test vs an allowlisted https://fhir.example.org, with literals for both:
        // the text of the request starts with the allowlisted base, but the host is another one.
        FhirServerPolicy policy = new FhirServerPolicy(List.of("https://127.0.0.1"), false);

        assertThat(policy.permits("https://127.0.0.1")).isTrue();
        assertThat(policy.permits("https://127.0.0.1/fhir")).isTrue();
        assertThat(policy.permits("https://127.0.0.10")).isFalse();
        assertThat(policy.permits("https://127.0.0.1:8443")).isFalse();
        assertThat(policy.permits("https://127.0.0.1.invalid")).isFalse();
    }

    @Test
    void unresolvableHostIsRefusedEvenWhenAllowlisted() {
        FhirServerPolicy policy = new FhirServerPolicy(List.of("https://fhir.sarcomacds.invalid"), true);

        assertThat(policy.permits("https://fhir.sarcomacds.invalid")).isFalse();
        assertThat(policy.permits("https://fhir.sarcomacds.invalid/r4")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://user@127.0.0.1/fhir",
                "http://user:secret@127.0.0.1/fhir",
                "http://127.0.0.1@127.0.0.2/fhir",
                "http://127.0.0.1:8443@127.0.0.1:9443/fhir"
            })
    void userInfoIsRefused(String url) {
        FhirServerPolicy policy = new FhirServerPolicy(List.of("http://127.0.0.1:8443"), true);

        assertThat(policy.permits(url)).as(url).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "file://127.0.0.1/etc/passwd",
                "ftp://127.0.0.1/fhir",
                "gopher://127.0.0.1:70/",
                "jar:http://127.0.0.1/x.jar!/",
                "ws://127.0.0.1/fhir"
            })
    void nonHttpSchemesAreRefused(String url) {
        FhirServerPolicy policy = new FhirServerPolicy(List.of(url), true);

        assertThat(policy.permits(url)).as(url).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "fhir",
                "/fhir",
                "127.0.0.1:8080/fhir",
                "http:///fhir",
                "http://127.0.0.1/fhir?x=1",
                "http://127.0.0.1/fhir#frag",
                "http://127.0.0.1\\@evil/fhir",
                "http://127.0.0.1/fh ir"
            })
    void malformedOrDecoratedUrlsAreRefused(String url) {
        assertThat(LOOPBACK_ONLY.permits(url)).as(url).isFalse();
    }

    @Test
    void forbiddenAddressClassification() throws Exception {
        assertThat(SafeDns.isForbidden(java.net.InetAddress.getByName("169.254.169.254")))
                .isTrue();
        assertThat(SafeDns.isForbidden(java.net.InetAddress.getByName("fe80::1")))
                .isTrue();
        assertThat(SafeDns.isForbidden(java.net.InetAddress.getByName("0.0.0.0")))
                .isTrue();
        assertThat(SafeDns.isForbidden(java.net.InetAddress.getByName("127.0.0.1")))
                .isFalse();
        assertThat(SafeDns.isForbidden(java.net.InetAddress.getByName("::1"))).isFalse();
    }

    /** Names resolved without DNS: {@code ehr.test} is a remote host, {@code local.test} a name for loopback. */
    private static final HostResolver TEST_DNS = host -> switch (host) {
        case "ehr.test" -> List.of(java.net.InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3}));
        case "local.test" -> List.of(java.net.InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        default -> HostResolver.SYSTEM.resolve(host);
    };

    @Test
    void requireHttpsRefusesPlainHttpExceptToAnExplicitLoopbackHost() {
        List<String> allowed = List.of(
                "http://ehr.test/fhir",
                "https://ehr.test/fhir",
                "http://local.test/fhir",
                "http://127.0.0.1:8080/fhir",
                "http://localhost:8080/fhir",
                "http://[::1]:8080/fhir");
        FhirServerPolicy prod = new FhirServerPolicy(allowed, false, true, TEST_DNS);
        FhirServerPolicy demo = new FhirServerPolicy(allowed, false, false, TEST_DNS);

        assertThat(prod.permits("http://ehr.test/fhir")).isFalse();
        assertThat(prod.permits("http://local.test/fhir"))
                .as("a name that only resolves to loopback")
                .isFalse();
        assertThat(prod.permits("https://ehr.test/fhir")).isTrue();
        assertThat(prod.permits("http://127.0.0.1:8080/fhir")).isTrue();
        assertThat(prod.permits("http://localhost:8080/fhir")).isTrue();
        assertThat(prod.permits("http://[::1]:8080/fhir")).isTrue();
        assertThat(demo.permits("http://ehr.test/fhir")).isTrue();
        assertThat(prod.permitsForClient("http://ehr.test/fhir", allowed)).isFalse();
        assertThat(prod.permitsForClient("https://ehr.test/fhir/r4", allowed)).isTrue();
    }

    @Test
    void aClientMayUseOnlyItsOwnServersNotTheGlobalListNorLoopback() {
        FhirServerPolicy policy = new FhirServerPolicy(List.of("https://127.0.0.1:8443/global"), true);

        assertThat(policy.permitsForClient("https://127.0.0.1:8443/global", List.of("https://127.0.0.1:9443/fhir")))
                .isFalse();
        assertThat(policy.permitsForClient("http://127.0.0.1:8080/fhir", List.of("https://127.0.0.1:9443/fhir")))
                .isFalse();
        assertThat(policy.permitsForClient("https://127.0.0.1:9443/fhir", List.of("https://127.0.0.1:9443/fhir/")))
                .isTrue();
        assertThat(policy.permitsForClient("http://169.254.169.254/fhir", List.of("http://169.254.169.254/fhir")))
                .isFalse();
        assertThat(policy.permitsForClient("http://127.0.0.1:9443/fhir", List.of()))
                .isFalse();
    }
}
