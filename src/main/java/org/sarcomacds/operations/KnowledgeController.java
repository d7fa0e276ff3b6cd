package org.sarcomacds.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.sarcomacds.knowledge.SiteKnowledge;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** What knowledge is live: the site files loaded from {@code cds.knowledge.site-dir}, each with its checksum. */
@RestController
@Tag(name = "Admin")
class KnowledgeController {

    private final AdminToken token;
    private final SiteKnowledge site;

    KnowledgeController(AdminToken token, SiteKnowledge site) {
        this.token = token;
        this.site = site;
    }

    @Operation(
            summary = "The site knowledge files loaded at start-up, with their SHA-256",
            description = "siteDir is null when cds.knowledge.site-dir is not set; the built-in knowledge of hooks/"
                    + " is part of the release.",
            security = @SecurityRequirement(name = "adminToken"))
    @GetMapping("/admin/knowledge")
    Loaded knowledge(
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String authorization) {
        token.check(authorization);
        return new Loaded(site.dir() == null ? null : site.dir().toString(), site.files());
    }

    /**
     * @param siteDir   the site folder, or null
     * @param siteFiles every file loaded from it, in path order
     */
    record Loaded(String siteDir, List<SiteKnowledge.SiteFile> siteFiles) {}
}
