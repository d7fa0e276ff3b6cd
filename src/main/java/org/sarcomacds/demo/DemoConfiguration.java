package org.sarcomacds.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The demo — the try-it page's catalogue at {@code /demo/*}, the fixture patients read-only at {@code /fhir} and the
 * start-up notice — as one switch: {@code cds.demo.enabled} (default on; the prod profile turns it off). The demo
 * package is left out of component scanning ({@code SarcomaCdsApplication}), so its beans exist only through this
 * configuration. The static try-it page follows the same property ({@code spring.web.resources.add-mappings}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "cds.demo.enabled", matchIfMissing = true)
@Import({FixtureLibrary.class, OrderCatalogue.class, DemoController.class, DemoFhirController.class, TryItNotice.class})
public class DemoConfiguration {}
