package org.sarcomacds.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.record.PrefetchDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The CDS Services this server offers, loaded once from {@code hooks/services/}, each with the shared prefetch. */
@Component
public class ServiceCatalog {

    private final Map<String, ServiceDefinition> byId = new LinkedHashMap<>();

    @Autowired
    ServiceCatalog(PrefetchDefinition prefetch) {
        this(KnowledgeFiles.jsonFiles("services"), prefetch);
    }

    public ServiceCatalog(List<KnowledgeFile> files, PrefetchDefinition prefetch) {
        for (KnowledgeFile file : files) {
            ServiceFile service = file.as(ServiceFile.class);
            Optional<Hook> hook = Hook.byId(service.hook() == null ? "" : service.hook());
            if (service.id() == null || service.description() == null || hook.isEmpty()) {
                throw new IllegalStateException(file.name() + ": a service needs id, description and a supported hook");
            }
            ServiceDefinition definition = new ServiceDefinition(
                    service.id(),
                    hook.get(),
                    service.title(),
                    service.description(),
                    service.usageRequirements(),
                    prefetch.templates(),
                    prefetch.required());
            if (byId.putIfAbsent(service.id(), definition) != null) {
                throw new IllegalStateException(
                        "Service id " + service.id() + " is defined twice (" + file.name() + ")");
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalStateException("No service definitions found under hooks/services");
        }
    }

    public List<ServiceDefinition> all() {
        return List.copyOf(byId.values());
    }

    public Optional<ServiceDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A file of {@code hooks/services/}: what discovery says about the service, besides the shared prefetch. */
    record ServiceFile(String id, String hook, String title, String description, String usageRequirements) {}
}
