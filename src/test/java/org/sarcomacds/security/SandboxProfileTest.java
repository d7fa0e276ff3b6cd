package org.sarcomacds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sarcomacds.support.ClientKeyPairs;
import org.sarcomacds.support.ClientTokens;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.InfoLogs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code sandbox} profile trusts the public CDS Hooks sandbox with the static copy of its JWK Set in the jar.
 * We cannot sign as the sandbox here (its private key is public, but not ours to ship), so the test shows the
 * parts we own: a sandbox-shaped token (ES384, the sandbox kid and jku) is checked against the static key — it
 * fails on the signature, not on a missing key — and nothing is fetched from the internet for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sandbox")
@ExtendWith({OutputCaptureExtension.class, InfoLogs.class})
class SandboxProfileTest {

    static final String SANDBOX_KID = "44823f3d-0b01-4a6c-a80e-b9d3e8a7226f";
    static final String SANDBOX_JKU = "https://sandbox.cds-hooks.org/.well-known/jwks.json";

    @LocalServerPort
    int port;

    @Test
    void sandboxShapedTokenIsCheckedAgainstTheStaticKeyWithoutFetching(CapturedOutput output) {
        HookClient client = new HookClient(port);
        String base = "http://127.0.0.1:" + port;
        ECKey impostor = ClientKeyPairs.ec(Curve.P_384);
        String jwt = ClientTokens.signedWith(
                        impostor,
                        JWSAlgorithm.ES384,
                        "https://sandbox.cds-hooks.org",
                        base + "/cds-services/lms-patient-view")
                .header(h -> h.keyID(SANDBOX_KID))
                .jku(SANDBOX_JKU)
                .sign();

        HookClient.Reply reply = client.post("/cds-services/lms-patient-view", InputLimitsTest.call(), "Bearer " + jwt);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(output.getAll()).contains("reason=bad signature (kid '" + SANDBOX_KID + "')");
        assertThat(client.get("/cds-services").status()).isEqualTo(401);
    }
}
