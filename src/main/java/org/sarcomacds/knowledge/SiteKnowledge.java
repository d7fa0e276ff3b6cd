package org.sarcomacds.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;

/**
 * What a site adds to {@code hooks/} without rebuilding, from the folder {@code cds.knowledge.site-dir}: codes for
 * existing value sets ({@code valuesets/*.json}), product → ingredient maps ({@code conceptmaps/*.json}) and
 * parameter overrides ({@code parameters.json}). Anything else in the folder (a rule, a card text) is refused, so a
 * site cannot change what the service recommends, only what it recognises. Markdown and text files are notes and
 * are left alone; names starting with a dot are ignored.
 *
 * @param dir         the folder, or null when no site folder is configured
 * @param valueSets   the ValueSet files, in path order
 * @param conceptMaps the ConceptMap files, in path order
 * @param parameters  the parameter overrides, or null
 * @param files       every file loaded, with its checksum, as the admin endpoint and the regress report list them
 */
public record SiteKnowledge(
        Path dir,
        List<KnowledgeFile> valueSets,
        List<KnowledgeFile> conceptMaps,
        KnowledgeFile parameters,
        List<SiteFile> files) {

    public static final SiteKnowledge NONE = new SiteKnowledge(null, List.of(), List.of(), null, List.of());

    public SiteKnowledge {
        valueSets = List.copyOf(valueSets);
        conceptMaps = List.copyOf(conceptMaps);
        files = List.copyOf(files);
    }

    /** The site folder's knowledge; none for an empty setting. */
    public static SiteKnowledge load(String folder) {
        if (folder == null || folder.isBlank()) {
            return NONE;
        }
        Path dir = Path.of(folder).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidKnowledgeException("cds.knowledge.site-dir " + dir + " is not a folder.");
        }
        List<KnowledgeFile> valueSets = new ArrayList<>();
        List<KnowledgeFile> conceptMaps = new ArrayList<>();
        KnowledgeFile parameters = null;
        List<SiteFile> files = new ArrayList<>();
        for (Path file : regularFiles(dir)) {
            String path = dir.relativize(file).toString().replace('\\', '/');
            if (isNote(path)) {
                continue;
            }
            byte[] bytes = bytes(file);
            KnowledgeFile knowledge = new KnowledgeFile(path, utf8(file, bytes), file);
            if (path.equals("parameters.json")) {
                parameters = knowledge;
            } else if (isJsonIn(path, "valuesets")) {
                valueSets.add(knowledge);
            } else if (isJsonIn(path, "conceptmaps")) {
                conceptMaps.add(knowledge);
            } else {
                throw new InvalidKnowledgeException("Site file " + file
                        + " is not one a site folder may hold: only valuesets/*.json, conceptmaps/*.json and"
                        + " parameters.json (rules, card texts and services are built in).");
            }
            files.add(new SiteFile(path, sha256(bytes), bytes.length));
        }
        return new SiteKnowledge(dir, valueSets, conceptMaps, parameters, files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    private static List<Path> regularFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list cds.knowledge.site-dir " + dir, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNote(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".txt");
    }

    private static boolean isJsonIn(String path, String folder) {
        return path.startsWith(folder + "/") && path.indexOf('/', folder.length() + 1) < 0 && path.endsWith(".json");
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidKnowledgeException("Site file " + file + " cannot be read: " + e.getMessage() + ".");
        }
    }

    private static String utf8(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidKnowledgeException("Site file " + file + " is not UTF-8 text.");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * One file loaded from the site folder.
     *
     * @param path   its path within the folder, e.g. {@code valuesets/local-pazopanib.json}
     * @param sha256 the SHA-256 of its bytes, hex
     * @param bytes  its size
     */
    public record SiteFile(String path, String sha256, long bytes) {}
}
