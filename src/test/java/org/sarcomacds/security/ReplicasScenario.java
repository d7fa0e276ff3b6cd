package org.sarcomacds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sarcomacds.SarcomaCdsApplication;
import org.sarcomacds.support.FileClient;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas of the service behind one public URL, on one database, with {@code cds.security.replay-cache=database}:
 * a token one replica accepted is refused by the other (before, each replica accepted it once). Run on H2
 * ({@link H2ReplicasTest}, two instances in this JVM on one in-memory database) and on PostgreSQL
 * ({@link PostgresReplicasIT}).
 */
abstract class ReplicasScenario {

    private static final String BASE = "https://cds.test";
    private static final String SERVICE = "/cds-services/lms-patient-view";

    /** Command-line arguments that point both replicas at the database under test. */
    abstract List<String> databaseArguments();

    @Test
    void aTokenAcceptedByOneReplicaIsRefusedByTheOther() {
        FileClient ehr = new FileClient(
                Path.of("target", "replicas-test", UUID.randomUUID().toString()), "https://ehr.test");
        JsonNode call = Fixture.read(Path.of("docs/examples/patient-view-lms-uterine.json"));
        try (ConfigurableApplicationContext first = startReplica(ehr);
                ConfigurableApplicationContext second = startReplica(ehr)) {
            HookClient one = client(first);
            HookClient two = client(second);
            String token = ehr.bearer(BASE, SERVICE);

            assertThat(one.post(SERVICE, call, token).status()).as("first use").isEqualTo(200);
            assertThat(two.post(SERVICE, call, token).status())
                    .as("the same token at the other replica")
                    .isEqualTo(401);
            assertThat(one.post(SERVICE, call, token).status())
                    .as("and at the first again")
                    .isEqualTo(401);

            String another = ehr.bearer(BASE, SERVICE);
            assertThat(two.post(SERVICE, call, another).status())
                    .as("a new token at the second replica")
                    .isEqualTo(200);
            assertThat(one.post(SERVICE, call, another).status()).isEqualTo(401);
        }
    }

    private ConfigurableApplicationContext startReplica(FileClient ehr) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--cds.security.require-jwt=true",
                "--cds.public-base-url=" + BASE,
                "--cds.security.replay-cache=database"));
        ehr.settings(0).forEach(setting -> args.add("--" + setting));
        args.addAll(databaseArguments());
        return new SpringApplicationBuilder(SarcomaCdsApplication.class).run(args.toArray(String[]::new));
    }

    private static HookClient client(ConfigurableApplicationContext context) {
        return new HookClient(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }
}
