package org.sarcomacds.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What knowledge is live: {@code GET /admin/knowledge} lists the site files loaded, each with its SHA-256. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.knowledge.site-dir=src/test/resources/regress/site", "cds.admin.token=knowledge-admin-token"
        })
class SiteKnowledgeEndpointTest {

    private static final Path SITE = Path.of("src/test/resources/regress/site");

    @LocalServerPort
    int port;

    @Test
    void listsEverySiteFileWithItsChecksum() throws Exception {
        HookClient.Reply reply =
                new HookClient(port).get("/admin/knowledge", "Authorization", "Bearer knowledge-admin-token");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode loaded = reply.json();
        assertThat(loaded.path("siteDir").asString())
                .isEqualTo(SITE.toAbsolutePath().toString());
        assertThat(loaded.path("siteFiles")).hasSize(2);
        for (JsonNode file : loaded.path("siteFiles")) {
            byte[] bytes = Files.readAllBytes(SITE.resolve(file.path("path").asString()));
            assertThat(file.path("sha256").asString())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(file.path("bytes").asLong()).isEqualTo(bytes.length);
        }
        assertThat(loaded.path("siteFiles").path(0).path("path").asString())
                .isEqualTo("conceptmaps/local-formulary.json");
    }

    @Test
    void needsTheAdminToken() {
        assertThat(new HookClient(port).get("/admin/knowledge").status()).isEqualTo(401);
    }
}
