package org.sarcomacds.record;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/** Name resolution for outbound calls that refuses link-local and metadata addresses, even if a name is re-pointed. */
public final class SafeDns implements Dns {

    private final HostResolver resolver;

    public SafeDns(HostResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(hostname);
        for (InetAddress address : addresses) {
            if (FhirServerPolicy.isForbidden(address)) {
                throw new UnknownHostException("Refused address for an outbound call");
            }
        }
        return addresses;
    }
}
