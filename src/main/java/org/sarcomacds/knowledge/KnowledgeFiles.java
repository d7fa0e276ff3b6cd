package org.sarcomacds.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
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

    /** One file of clinical content: its name (for error messages) and its text. */
    public record KnowledgeFile(String name, String text) {

        /** The file as a record; a field the record does not know is an error, so a typo cannot pass silently. */
        public <T> T as(Class<T> type) {
            return STRICT.readValue(text, type);
        }
    }
}
