package dev.twin.proxy.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
    @TempDir
    Path home;

    @AfterEach
    void forgetHome() {
        System.clearProperty("twin.home");
    }

    @Test
    void createsTheCaUnderTwinHomeWithAnOwnerOnlyPrivateKey() throws Exception {
        System.setProperty("twin.home", home.toString());

        CertificateAuthority ca = CertificateAuthority.atTwinHome();

        assertEquals(home.resolve("ca").resolve("twin-ca.pem"), ca.certificateFile());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(ca.keyFile()));
        Set<PosixFilePermission> certificatePermissions = Files.getPosixFilePermissions(ca.certificateFile());
        assertTrue(certificatePermissions.contains(PosixFilePermission.OTHERS_READ));
        assertTrue(Files.readString(ca.certificateFile()).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void theCaDirectoryIsOwnerOnly() throws Exception {
        Path directory = home.resolve("ca");

        CertificateAuthority.loadOrCreate(directory);

        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(directory));
    }

    @Test
    void loadsTheSameCaOnLaterUse() throws Exception {
        CertificateAuthority first = CertificateAuthority.loadOrCreate(home);

        CertificateAuthority second = CertificateAuthority.loadOrCreate(home);

        assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
        assertEquals(95, second.sha256Fingerprint().length());
    }

    @Test
    void isACertificateAuthorityValidForTenYears() throws Exception {
        X509Certificate certificate = CertificateAuthority.loadOrCreate(home).certificate();

        assertTrue(certificate.getBasicConstraints() >= 0, "CA:true");
        assertTrue(certificate.getKeyUsage()[5], "keyCertSign");
        Duration validity = Duration.between(Instant.now(), certificate.getNotAfter().toInstant());
        assertTrue(validity.toDays() >= 3649 && validity.toDays() <= 3650, validity.toString());
        certificate.verify(certificate.getPublicKey());
    }
}
