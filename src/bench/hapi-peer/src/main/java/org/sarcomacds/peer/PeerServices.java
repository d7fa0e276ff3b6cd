package org.sarcomacds.peer;

import java.util.List;
import org.springframework.context.annotation.Bean;

/** The services of the peer, as HAPI's {@code CdsHooksContextBooter} finds them: a bean named {@code cdsServices}. */
public class PeerServices {

    @Bean(name = "cdsServices")
    public List<Object> cdsServices() {
        return List.of(new LmsPatientView());
    }
}
