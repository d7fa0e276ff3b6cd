package org.sarcomacds.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A synthetic patient chart as an EHR's FHIR server would hold it, shaped like the fixture records (meta, category,
 * identifiers, displays, reference ranges). The realistic chart is a woman with metastatic uterine leiomyosarcoma
 * (liver and lung metastases) after six cycles of doxorubicin, now on pazopanib, with a year of labs; the rules
 * that exist today fire on it (trabectedin next line; gemcitabine + pazopanib on the order hooks). Deterministic:
 * the same seed gives the same chart.
 */
final class Chart {

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String LOCAL_MED = "urn:oid:1.2.840.114350.1.13.0.1.7.2.698288";
    /**
     * Made-up medication codes of the wide chart: numbers that look like RxNorm codes, in a local system under the
     * OID arc reserved for examples (2.999), so none of them can be read as a claim about a real drug's code.
     */
    static final String EXAMPLE_LOCAL_MED = "urn:oid:2.999.14.1.7.2";

    /**
     * The day the chart is generated for: the test configuration's {@code cds.clinical.as-of}, and what the bench
     * passes to the servers it starts, so that the latest results are days old, as in a clinic, on any run date.
     */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String patientId;
    final List<ObjectNode> resources = new ArrayList<>();
    private final Random random;

    private Chart(String patientId, long seed) {
        this.patientId = patientId;
        this.random = new Random(seed);
    }

    /** The chart of the issue: 20 Conditions, 60 MedicationStatements, 20 MedicationRequests, 150 labs, vitals. */
    static Chart realistic() {
        Chart chart = new Chart("bench-lms-realistic", 42);
        chart.patient();
        chart.conditions(20);
        chart.medications(60, 20);
        chart.labs(150);
        chart.vitals(1, 4);
        return chart;
    }

    /** A small chart: the same diagnosis and treatment history, a handful of resources. */
    static Chart small() {
        Chart chart = new Chart("bench-lms-small", 7);
        chart.patient();
        chart.conditions(3);
        chart.medications(3, 1);
        chart.labs(9);
        chart.vitals(1, 1);
        return chart;
    }

    /**
     * The chart of an EHR with a wide medication list: 18 Conditions (the sarcoma, two metastases and 15 unrelated
     * comorbidities), doxorubicin and pazopanib as in the realistic chart, and 60 further distinct medications — 40
     * supportive drugs (MedicationStatements) and 20 prescriptions (MedicationRequests) — each with its own local
     * code and free-text name, every third through a Medication reference; a year of labs.
     */
    static Chart wideMedications() {
        Chart chart = new Chart("bench-lms-wide", 23);
        chart.patient();
        chart.conditions(18);
        chart.medications(6, 1, 6);
        chart.pazopanibNow();
        chart.distinctMedications();
        chart.labs(150);
        chart.vitals(1, 4);
        return chart;
    }

    /**
     * A long record of about 1,000 resources in the request (within {@code cds.limits}): 60 Conditions, 560
     * MedicationStatements and 360 MedicationRequests over years of treatment, 400 labs (of which the templates ask
     * for the latest of each test).
     */
    static Chart large() {
        Chart chart = new Chart("bench-lms-large", 99);
        chart.patient();
        chart.conditions(60);
        chart.medications(560, 360);
        chart.labs(400);
        chart.vitals(2, 12);
        return chart;
    }

    int count(String type) {
        return (int) resources.stream()
                .filter(r -> r.path("resourceType").asString().equals(type))
                .count();
    }

    private ObjectNode resource(String type, String id) {
        ObjectNode r = JSON.createObjectNode().put("resourceType", type).put("id", id);
        r.putObject("meta").put("versionId", "1").put("lastUpdated", "2026-11-16T15:02:10Z");
        resources.add(r);
        return r;
    }

    private void subject(ObjectNode r) {
        r.putObject("subject").put("reference", "Patient/" + patientId).put("display", "Lindqvist, Maria E");
    }

