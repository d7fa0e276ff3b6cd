package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sarcomacds.security.HostResolver;
import org.sarcomacds.security.SafeDns;

/**
 * DNS rebinding: a name that resolved to an allowed address when the policy checked it, and to the cloud-metadata
 * address when the connection is made, is refused at connection time (FHIR fetches and JWK Set fetches both use it).
 */
class DnsRebindingTest {

    @Test
    void aNameRePointedToTheMetadataAddressIsRefusedAtConnectionTime() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> List.of(InetAddress.getByAddress(
                host,
                lookups.getAndIncrement() == 0
                        ? new byte[] {127, 0, 0, 1}
                        : new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}));
        FhirServerPolicy policy =
                new FhirServerPolicy(List.of("http://rebind.test:8080/fhir"), false, false, rebinding);
        SafeDns dns = new SafeDns(rebinding);

        assertThat(policy.permits("http://rebind.test:8080/fhir"))
                .as("first answer: loopback")
                .isTrue();
        assertThatThrownBy(() -> dns.lookup("rebind.test")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void ordinaryAddressesPass() throws Exception {
        SafeDns dns = new SafeDns(host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})));

        assertThat(dns.lookup("ehr.test"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("10.0.0.7");
    }
}
