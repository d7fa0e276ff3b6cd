package org.sarcomacds;

import java.util.Arrays;
import org.sarcomacds.demo.DemoConfiguration;
import org.sarcomacds.regress.RegressCommand;
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

    /** Starts the service; {@code regress <folder> …} runs a fixture regression instead (docs/integration.md). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("regress")) {
            RegressCommand.main(Arrays.copyOfRange(args, 1, args.length), SarcomaCdsApplication.class);
            return;
        }
        SpringApplication.run(SarcomaCdsApplication.class, args);
    }
}