    private void patient() {
        ObjectNode p = resource("Patient", patientId);
        ObjectNode id = p.putArray("identifier").addObject().put("use", "usual");
        coding(id.putObject("type"), "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")
                .put("text", "MRN");
        id.put("system", "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14")
                .put("value", "E" + (2000000 + random.nextInt(999999)));
        p.put("active", true);
        ObjectNode name = p.putArray("name").addObject().put("use", "official").put("family", "Lindqvist");
        name.putArray("given").add("Maria").add("Elisabet");
        p.putArray("telecom")
                .addObject()
                .put("system", "phone")
                .put("value", "555-0142")
                .put("use", "home");
        p.put("gender", "female").put("birthDate", "1964-09-03");
        p.putArray("address")
                .addObject()
                .put("use", "home")
                .put("city", "Madison")
                .put("state", "WI")
                .put("postalCode", "53703");
    }

    private void conditions(int n) {
        condition(
                        "cond-lms",
                        "2024-07-02",
                        "active",
                        "Leiomyosarcoma of uterus (myometrium), FIGO IVB",
                        new String[][] {
                            {ICD10, "C54.2", "Malignant neoplasm of myometrium"},
                            {SNOMED, "1163022006", "Leiomyosarcoma (morphologic abnormality)"}
                        })
                .putArray("extension")
                .addObject()
                .put("url", "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior")
                .set("valueCodeableConcept", coding(JSON.createObjectNode(), ICDO3, "8890/3", "Leiomyosarcoma, NOS"));
        if (n > 1) {
            condition(
                    "cond-liver-mets",
                    "2025-05-20",
                    "active",
                    "Liver metastases (segments VI and VII)",
                    new String[][] {{SNOMED, "94381002", "Secondary malignant neoplasm of liver"}});
        }
        if (n > 2) {
            condition("cond-lung-mets", "2025-05-20", "active", "Bilateral pulmonary metastases", new String[][] {
                {SNOMED, "94391008", "Secondary malignant neoplasm of lung"}
            });
        }
        String[][] history = {
            {"I10", "Essential (primary) hypertension", "active"},
            {"E03.9", "Hypothyroidism, unspecified", "active"},
            {"D64.9", "Anemia, unspecified", "active"},
            {"K21.9", "Gastro-esophageal reflux disease without esophagitis", "active"},
            {"E11.9", "Type 2 diabetes mellitus without complications", "active"},
            {"F41.9", "Anxiety disorder, unspecified", "active"},
            {"G62.0", "Drug-induced polyneuropathy", "active"},
            {"M54.50", "Low back pain, unspecified", "resolved"},
            {"R11.0", "Nausea", "resolved"},
            {"D70.1", "Agranulocytosis secondary to cancer chemotherapy", "resolved"},
            {"I26.99", "Other pulmonary embolism without acute cor pulmonale", "resolved"},
            {"N39.0", "Urinary tract infection, site not specified", "resolved"},
            {"E78.5", "Hyperlipidemia, unspecified", "active"},
            {"R53.83", "Other fatigue", "active"},
            {"K59.00", "Constipation, unspecified", "resolved"},
            {"Z92.21", "Personal history of antineoplastic chemotherapy", "active"},
            {"Z79.01", "Long term (current) use of anticoagulants", "active"}
        };
        // beyond the 17 comorbidities (the large chart), the same problems recorded again at earlier encounters
        for (int i = 0; i < n - 3; i++) {
            String[] problem = history[i % history.length];
            condition("cond-hx-" + i, date(400 + 40 * i), problem[2], problem[1], new String[][] {
                {ICD10, problem[0], problem[1]}
            });
        }
    }

