package org.sarcomacds.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The CDS Services this server offers, loaded once from {@code hooks/services/}. */
@Component
public class ServiceCatalog {

    private final Map<String, ServiceDefinition> byId = new LinkedHashMap<>();

    @Autowired
    ServiceCatalog() {
        this(KnowledgeFiles.jsonFiles("services"));
    }

    ServiceCatalog(List<KnowledgeFile> files) {
        for (KnowledgeFile file : files) {
            ServiceDefinition service = file.as(ServiceDefinition.class);
            check(service, file.name());
            if (byId.putIfAbsent(service.id(), service) != null) {
                throw new IllegalStateException(
                        "Service id " + service.id() + " is defined twice (" + file.name() + ")");
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalStateException("No service definitions found under hooks/services");
        }
    }

    private static void check(ServiceDefinition service, String file) {
        if (service.id() == null
                || service.description() == null
                || Hook.byId(service.hook()).isEmpty()) {
            throw new IllegalStateException(file + ": a service needs id, description and a supported hook");
        }
        for (String key : service.requiredPrefetch()) {
            if (!service.prefetch().containsKey(key)) {
                throw new IllegalStateException(file + ": required prefetch key " + key + " has no template");
            }
        }
    }

    public List<ServiceDefinition> all() {
        return List.copyOf(byId.values());
    }

    public Optional<ServiceDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
