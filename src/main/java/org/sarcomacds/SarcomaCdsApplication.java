package org.sarcomacds;

import org.sarcomacds.demo.DemoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The service. Every package is scanned but the demo, which {@link DemoConfiguration} brings in under its one switch
 * (the scan keeps Spring Boot's own two filters).
 */
@SpringBootApplication
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.sarcomacds\\.demo\\..*")
        })
@Import(DemoConfiguration.class)
@ConfigurationPropertiesScan
public class SarcomaCdsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SarcomaCdsApplication.class, args);
    }
}