    private ObjectNode condition(String id, String onset, String clinical, String text, String[][] codings) {
        ObjectNode c = resource("Condition", id);
        coding(
                c.putObject("clinicalStatus"),
                "http://terminology.hl7.org/CodeSystem/condition-clinical",
                clinical,
                null);
        coding(
                c.putObject("verificationStatus"),
                "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "confirmed",
                null);
        coding(
                c.putArray("category").addObject(),
                "http://terminology.hl7.org/CodeSystem/condition-category",
                "problem-list-item",
                "Problem List Item");
        ObjectNode code = c.putObject("code");
        ArrayNode list = code.putArray("coding");
        for (String[] coding : codings) {
            list.addObject().put("system", coding[0]).put("code", coding[1]).put("display", coding[2]);
        }
        code.put("text", text);
        subject(c);
        c.put("onsetDateTime", onset).put("recordedDate", onset);
        c.putObject("recorder").put("display", "Dr. Anna Kowalski, Sarcoma Medical Oncology");
        return c;
    }

    /** Drugs of the chart: {name, system, code, status of the statements}. */
    private static final String[][] DRUGS = {
        {"DOXOrubicin 2 mg/mL injection", RXNORM, "3639", "completed", "ref"},
        {"PAZOPanib 200 mg tablet", ATC, "L01EX03", "active", "ref"},
        {"ifosfamide 1 g injection", ATC, "L01AA06", "completed", "cc"},
        {"dexamethasone 4 mg tablet", ATC, "H02AB02", "completed", "cc"},
        {"ondansetron 8 mg tablet", LOCAL_MED, "30921", "active", "cc"},
        {"pegfilgrastim 6 mg/0.6 mL syringe", LOCAL_MED, "48113", "completed", "cc"},
        {"levothyroxine 75 mcg tablet", LOCAL_MED, "10582", "active", "cc"},
        {"amlodipine 5 mg tablet", LOCAL_MED, "17767", "active", "cc"},
        {"metformin 500 mg tablet", LOCAL_MED, "6809", "active", "cc"},
        {"apixaban 5 mg tablet", LOCAL_MED, "1364430", "active", "cc"},
        {"loperamide 2 mg capsule", null, null, "active", "cc"},
        {"pantoprazole 40 mg tablet", LOCAL_MED, "40790", "active", "cc"}
    };

    private void medications(int statements, int requests) {
        medications(statements, requests, Math.min(6, Math.max(1, statements / 10)));
    }

    /** The first {@code cycles} statements are doxorubicin cycles, the rest cycle through the chart's other drugs. */
    private void medications(int statements, int requests, int cycles) {
        for (int d = 0; d < 2; d++) {
            ObjectNode m = resource("Medication", "med-" + d);
            ObjectNode code = m.putObject("code");
            code.putArray("coding")
                    .addObject()
                    .put("system", LOCAL_MED)
                    .put("code", String.valueOf(96000 + d))
                    .put("display", DRUGS[d][0]);
            if (d == 1) {
                ((ArrayNode) code.get("coding"))
                        .addObject()
                        .put("system", ATC)
                        .put("code", "L01EX03")
                        .put("display", "pazopanib");
            }
            code.put("text", DRUGS[d][0]);
            m.put("status", "active");
            m.putObject("form").put("text", d == 0 ? "Injection solution" : "Film-coated tablet");
            if (d == 0) {
                coding(
                        m.putArray("ingredient").addObject().putObject("itemCodeableConcept"),
                        RXNORM,
                        "3639",
                        "doxorubicin");
            }
        }
        for (int i = 0; i < statements; i++) {
            // the first statements are six doxorubicin cycles (or fewer in a small chart), then the current drugs
            int drug = i < cycles ? 0 : 1 + (i % (DRUGS.length - 1));
            ObjectNode s = resource("MedicationStatement", "ms-" + i);
            s.put("status", drug == 0 ? "completed" : DRUGS[drug][3]);
            medication(s, drug);
            subject(s);
            int start = drug == 0 ? 800 - 21 * i : 20 + random.nextInt(500);
            ObjectNode period = s.putObject("effectivePeriod").put("start", date(start));
            if (!DRUGS[drug][3].equals("active") || drug == 0) {
                period.put("end", date(Math.max(0, start - 21)));
            }
            s.put("dateAsserted", date(start));
            s.putObject("informationSource").put("display", "Dr. Anna Kowalski");
            s.putArray("dosage").addObject().put("text", dosage(drug));
        }
        for (int i = 0; i < requests; i++) {
            int drug = i == 0 ? 0 : 1 + (i % (DRUGS.length - 1));
            ObjectNode r = resource("MedicationRequest", "mr-" + i);
            r.put("status", drug == 0 ? "completed" : i % 4 == 0 ? "stopped" : "active")
                    .put("intent", "order");
            medication(r, drug);
            subject(r);
            r.put("authoredOn", date(drug == 0 ? 820 : 30 + random.nextInt(400)));
            r.putObject("requester").put("display", "Dr. Anna Kowalski, Sarcoma Medical Oncology");
            r.putArray("reasonReference").addObject().put("reference", "Condition/cond-lms");
            r.putArray("dosageInstruction").addObject().put("text", dosage(drug));
            r.putObject("dispenseRequest")
                    .putObject("validityPeriod")
                    .put("start", date(400))
                    .put("end", date(-40));
        }
    }

