package org.sarcomacds.record;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/** Name resolution for FHIR fetches that refuses link-local and metadata addresses, even if a name is re-pointed. */
final class SafeDns implements Dns {

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
        for (InetAddress address : addresses) {
            if (FhirServerPolicy.isForbidden(address)) {
                throw new UnknownHostException("Refused address for FHIR fetch");
            }
        }
        return addresses;
    }
}
