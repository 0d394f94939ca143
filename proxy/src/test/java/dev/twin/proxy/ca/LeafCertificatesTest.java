package dev.twin.proxy.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeafCertificatesTest {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @TempDir
    Path home;
    private CertificateAuthority ca;
    private LeafCertificates leaves;

    @BeforeEach
    void createCa() throws Exception {
        ca = CertificateAuthority.loadOrCreate(home);
        leaves = new LeafCertificates(ca);
    }

    @Test
    void namesAHostAsDnsSubjectAlternativeName() throws Exception {
        X509Certificate certificate = leaves.forHost("api.example.com").certificate();

        assertEquals(List.of(List.of(DNS_NAME, "api.example.com")), asLists(certificate.getSubjectAlternativeNames()));
        certificate.verify(ca.certificate().getPublicKey());
    }

    @Test
    void namesAnIpLiteralAsIpAddressSubjectAlternativeName() throws Exception {
        X509Certificate certificate = leaves.forHost("127.0.0.1").certificate();

        assertEquals(List.of(List.of(IP_ADDRESS, "127.0.0.1")), asLists(certificate.getSubjectAlternativeNames()));
    }

    @Test
    void issuesServerCertificatesValidForAtMost397Days() throws Exception {
        X509Certificate certificate = leaves.forHost("api.example.com").certificate();

        Duration validity = Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
        assertTrue(validity.toDays() <= 397, validity.toString());
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertEquals(ca.certificate().getSubjectX500Principal(), certificate.getIssuerX500Principal());
    }

    @Test
    void reusesTheCertificateOfAHostAlreadySeen() {
        assertSame(leaves.forHost("api.example.com"), leaves.forHost("API.example.com"));
    }

    private static List<List<?>> asLists(Collection<List<?>> names) {
        return names.stream().<List<?>>map(List::copyOf).toList();
    }
}
