package org.sarcomacds.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the clinical content under {@code hooks/} (packaged into the jar at {@code classpath:hooks/}).
 * Content is read once at start-up; a file that cannot be read stops the start, it is never skipped.
 */
public final class KnowledgeFiles {

    private static final PathMatchingResourcePatternResolver RESOLVER = new PathMatchingResourcePatternResolver();
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private KnowledgeFiles() {}

    /** The JSON files of one folder of {@code hooks/}, in name order. */
    public static List<KnowledgeFile> jsonFiles(String folder) {
        try {
            Resource[] found = RESOLVER.getResources("classpath*:hooks/" + folder + "/*.json");
            return Arrays.stream(found)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(KnowledgeFiles::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list hooks/" + folder, e);
        }
    }

    /** A JSON tree as a record, as strictly as {@link KnowledgeFile#as}. */
    static <T> T bind(JsonNode tree, Class<T> type) {
        return STRICT.treeToValue(tree, type);
    }

    /** One JSON file of {@code hooks/}, e.g. {@code parameters.json}. */
    public static KnowledgeFile jsonFile(String path) {
        return read(RESOLVER.getResource("classpath:hooks/" + path));
    }

    private static KnowledgeFile read(Resource resource) {
        try {
            return new KnowledgeFile(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read hooks file " + resource.getFilename(), e);
        }
    }

    /**
     * One file of clinical content.
     *
     * @param name     its file name under {@code hooks/}, or its path within the site folder (cards name it)
     * @param text     its content
     * @param siteFile for a file of {@code cds.knowledge.site-dir}: where it is on disk; null for {@code hooks/}
     */
    public record KnowledgeFile(String name, String text, Path siteFile) {

        public KnowledgeFile(String name, String text) {
            this(name, text, null);
        }

        public boolean fromSite() {
            return siteFile != null;
        }

        /** The file as an error message names it: "hooks file pazopanib.json" or "site file /etc/cds/x.json". */
        public String where() {
            return fromSite() ? "Site file " + siteFile : "hooks file " + name;
        }

        /** The file as a record; a field the record does not know is an error, so a typo cannot pass silently. */
        public <T> T as(Class<T> type) {
            return STRICT.readValue(text, type);
        }

        /** The file as a JSON tree; for a site file, JSON that does not parse is refused with one sentence. */
        public JsonNode tree() {
            try {
                return STRICT.readTree(text);
            } catch (JacksonException e) {
                throw new InvalidKnowledgeException(where() + " is not valid JSON ("
                        + e.getOriginalMessage().lines().findFirst().orElse("") + ").");
            }
        }
    }
}
