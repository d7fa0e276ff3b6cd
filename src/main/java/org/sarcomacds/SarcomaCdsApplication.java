package org.sarcomacds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SarcomaCdsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SarcomaCdsApplication.class, args);
    }
}
