package org.sarcomacds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.SarcomaCdsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

/** Settings that would leave the service open make it refuse to start, with a message that says why. */
class StartupRefusalTest {

    private static void assertRefused(String[] profiles, String because, String... properties) {
        List<String> all = new ArrayList<>(List.of("--server.port=0"));
        for (String property : properties) {
            all.add("--" + property);
        }
        assertThatThrownBy(() -> {
                    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                                    SarcomaCdsApplication.class)
                            .profiles(profiles)
                            .run(all.toArray(String[]::new))) {
                        context.getId();
                    }
                })
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining(because);
    }

    @Test
    void prodWithoutATrustedClientRefusesToStart() {
        assertRefused(new String[] {"prod"}, "no trusted client", "cds.public-base-url=https://cds.example.org");
    }

    @Test
    void prodAndSandboxProfilesTogetherRefuseToStart() {
        assertRefused(
                new String[] {"prod", "sandbox"},
                "its private key is public",
                "cds.public-base-url=https://cds.example.org");
    }

    // The other refusals, checked on the settings alone (a refused start costs seconds each)

    private static CdsProperties settings(String publicBaseUrl, boolean requireJwt, CdsProperties.Client... clients) {
        CdsProperties.Security security = new CdsProperties.Security(
                requireJwt,
                List.of(clients),
                Duration.ofSeconds(60),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                "",
                CdsProperties.ReplayCacheKind.MEMORY);
        return new CdsProperties(
                DataSize.ofMegabytes(5),
                new CdsProperties.Cors(List.of("*")),
                new CdsProperties.Fetch(
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        100,
                        5000,
                        DataSize.ofMegabytes(20),
                        DataSize.ofMegabytes(10),
                        null,
                        64,
                        Duration.ofSeconds(4),
                        List.of(),
                        false,
                        true),
                new CdsProperties.Demo(false),
                publicBaseUrl,
                security,
                new CdsProperties.Limits(32, 10_000, 1024, 1_000_000),
                new CdsProperties.Privacy(""),
                new CdsProperties.Admin(""),
                new CdsProperties.Store(1000, Duration.ofMillis(100)),
                new CdsProperties.FeedbackSettings(100, new CdsProperties.RateLimit(600, 100)),
                new CdsProperties.WarmUp(true, Duration.ofSeconds(4), 400),
                new CdsProperties.Knowledge(""),
                new CdsProperties.Sandbox(List.of()),
                new CdsProperties.Capacity(8, Duration.ofSeconds(5), Duration.ofSeconds(10), null),
                new CdsProperties.OrderSign(true));
    }

    private static CdsProperties.Client client(String issuer, String jwksUrl, String... jku) {
        return new CdsProperties.Client(issuer, jwksUrl, List.of(jku), List.of(), List.of());
    }

    @Test
    void prodWithoutPublicBaseUrlIsRefused() {
        assertThat(SecuritySettingsCheck.problems(
                        settings("", true, client("https://ehr.example.org", "https://ehr.example.org/jwks.json")),
                        "127.0.0.1",
                        true))
                .anySatisfy(p -> assertThat(p).contains("cds.public-base-url"));
    }

    @Test
    void prodRefusesPlainHttpKeyLocationsButNotLoopbackOrStaticCopies() {
        assertThat(SecuritySettingsCheck.problems(
                        settings(
                                "https://cds.example.org",
                                true,
                                client("https://ehr.example.org", "http://ehr.example.org/jwks.json")),
                        "127.0.0.1",
                        true))
                .anySatisfy(p -> assertThat(p).contains("https key locations"));
        assertThat(SecuritySettingsCheck.problems(
                        settings(
                                "https://cds.example.org",
                                true,
                                client(
                                        "https://ehr.example.org",
                                        "https://ehr.example.org/jwks.json",
                                        "http://jku.example.org/k")),
                        "127.0.0.1",
                        true))
                .anySatisfy(p -> assertThat(p).contains("http://jku.example.org/k"));
        assertThat(SecuritySettingsCheck.problems(
                        settings(
                                "https://cds.example.org",
                                true,
                                client("https://ehr.example.org", "http://127.0.0.1:9999/jwks.json"),
                                client("https://other.example.org", "classpath:keys.json")),
                        "127.0.0.1",
                        true))
                .isEmpty();
    }

    @Test
    void prodRefusesTheSandboxIssuerInAnySpelling() {
        for (String issuer : List.of(
                "https://sandbox.cds-hooks.org", "https://SANDBOX.cds-hooks.org/", "http://sandbox.cds-hooks.org")) {
            assertThat(SecuritySettingsCheck.problems(
                            settings(
                                    "https://cds.example.org",
                                    true,
                                    client(issuer, "classpath:security/sandbox-jwks.json")),
                            "127.0.0.1",
                            true))
                    .as(issuer)
                    .anySatisfy(p -> assertThat(p).contains("private key is public"));
        }
        assertThat(SecuritySettingsCheck.problems(
                        settings(
                                "",
                                true,
                                client("https://sandbox.cds-hooks.org", "classpath:security/sandbox-jwks.json")),
                        "127.0.0.1",
                        false))
                .as("outside prod (the sandbox profile)")
                .isEmpty();
    }

    @Test
    void prodMustKeepJwtOn() {
        assertThat(SecuritySettingsCheck.problems(settings("https://cds.example.org", false), "127.0.0.1", true))
                .anySatisfy(p -> assertThat(p).contains("require-jwt=true"));
    }

    @Test
    void jwtOnWithoutAClientIsRefused() {
        assertThat(SecuritySettingsCheck.problems(settings("", true), "127.0.0.1", false))
                .anySatisfy(p -> assertThat(p).contains("no trusted client"));
    }

    @Test
    void unauthenticatedServiceMayListenOnLoopbackOnly() {
        for (String address : List.of("0.0.0.0", "10.0.0.5", "::")) {
            assertThat(SecuritySettingsCheck.problems(settings("", false), address, false))
                    .as(address)
                    .anySatisfy(p -> assertThat(p).contains("must be a loopback address"));
        }
        assertThat(SecuritySettingsCheck.problems(settings("", false), null, false))
                .isNotEmpty();
        for (String address : List.of("127.0.0.1", "localhost", "::1")) {
            assertThat(SecuritySettingsCheck.problems(settings("", false), address, false))
                    .as(address)
                    .isEmpty();
        }
    }
}
