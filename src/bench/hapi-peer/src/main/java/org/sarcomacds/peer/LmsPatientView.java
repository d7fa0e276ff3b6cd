package org.sarcomacds.peer;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.CdsService;
import ca.uhn.hapi.fhir.cdshooks.api.CdsServicePrefetch;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardSourceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * The peer's one service, {@code lms-patient-view}: the same hook and prefetch keys as Sarcoma CDS's patient-view
 * service (the queries as its discovery document printed them on 2026-12-06; the bench checks the keys match), and a
 * two-check rule: a Condition coded as leiomyosarcoma (ICD-O-3 8890/3 or SNOMED CT 1163022006, in the code or in an
 * extension such as mCODE's histology) and a MedicationStatement or MedicationRequest of doxorubicin (RxNorm 3639 or
 * ATC L01DB01, coded inline, or on a referenced Medication's code or ingredients) give one info card; anything else gives none. The request
 * arrives bound by HAPI's module: every prefetch value parsed into HAPI R4 resources. Public, because the module
 * calls the method by reflection.
 */
public class LmsPatientView {

    private static final String OBSERVATION = "Observation?patient={{context.patientId}}&code=";
    private static final String LATEST = "&status=final,amended,corrected&_sort=-date&_count=1";
    private static final String LOINC = "http://loinc.org|";

    private static final Set<String> LEIOMYOSARCOMA =
            Set.of("http://terminology.hl7.org/CodeSystem/icd-o-3|8890/3", "http://snomed.info/sct|1163022006");
    private static final Set<String> DOXORUBICIN =
            Set.of("http://www.nlm.nih.gov/research/umls/rxnorm|3639", "http://www.whocc.no/atc|L01DB01");

    @CdsService(
            value = "lms-patient-view",
            hook = "patient-view",
            title = "Leiomyosarcoma after doxorubicin (bench peer)",
            description = "A minimal service on HAPI's CDS Hooks module, for the benchmark only: one info card when the"
                    + " record has leiomyosarcoma and doxorubicin.",
            prefetch = {
                @CdsServicePrefetch(value = "patient", query = "Patient/{{context.patientId}}"),
                @CdsServicePrefetch(value = "conditions", query = "Condition?patient={{context.patientId}}"),
                @CdsServicePrefetch(
                        value = "medstatements",
                        query = "MedicationStatement?patient={{context.patientId}}"
                                + "&_include=MedicationStatement:medication"),
                @CdsServicePrefetch(
                        value = "medrequests",
                        query =
                                "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication"),
                @CdsServicePrefetch(value = "alp", query = OBSERVATION + LOINC + "6768-6" + LATEST),
                @CdsServicePrefetch(value = "alt", query = OBSERVATION + LOINC + "1742-6," + LOINC + "1744-2" + LATEST),
                @CdsServicePrefetch(value = "ast", query = OBSERVATION + LOINC + "1920-8" + LATEST),
                @CdsServicePrefetch(value = "bilirubin", query = OBSERVATION + LOINC + "1975-2" + LATEST),
                @CdsServicePrefetch(value = "height", query = OBSERVATION + LOINC + "8302-2" + LATEST),
                @CdsServicePrefetch(value = "bsa", query = OBSERVATION + LOINC + "8277-6" + LATEST),
                @CdsServicePrefetch(
                        value = "weight",
                        query = OBSERVATION + LOINC + "29463-7," + LOINC + "3141-9"
                                + "&status=final,amended,corrected&_sort=-date&_count=2"),
                @CdsServicePrefetch(value = "ck", query = OBSERVATION + LOINC + "2157-6" + LATEST),
                @CdsServicePrefetch(
                        value = "ecog",
                        query = OBSERVATION + LOINC + "89247-1," + LOINC + "89262-0,http://snomed.info/sct|423740007"
                                + LATEST),
                @CdsServicePrefetch(value = "genomics", query = OBSERVATION + LOINC + "69548-6&_count=50"),
                @CdsServicePrefetch(value = "haemoglobin", query = OBSERVATION + LOINC + "718-7" + LATEST),
                @CdsServicePrefetch(
                        value = "hcg",
                        query = OBSERVATION + LOINC + "2106-3," + LOINC + "80384-1," + LOINC + "2112-1," + LOINC
                                + "2118-8," + LOINC + "2110-5," + LOINC + "80385-8," + LOINC + "19080-1," + LOINC
                                + "83086-9," + LOINC + "21198-7" + LATEST),
                @CdsServicePrefetch(
                        value = "lvef",
                        query = OBSERVATION + LOINC + "10230-1," + LOINC + "18043-0," + LOINC + "8806-2," + LOINC
                                + "8807-0," + LOINC + "8812-0," + LOINC + "8811-2," + LOINC + "8808-8,"
                                + "http://snomed.info/sct|250908004" + LATEST),
                @CdsServicePrefetch(
                        value = "neutrophils",
                        query = OBSERVATION + LOINC + "751-8," + LOINC + "26499-4," + LOINC + "753-4" + LATEST),
                @CdsServicePrefetch(
                        value = "platelets",
                        query = OBSERVATION + LOINC + "777-3," + LOINC + "26515-7" + LATEST),
                @CdsServicePrefetch(value = "pregnancy", query = OBSERVATION + LOINC + "82810-3" + LATEST)
            })
    public CdsServiceResponseJson lmsPatientView(CdsServiceRequestJson request) {
        CdsServiceResponseJson response = new CdsServiceResponseJson();
        Bundle conditions = bundle(request.getPrefetch("conditions"));
        if (hasLeiomyosarcoma(conditions)
                && (hadDoxorubicin(bundle(request.getPrefetch("medstatements")))
                        || hadDoxorubicin(bundle(request.getPrefetch("medrequests"))))) {
            response.addCard(new CdsServiceResponseCardJson()
                    .setSummary("Leiomyosarcoma after doxorubicin: review next-line options")
                    .setDetail("The record has a leiomyosarcoma diagnosis and doxorubicin in its medication history.")
                    .setIndicator(CdsServiceIndicatorEnum.INFO)
                    .setSource(new CdsServiceResponseCardSourceJson().setLabel("HAPI CDS Hooks peer (bench only)")));
        }
        return response;
    }

    private static Bundle bundle(IBaseResource resource) {
        return resource instanceof Bundle b ? b : new Bundle();
    }

    private static boolean hasLeiomyosarcoma(Bundle conditions) {
        for (Bundle.BundleEntryComponent entry : conditions.getEntry()) {
            if (entry.getResource() instanceof Condition condition) {
                if (coded(condition.getCode(), LEIOMYOSARCOMA)) {
                    return true;
                }
                for (Extension extension : condition.getExtension()) {
                    if (extension.getValue() instanceof CodeableConcept concept && coded(concept, LEIOMYOSARCOMA)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hadDoxorubicin(Bundle medications) {
        for (Bundle.BundleEntryComponent entry : medications.getEntry()) {
            Type medication = null;
            if (entry.getResource() instanceof MedicationStatement statement) {
                medication = statement.getMedication();
            } else if (entry.getResource() instanceof MedicationRequest request) {
                medication = request.getMedication();
            }
            if (medication instanceof CodeableConcept concept && coded(concept, DOXORUBICIN)) {
                return true;
            }
            if (medication instanceof Reference reference && doxorubicin(medication(reference, medications))) {
                return true;
            }
        }
        return false;
    }

    /** The Medication a reference names: resolved by HAPI's parser, or found in the Bundle ({@code _include}). */
    private static Medication medication(Reference reference, Bundle bundle) {
        if (reference.getResource() instanceof Medication resolved) {
            return resolved;
        }
        String id = reference.getReferenceElement().getIdPart();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Medication included
                    && id != null
                    && id.equals(included.getIdElement().getIdPart())) {
                return included;
            }
        }
        return null;
    }

    /** A Medication coded as doxorubicin, or with doxorubicin among its ingredients (a product code beside it). */
    private static boolean doxorubicin(Medication medication) {
        if (medication == null) {
            return false;
        }
        if (coded(medication.getCode(), DOXORUBICIN)) {
            return true;
        }
        for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
            if (ingredient.getItem() instanceof CodeableConcept concept && coded(concept, DOXORUBICIN)) {
                return true;
            }
        }
        return false;
    }

    private static boolean coded(CodeableConcept concept, Set<String> codes) {
        for (Coding coding : concept.getCoding()) {
            if (codes.contains(coding.getSystem() + "|" + coding.getCode())) {
                return true;
            }
        }
        return false;
    }
}