    private void medication(ObjectNode owner, int drug) {
        String[] d = DRUGS[drug];
        if (d[4].equals("ref")) {
            owner.putObject("medicationReference")
                    .put("reference", "Medication/med-" + drug)
                    .put("display", d[0]);
            return;
        }
        ObjectNode cc = owner.putObject("medicationCodeableConcept");
        if (d[1] != null) {
            cc.putArray("coding")
                    .addObject()
                    .put("system", d[1])
                    .put("code", d[2])
                    .put("display", d[0]);
        }
        cc.put("text", d[0]);
    }

    private void pazopanibNow() {
        ObjectNode s = resource("MedicationStatement", "ms-pazopanib");
        s.put("status", "active");
        medication(s, 1);
        subject(s);
        s.putObject("effectivePeriod").put("start", date(60));
        s.put("dateAsserted", date(60));
        s.putArray("dosage").addObject().put("text", "800 mg once daily without food");
    }

    /** {name as coded, free text as entered}: supportive drugs, then prescriptions for the comorbidities. */
    private static final String[][] SUPPORTIVE = {
        {"ondansetron 8 MG Oral Tablet", "ondansetron 8 mg tablet, take 1 tablet every 8 hours as needed for nausea"},
        {"prochlorperazine maleate 10 MG Oral Tablet", "prochlorperazine 10 mg tablet PRN nausea"},
        {"metoclopramide 10 MG Oral Tablet", "metoclopramide 10 mg tab before meals"},
        {"aprepitant 125 MG Oral Capsule", "aprepitant 125 mg capsule day 1 of cycle"},
        {"olanzapine 5 MG Oral Tablet", "olanzapine 5 mg at bedtime days 1-4"},
        {"lorazepam 0.5 MG Oral Tablet", "lorazepam 0.5 mg tablet q6h PRN anxiety/nausea"},
        {"omeprazole 20 MG Delayed Release Oral Capsule", "omeprazole DR 20 mg capsule daily"},
        {"famotidine 20 MG Oral Tablet", "famotidine 20 mg BID"},
        {"docusate sodium 100 MG Oral Capsule", "docusate 100 mg capsule twice daily"},
        {"sennosides 8.6 MG Oral Tablet", "senna 8.6 mg 2 tabs at bedtime"},
        {"polyethylene glycol 3350 17 G Oral Powder", "PEG 3350 17 g powder in 8 oz water daily"},
        {"bisacodyl 10 MG Rectal Suppository", "bisacodyl 10 mg suppository PRN constipation"},
        {"oxycodone hydrochloride 5 MG Oral Tablet", "oxycodone 5 mg tablet q4h PRN pain"},
        {"morphine sulfate 15 MG Extended Release Oral Tablet", "morphine ER 15 mg q12h"},
        {"hydromorphone hydrochloride 2 MG Oral Tablet", "hydromorphone 2 mg q4h PRN breakthrough pain"},
        {"acetaminophen 500 MG Oral Tablet", "acetaminophen 500 mg 2 tabs q6h PRN (max 3 g/day)"},
        {"gabapentin 300 MG Oral Capsule", "gabapentin 300 mg TID for neuropathy"},
        {"pregabalin 75 MG Oral Capsule", "pregabalin 75 mg BID"},
        {"duloxetine 30 MG Delayed Release Oral Capsule", "duloxetine 30 mg daily"},
        {"sertraline 50 MG Oral Tablet", "sertraline 50 mg daily"},
        {"mirtazapine 15 MG Oral Tablet", "mirtazapine 15 mg at bedtime (appetite, sleep)"},
        {"zolpidem tartrate 5 MG Oral Tablet", "zolpidem 5 mg at bedtime PRN insomnia"},
        {"enoxaparin sodium 80 MG/0.8 ML Prefilled Syringe", "enoxaparin 80 mg SC q12h"},
        {"filgrastim 480 MCG/0.8 ML Prefilled Syringe", "filgrastim 480 mcg SC daily x 5 days"},
        {"epoetin alfa 40000 UNT/ML Injectable Solution", "epoetin alfa 40,000 units SC weekly"},
        {"ferrous sulfate 325 MG Oral Tablet", "ferrous sulfate 325 mg daily with orange juice"},
        {"folic acid 1 MG Oral Tablet", "folic acid 1 mg daily"},
        {"cyanocobalamin 1000 MCG Oral Tablet", "vitamin B12 1000 mcg daily"},
        {"cholecalciferol 1000 UNT Oral Tablet", "vitamin D3 1,000 units daily"},
        {"calcium carbonate 500 MG Chewable Tablet", "calcium carbonate 500 mg chew TID PRN heartburn"},
        {"magnesium oxide 400 MG Oral Tablet", "magnesium oxide 400 mg BID"},
        {"potassium chloride 20 MEQ Extended Release Oral Tablet", "KCl ER 20 mEq daily"},
        {"allopurinol 100 MG Oral Tablet", "allopurinol 100 mg daily"},
        {"chlorhexidine gluconate 0.12 % Oral Rinse", "chlorhexidine 0.12% rinse 15 mL BID"},
        {"nystatin 100000 UNT/ML Oral Suspension", "nystatin suspension 5 mL swish and swallow QID"},
        {"acyclovir 400 MG Oral Tablet", "acyclovir 400 mg BID (prophylaxis)"},
        {"lidocaine 50 MG/ML Medicated Patch", "lidocaine 5% patch, 12 h on / 12 h off"},
        {"megestrol acetate 40 MG/ML Oral Suspension", "megestrol 400 mg (10 mL) daily"},
        {"dronabinol 2.5 MG Oral Capsule", "dronabinol 2.5 mg BID before meals"},
        {"sodium chloride 0.9 % Nasal Spray", "saline nasal spray PRN dryness"}
    };

