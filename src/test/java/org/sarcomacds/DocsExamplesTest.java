package org.sarcomacds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.support.CdsResponseAssertions.assertValidResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The requests the README tells people to curl still work and still produce a card. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocsExamplesTest {

    @LocalServerPort
    int port;

    @Test
    void everyDocumentedExampleAnswersWithCards() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("docs/examples"))) {
            examples =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            JsonNode request = Fixture.read(example);
            HookClient.Reply reply = new HookClient(port)
                    .post("/cds-services/lms-" + request.path("hook").asString(), request);
            assertThat(reply.status()).as(example + ": " + reply.body()).isEqualTo(200);
            assertValidResponse(reply.json());
            assertThat(reply.json().path("cards").size()).as(example.toString()).isPositive();
        }
    }
}
