package org.sarcomacds;

import java.util.Arrays;
import org.sarcomacds.regress.RegressCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
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
