package org.sarcomacds.record;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseXhtml;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Leaves out of a resource HAPI parsed the primitive elements that hold no value. HAPI's lenient parser keeps a value
 * it cannot read (an unknown status code, a date that is no date, a count that is no number) as text beside an empty
 * value, and an element sent as extensions only ({@code "_status": {…}}) as an element with no value; either way
 * {@code hasStatus()} is true while {@code getStatus()} is null. The prefetch binder ({@link PrefetchBinder}) leaves
 * such elements out, and the fact readers read them so: after this a fetched record reads as the same record
 * prefetched. Narrative is not looked at (no reader reads it, and reading it means writing its XHTML out).
 */
final class UnreadableValues {

    private UnreadableValues() {}

    static void leaveOut(FhirContext fhir, IBase element) {
        if (!(fhir.getElementDefinition(element.getClass())
                instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
            return;
        }
        for (BaseRuntimeChildDefinition child : composite.getChildren()) {
            List<IBase> values = child.getAccessor().getValues(element);
            for (int i = values.size() - 1; i >= 0; i--) {
                IBase value = values.get(i);
                if (value instanceof IBaseXhtml) {
                    continue;
                }
                if (value instanceof IPrimitiveType<?> primitive) {
                    if (primitive.getValue() == null) {
                        leaveOut(element, child, i);
                    }
                } else {
                    leaveOut(fhir, value);
                }
            }
        }
    }

    private static void leaveOut(IBase element, BaseRuntimeChildDefinition child, int index) {
        if (child.getMax() == 1) {
            child.getMutator().setValue(element, null);
        } else {
            child.getMutator().remove(element, index);
        }
    }
}
