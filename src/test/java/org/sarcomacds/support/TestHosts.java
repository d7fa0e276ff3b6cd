package org.sarcomacds.support;

import java.net.InetAddress;
import java.util.List;
import org.sarcomacds.security.HostResolver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Name resolution for tests: names under {@code .test} that stand for a remote EHR resolve to 127.0.0.1 (where a
 * WireMock listens), {@code metadata.test} to the cloud-metadata address; everything else as usual.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHosts {

    public static final String REMOTE_EHR = "ehr.test";
    public static final String METADATA = "metadata.test";

    @Bean
    @Primary
    HostResolver testHostResolver() {
        return host -> switch (host) {
            case REMOTE_EHR -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
            case METADATA ->
                List.of(InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}));
            default -> HostResolver.SYSTEM.resolve(host);
        };
    }
}
