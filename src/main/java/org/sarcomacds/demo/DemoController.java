package org.sarcomacds.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What the try-it page needs besides FHIR data: each fixture's scenario notes and draft orders, and the drugs it
 * can order. The patients themselves the page reads from {@code /fhir}, as any FHIR client would.
 */
@RestController
class DemoController {

    private final FixtureLibrary fixtures;
    private final OrderCatalogue orders;

    DemoController(FixtureLibrary fixtures, OrderCatalogue orders) {
        this.fixtures = fixtures;
        this.orders = orders;
    }

    @GetMapping("/demo/fixtures")
    List<FixtureView> fixtures() {
        List<FixtureView> views = new ArrayList<>();
        for (FixtureLibrary.DemoFixture fixture : fixtures.all()) {
            JsonNode orderSelect = fixture.orderSelect();
            views.add(new FixtureView(
                    fixture.id(),
                    fixture.patientId(),
                    fixture.scenario(),
                    fixture.userId(),
                    orderSelect == null ? null : orderSelect.get("draftOrders"),
                    orderSelect == null ? null : orderSelect.get("selections")));
        }
        return views;
    }

    @GetMapping("/demo/orderables")
    List<OrderCatalogue.Orderable> orderables() {
        return orders.all();
    }

    /**
     * One fixture as the page shows it.
     *
     * @param scenario    the fixture's scenario.md: who the patient is and which cards each hook should give
     * @param draftOrders the draft orders of its order-select context, to replay the scenario
     * @param selections  the drafts its order-select context selects
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FixtureView(
            String id, String patientId, String scenario, String userId, JsonNode draftOrders, JsonNode selections) {}
}
