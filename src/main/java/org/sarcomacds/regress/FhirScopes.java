package org.sarcomacds.regress;

import java.util.Collection;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMART on FHIR scopes the prefetch templates need: {@code patient/<Type>.read} for each resource type a template
 * reads or searches, and for each type it {@code _include}s (Medication). What an EHR grants the service's access
 * token, and what docs/integration.md lists.
 */
final class FhirScopes {

    private static final Pattern TYPE = Pattern.compile("^([A-Z][A-Za-z]+)[/?]");
    private static final Pattern INCLUDE = Pattern.compile("_include=[A-Za-z]+:([a-z]+)");

    private FhirScopes() {}

    static String of(Collection<String> templates) {
        TreeSet<String> types = new TreeSet<>();
        for (String template : templates) {
            Matcher type = TYPE.matcher(template);
            if (type.find()) {
                types.add(type.group(1));
            }
            Matcher include = INCLUDE.matcher(template);
            while (include.find()) {
                types.add(Character.toUpperCase(include.group(1).charAt(0))
                        + include.group(1).substring(1));
            }
        }
        return String.join(
                " ", types.stream().map(t -> "patient/" + t + ".read").toList());
    }
}
