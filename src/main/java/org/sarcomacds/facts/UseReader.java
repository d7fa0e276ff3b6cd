package org.sarcomacds.facts;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.sarcomacds.facts.Fact.Stop;
import org.sarcomacds.facts.Fact.StopCategory;
import org.sarcomacds.facts.Route.Systemic;
import org.sarcomacds.facts.Terminology.ConceptMatch;

/**
 * The details of a medication use: how it is given (route, then dose form, then names), why it stopped, and the
 * drug's CYP3A effect.
 *
 * <p>Route, most trusted first: a coded route of {@code route-systemic}; the route's words; the dosage text's words;
 * the RxNorm dose forms of the product codes ({@code hooks/conceptmaps/rxnorm-products.json}); the Medication's form;
 * the product's names (e.g. "ketoconazole 2% shampoo"). The first that says systemic or not decides; words of both
 * kinds decide nothing. Nothing decided: unknown, which counts as systemic.
 */
final class UseReader {

    /** Statuses of a use that has ended. */
    private static final Set<String> ENDED = Set.of("completed", "stopped");

    private final Terminology terminology;
    /**
     * One call's products (each distinct medication has one, {@link MedicationMatcher}) and what they say about the
     * route: a chart gives the same few drugs over and over, so each product's words are read once per call.
     */
    private final Map<MedicationMatcher.Product, Optional<Route>> productRoutes = new IdentityHashMap<>();

    /** One per hook call: it remembers the call's products. */
    UseReader(Terminology terminology) {
        this.terminology = terminology;
    }

    /** How the drugs of a value set change CYP3A activity, or null. */
    Cyp3a cyp3a(String valueSet) {
        return terminology.cyp3a(valueSet).orElse(null);
    }

    Route route(MedicationMatcher.Product product, List<Dosage> dosages) {
        FreeText text = terminology.freeText();
        List<Supplier<Optional<Route>>> levels = List.of(
                () -> agreed(dosages.stream().map(d -> codedRoute(d.getRoute())).toList()),
                () -> agreed(dosages.stream().map(d -> routeWords(d.getRoute())).toList()),
                () -> agreed(dosages.stream()
                        .map(d -> words(d.getText(), "dosage", text::route))
                        .toList()),
                () -> productRoutes.computeIfAbsent(product, this::productRoute));
        for (Supplier<Optional<Route>> level : levels) {
            Optional<Route> route = level.get();
            if (route.isPresent()) {
                return route.get();
            }
        }
        return Route.NOT_RECORDED;
    }

    /** What the product says: its dose forms, else its Medication's form, else its names. */
    private Optional<Route> productRoute(MedicationMatcher.Product product) {
        FreeText text = terminology.freeText();
        Optional<Route> route = agreed(product.doseForms().stream()
                .map(f -> words(f, "dose form", text::doseForm))
                .toList());
        if (route.isEmpty()) {
            route = words(product.form(), "form", text::doseForm);
        }
        if (route.isEmpty()) {
            route = agreed(product.names().stream()
                    .map(n -> words(n, "name", text::doseForm))
                    .toList());
        }
        return route;
    }

    private Optional<Route> codedRoute(CodeableConcept route) {
        for (ConceptMatch match : terminology.match(route)) {
            if (!match.byName() && match.valueSet().equals(Concepts.ROUTE_SYSTEMIC)) {
                return Optional.of(new Route(Systemic.SYSTEMIC, "route " + match.matchedOn()));
            }
        }
        return Optional.empty();
    }

    private Optional<Route> routeWords(CodeableConcept route) {
        if (route == null) {
            return Optional.empty();
        }
        List<Optional<Route>> found = new ArrayList<>();
        found.add(words(route.getText(), "route", terminology.freeText()::route));
        for (Coding coding : route.getCoding()) {
            found.add(words(coding.getDisplay(), "route", terminology.freeText()::route));
        }
        return agreed(found);
    }

    private static Optional<Route> words(String text, String what, Function<String, Optional<Systemic>> read) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return read.apply(text).map(systemic -> new Route(systemic, what + " \"" + text.strip() + "\""));
    }

    /** The route the sources say, when those that say one agree; else nothing. */
    private static Optional<Route> agreed(List<Optional<Route>> found) {
        List<Route> said = found.stream().flatMap(Optional::stream).toList();
        if (said.isEmpty() || said.stream().map(Route::systemic).distinct().count() > 1) {
            return Optional.empty();
        }
        return Optional.of(said.getFirst());
    }

    /** Why a use ended: progression or toxicity where the reason names it (not negated), else completed or other. */
    Stop stop(String status, List<String> reasons) {
        String detail = String.join(
                "; ",
                reasons.stream()
                        .filter(r -> r != null && !r.isBlank())
                        .map(String::strip)
                        .toList());
        boolean progression = !detail.isEmpty() && terminology.freeText().saysProgression(detail);
        boolean toxicity = !detail.isEmpty() && terminology.freeText().saysToxicity(detail);
        StopCategory category;
        if (!ENDED.contains(status)) {
            category = StopCategory.NONE;
        } else if (progression) {
            category = StopCategory.PROGRESSION;
        } else if (toxicity) {
            category = StopCategory.TOXICITY;
        } else {
            category = status.equals("completed") ? StopCategory.COMPLETED : StopCategory.OTHER;
        }
        return new Stop(category, detail, progression, toxicity);
    }
}
