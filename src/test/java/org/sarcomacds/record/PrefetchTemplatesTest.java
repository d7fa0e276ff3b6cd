package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code {{token}}} filling of prefetch templates (CDS Hooks 2.0 §prefetch tokens). */
class PrefetchTemplatesTest {

    private static final Map<String, String> TOKENS = Map.of(
            "context.patientId", "lms-uterine-on-pazopanib",
            "context.userId", "Practitioner/pract-onc-1002",
            "userPractitionerId", "pract-onc-1002");

    @Test
    void aSortedSearchWithAPageSizeIsReadToItsFirstPageOnly() {
        assertThat(PrefetchTemplates.firstPageOnly(
                        "Observation?patient={{context.patientId}}&code=http://loinc.org|1975-2&_sort=-date&_count=1"))
                .isTrue();
        assertThat(PrefetchTemplates.firstPageOnly("Observation?_count=3&patient=1&_sort=-date"))
                .isTrue();
        assertThat(PrefetchTemplates.firstPageOnly("Condition?patient={{context.patientId}}"))
                .isFalse();
        assertThat(PrefetchTemplates.firstPageOnly("Condition?patient=1&_count=50"))
                .as("unsorted: all pages")
                .isFalse();
        assertThat(PrefetchTemplates.firstPageOnly("Observation?patient=1&_sort=-date"))
                .as("no page size")
                .isFalse();
        assertThat(PrefetchTemplates.firstPageOnly("Observation?patient=1&x_sort=-date&_count=1"))
                .isFalse();
    }

    @Test
    void contextTokenIsReplaced() {
        assertThat(PrefetchTemplates.render("Condition?patient={{context.patientId}}", TOKENS))
                .contains("Condition?patient=lms-uterine-on-pazopanib");
        assertThat(PrefetchTemplates.render("Patient/{{context.patientId}}", TOKENS))
                .contains("Patient/lms-uterine-on-pazopanib");
    }

    @Test
    void everyOccurrenceIsReplacedAndTheRestOfTheTemplateKept() {
        String template = "Observation?patient={{context.patientId}}&code=http://loinc.org|8302-2&_sort=-date"
                + "&subject={{context.patientId}}";
        assertThat(PrefetchTemplates.render(template, TOKENS))
                .contains("Observation?patient=lms-uterine-on-pazopanib&code=http://loinc.org|8302-2&_sort=-date"
                        + "&subject=lms-uterine-on-pazopanib");
    }

    @Test
    void spacesInsideTheBracesAreAllowed() {
        assertThat(PrefetchTemplates.render("Patient/{{ context.patientId }}", TOKENS))
                .contains("Patient/lms-uterine-on-pazopanib");
    }

    @Test
    void valuesAreUrlEncodedSoTheyCannotAddQueryParameters() {
        Map<String, String> hostile = Map.of("context.patientId", "123&_include=*&x=é/y");

        assertThat(PrefetchTemplates.render("Condition?patient={{context.patientId}}", hostile))
                .contains("Condition?patient=123%26_include%3D*%26x%3D%C3%A9%2Fy");
    }

    @Test
    void regexReplacementCharactersInValuesAreTakenLiterally() {
        // Matcher.appendReplacement treats $1 and \ specially; a value must never be read as a group reference.
        Map<String, String> tokens = Map.of("context.patientId", "$1\\x");

        assertThat(PrefetchTemplates.render("Patient/{{context.patientId}}", tokens))
                .contains("Patient/%241%5Cx");
    }

    @Test
    void missingTokenGivesNoQuery() {
        assertThat(PrefetchTemplates.render("Encounter/{{context.encounterId}}", TOKENS))
                .isEmpty();
    }

    @Test
    void oneMissingTokenAmongSeveralGivesNoQuery() {
        assertThat(PrefetchTemplates.render(
                        "Encounter?patient={{context.patientId}}&_id={{context.encounterId}}", TOKENS))
                .isEmpty();
    }

    @Test
    void emptyValueGivesNoQuery() {
        assertThat(PrefetchTemplates.render("Patient/{{context.patientId}}", Map.of("context.patientId", "")))
                .isEmpty();
    }

    @Test
    void userTokensAreReplaced() {
        assertThat(PrefetchTemplates.render("Practitioner/{{userPractitionerId}}", TOKENS))
                .contains("Practitioner/pract-onc-1002");
        assertThat(PrefetchTemplates.render(
                        "PractitionerRole?_id={{userPractitionerRoleId}}&_include=PractitionerRole:practitioner",
                        Map.of("userPractitionerRoleId", "role-7")))
                .contains("PractitionerRole?_id=role-7&_include=PractitionerRole:practitioner");
    }

    @Test
    void userTokenAbsentFromTheCallGivesNoQuery() {
        assertThat(PrefetchTemplates.render("RelatedPerson/{{userRelatedPersonId}}", TOKENS))
                .isEmpty();
    }

    @Test
    void contextUserIdRendersAsARead() {
        // CDS Hooks 2.0 §prefetch: "user": "{{context.userId}}" is a read of Practitioner/abc; encoding its "/"
        // would turn the read into a search for a resource type named "Practitioner%2Fabc".
        assertThat(PrefetchTemplates.render("{{context.userId}}", TOKENS)).contains("Practitioner/pract-onc-1002");
    }

    @Test
    void templateWithoutTokensIsReturnedUnchanged() {
        assertThat(PrefetchTemplates.render("Metadata?_summary=true", Map.of())).contains("Metadata?_summary=true");
    }
}
