package org.sarcomacds.protocol;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code management.endpoint.health.group.readiness}): OUT_OF_SERVICE while the service is
 * saturated — every call turn taken with as many calls again waiting, or request bodies filling their memory budget —
 * so a load balancer sends new calls to another replica until it recovers. Stalled clients do not count: they hold
 * neither a turn nor more memory than they have sent.
 */
@Component
class CapacityHealthIndicator implements HealthIndicator {

    private static final double BODY_BUDGET_FULL = 0.9;

    private final CallGate gate;
    private final RequestBodyReader bodies;

    CapacityHealthIndicator(CallGate gate, RequestBodyReader bodies) {
        this.gate = gate;
        this.bodies = bodies;
    }

    @Override
    public Health health() {
        boolean saturated = gate.saturated() || bodies.bodyBudgetUsed() >= BODY_BUDGET_FULL;
        return Health.status(saturated ? Status.OUT_OF_SERVICE : Status.UP)
                .withDetail("running", gate.running())
                .withDetail("waiting", gate.waiting())
                .build();
    }
}
