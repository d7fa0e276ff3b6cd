package org.sarcomacds.demo;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.sarcomacds.protocol.CdsRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The fixture patients as a read-only FHIR R4 server at {@code /fhir}: {@code metadata}, reads, and the searches
 * the prefetch templates use. The try-it page reads it, the service fetches from it ("let the service fetch"), and
 * any FHIR client (the public CDS Hooks sandbox, for one) can point at it. Demo data only; off in the prod profile.
 */
@RestController
@RequestMapping("/fhir")
class DemoFhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final FixtureLibrary fixtures;
    private final FhirContext fhir;
    private final String capabilityStatement;

    DemoFhirController(FixtureLibrary fixtures, FhirContext fhir) {
        this.fixtures = fixtures;
        this.fhir = fhir;
        this.capabilityStatement = fhir.newJsonParser().encodeResourceToString(capabilityStatement(fixtures.fhir()));
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata() {
        return fhirJson(capabilityStatement);
    }

    /**
     * The same search as {@code GET /fhir/{type}?…}, posted form-encoded as FHIR allows ({@code POST [base]/[type]/_search});
     * browser FHIR clients such as the public sandbox's try it first. Parameters may be in the body, the URL or both.
     */
    @PostMapping(path = "/{type}/_search", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> searchByPost(@PathVariable String type, HttpServletRequest request) {
        return search(type, request);
    }

    @GetMapping("/{type}")
    ResponseEntity<String> search(@PathVariable String type, HttpServletRequest request) {
        checkType(type);
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 1) {
                throw CdsRequestException.badRequest(
                        "Search parameter '" + name + "' is given twice; send one, with values separated by commas");
            }
            params.put(name, values[0]);
        });
        try {
            return fhirJson(fixtures.fhir().search(type, params, baseUrl()).toString());
        } catch (InMemoryFhir.UnsupportedSearchException e) {
            throw CdsRequestException.badRequest(e.getMessage());
        }
    }

    @GetMapping("/{type}/{id}")
    ResponseEntity<String> read(@PathVariable String type, @PathVariable String id) {
        checkType(type);
        if (!ID.matcher(id).matches()) {
            throw new CdsRequestException(HttpStatus.NOT_FOUND, "Not a FHIR id");
        }
        return fixtures.fhir()
                .read(type, id)
                .map(r -> fhirJson(r.toString()))
                .orElseThrow(() -> new CdsRequestException(HttpStatus.NOT_FOUND, "No " + type + " with that id here"));
    }

    private void checkType(String type) {
        if (!TYPE.matcher(type).matches() || !fhir.getResourceTypes().contains(type)) {
            throw new CdsRequestException(
                    HttpStatus.NOT_FOUND, "Not a FHIR R4 resource type; GET /fhir/metadata lists what is served");
        }
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/fhir")
                .toUriString();
    }

    private static ResponseEntity<String> fhirJson(String body) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(body);
    }

    private static CapabilityStatement capabilityStatement(InMemoryFhir data) {
        CapabilityStatement statement = new CapabilityStatement();
        statement
                .setStatus(Enumerations.PublicationStatus.ACTIVE)
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1)
                .setDescription("Sarcoma CDS demo: the fixture patients, read-only. Test data only.")
                .addFormat("application/fhir+json")
                .setDate(new java.util.Date())
                .getSoftware()
                .setName("Sarcoma CDS demo FHIR endpoint");
        CapabilityStatement.CapabilityStatementRestComponent rest =
                statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        for (String type : data.types()) {
            CapabilityStatementRestResourceComponent resource =
                    rest.addResource().setType(type);
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            resource.addInteraction()
                    .setCode(TypeRestfulInteraction.SEARCHTYPE)
                    .setDocumentation("GET [base]/" + type + "?… or POST [base]/" + type + "/_search (form-encoded)");
            for (String param : InMemoryFhir.searchParameters(type)) {
                if (param.equals("_include")) {
                    resource.addSearchInclude(type + ":medication");
                } else if (!param.startsWith("_")) {
                    resource.addSearchParam()
                            .setName(param)
                            .setType(
                                    param.equals("patient")
                                            ? Enumerations.SearchParamType.REFERENCE
                                            : Enumerations.SearchParamType.TOKEN);
                }
            }
            resource.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER);
        }
        return statement;
    }
}