    private static final String[][] PRESCRIPTIONS = {
        {"amlodipine 10 MG Oral Tablet", "amlodipine 10 mg daily"},
        {"lisinopril 10 MG Oral Tablet", "lisinopril 10 mg daily"},
        {"metoprolol succinate 25 MG Extended Release Oral Tablet", "metoprolol succinate ER 25 mg daily"},
        {"atorvastatin 20 MG Oral Tablet", "atorvastatin 20 mg at bedtime"},
        {"rosuvastatin 10 MG Oral Tablet", "rosuvastatin 10 mg daily"},
        {"metformin hydrochloride 1000 MG Oral Tablet", "metformin 1000 mg BID with meals"},
        {"sitagliptin 100 MG Oral Tablet", "sitagliptin 100 mg daily"},
        {"insulin glargine 100 UNT/ML Pen Injector", "insulin glargine 18 units SC at bedtime"},
        {"levothyroxine sodium 88 MCG Oral Tablet", "levothyroxine 88 mcg daily before breakfast"},
        {"losartan potassium 50 MG Oral Tablet", "losartan 50 mg daily"},
        {"hydrochlorothiazide 25 MG Oral Tablet", "HCTZ 25 mg daily"},
        {"furosemide 20 MG Oral Tablet", "furosemide 20 mg daily"},
        {"spironolactone 25 MG Oral Tablet", "spironolactone 25 mg daily"},
        {"escitalopram 10 MG Oral Tablet", "escitalopram 10 mg daily"},
        {"bupropion hydrochloride 150 MG Extended Release Oral Tablet", "bupropion XL 150 mg every morning"},
        {"montelukast 10 MG Oral Tablet", "montelukast 10 mg at bedtime"},
        {"albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "albuterol HFA 2 puffs q4h PRN wheeze"},
        {"fluticasone propionate 0.05 MG/ACTUAT Nasal Spray", "fluticasone nasal 2 sprays each nostril daily"},
        {"alendronate sodium 70 MG Oral Tablet", "alendronate 70 mg weekly"},
        {"apixaban 2.5 MG Oral Tablet", "apixaban 2.5 mg BID"}
    };

    /** The 60 distinct medications of the wide chart, each with its own code in the example local system. */
    private void distinctMedications() {
        java.util.Set<Integer> codes = new java.util.HashSet<>();
        for (int i = 0; i < SUPPORTIVE.length + PRESCRIPTIONS.length; i++) {
            boolean supportive = i < SUPPORTIVE.length;
            String[] drug = supportive ? SUPPORTIVE[i] : PRESCRIPTIONS[i - SUPPORTIVE.length];
            int code;
            do {
                code = 100_000 + random.nextInt(2_000_000); // looks like an RxNorm code; system says it is not
            } while (!codes.add(code));
            ObjectNode use = supportive
                    ? resource("MedicationStatement", "ms-w-" + i)
                    : resource("MedicationRequest", "mr-w-" + i);
            boolean ended = i % 4 == 3;
            use.put("status", supportive ? (ended ? "completed" : "active") : (ended ? "stopped" : "active"));
            if (!supportive) {
                use.put("intent", "order");
            }
            if (i % 3 == 0) {
                ObjectNode medication = resource("Medication", "med-w-" + i);
                localCode(medication.putObject("code"), code, drug[0]).put("text", drug[0]);
                medication.put("status", "active");
                use.putObject("medicationReference")
                        .put("reference", "Medication/med-w-" + i)
                        .put("display", drug[0]);
            } else {
                localCode(use.putObject("medicationCodeableConcept"), code, drug[0])
                        .put("text", drug[1]);
            }
            subject(use);
            int start = 15 + random.nextInt(600);
            if (supportive) {
                ObjectNode period = use.putObject("effectivePeriod").put("start", date(start));
                if (ended) {
                    period.put("end", date(start / 2));
                }
                use.put("dateAsserted", date(start));
                use.putArray("dosage").addObject().put("text", drug[1]);
            } else {
                use.put("authoredOn", date(start));
                use.putObject("requester").put("display", "Dr. Ruth Okafor, Internal Medicine");
                use.putArray("dosageInstruction").addObject().put("text", drug[1]);
            }
        }
    }

    private static ObjectNode localCode(ObjectNode concept, int code, String display) {
        concept.putArray("coding")
                .addObject()
                .put("system", EXAMPLE_LOCAL_MED)
                .put("code", String.valueOf(code))
                .put("display", display);
        return concept;
    }

    private static String dosage(int drug) {
        return drug == 0
                ? "75 mg/m2 (135 mg) IV day 1 every 21 days x 6 cycles"
                : "as directed by the oncology team; see the order for details";
    }

    /** {code, display, unit, low, high, typical} */
    private static final String[][] LABS = {
        {"1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "mg/dL", "0.1", "1.2", "0.8"},
        {"1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "7", "35", "40"},
        {"1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "8", "33", "36"},
        {"6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "40", "130", "110"},
        {"751-8", "Neutrophils [#/volume] in Blood by Automated count", "10*3/uL", "1.8", "7.7", "2.9"},
        {"777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", "150", "400", "190"},
        {"718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "12.0", "15.5", "11.4"},
        {"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "0.5", "1.1", "0.8"},
        {"2157-6", "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "26", "192", "90"}
    };

    private void labs(int n) {
        int draws = (n + LABS.length - 1) / LABS.length;
        int made = 0;
        for (int draw = 0; draw < draws && made < n; draw++) {
            int daysAgo = draw * 365 / Math.max(1, draws);
            for (int l = 0; l < LABS.length && made < n; l++, made++) {
                String[] lab = LABS[l];
                ObjectNode o = resource("Observation", "lab-" + draw + "-" + l);
                o.put("status", "final");
                coding(
                        o.putArray("category").addObject(),
                        "http://terminology.hl7.org/CodeSystem/observation-category",
                        "laboratory",
                        "Laboratory");
                coding(o.putObject("code"), LOINC, lab[0], lab[1]).put("text", lab[1]);
                subject(o);
                o.putObject("encounter").put("reference", "Encounter/enc-" + draw);
                String when = TODAY.minusDays(daysAgo)
                        .atTime(10, 20)
                        .toInstant(ZoneOffset.UTC)
                        .toString();
                o.put("effectiveDateTime", when).put("issued", when.replace("10:20", "12:02"));
                o.putArray("performer").addObject().put("display", "Clinical Laboratory");
                double typical = Double.parseDouble(lab[5]);
                double value = Math.round(typical * (0.8 + 0.4 * random.nextDouble()) * 10) / 10.0;
                o.putObject("valueQuantity")
                        .put("value", value)
                        .put("unit", lab[2])
                        .put("system", UCUM)
                        .put("code", lab[2]);
                ObjectNode range = o.putArray("referenceRange").addObject();
                range.putObject("low")
                        .put("value", Double.parseDouble(lab[3]))
                        .put("unit", lab[2])
                        .put("system", UCUM)
                        .put("code", lab[2]);
                range.putObject("high")
                        .put("value", Double.parseDouble(lab[4]))
                        .put("unit", lab[2])
                        .put("system", UCUM)
                        .put("code", lab[2]);
                String flag = value > Double.parseDouble(lab[4]) ? "H" : value < Double.parseDouble(lab[3]) ? "L" : "N";
                coding(
                        o.putArray("interpretation").addObject(),
                        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                        flag,
                        null);
            }
        }
    }

    private void vitals(int heights, int weights) {
        for (int i = 0; i < heights; i++) {
            vital("vital-height-" + i, "8302-2", "Body height", 164, "cm", i * 90);
        }
        for (int i = 0; i < weights; i++) {
            vital("vital-weight-" + i, "29463-7", "Body weight", 70.8 - i * 0.6, "kg", i * 60);
        }
    }

    private void vital(String id, String code, String display, double value, String unit, int daysAgo) {
        ObjectNode o = resource("Observation", id);
        o.put("status", "final");
        coding(
                o.putArray("category").addObject(),
                "http://terminology.hl7.org/CodeSystem/observation-category",
                "vital-signs",
                "Vital Signs");
        coding(o.putObject("code"), LOINC, code, display).put("text", display);
        subject(o);
        o.put(
                "effectiveDateTime",
                TODAY.minusDays(daysAgo).atTime(10, 5).toInstant(ZoneOffset.UTC).toString());
        o.putObject("valueQuantity")
                .put("value", Math.round(value * 10) / 10.0)
                .put("unit", unit)
                .put("system", UCUM)
                .put("code", unit);
    }

    private static ObjectNode coding(ObjectNode concept, String system, String code, String display) {
        ObjectNode coding =
                concept.putArray("coding").addObject().put("system", system).put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return concept;
    }

    private static String date(int daysAgo) {
        return TODAY.minusDays(daysAgo).toString();
    }
}
