package dev.twin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CaCommandTest {
    @TempDir
    Path home;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void useTempHome() {
        System.setProperty("twin.home", home.toString());
    }

    @AfterEach
    void forgetHome() {
        System.clearProperty("twin.home");
    }

    private int twin(String... args) {
        return new CommandLine(new TwinCommand()).setOut(new PrintWriter(out)).execute(args);
    }

    @Test
    void exportWritesThePemCertificateToAFile() throws Exception {
        Path file = home.resolve("ca.pem");

        assertEquals(0, twin("ca", "export", "--pem", "--out", file.toString()));

        assertTrue(Files.readString(file).startsWith("-----BEGIN CERTIFICATE-----"));
        X509Certificate certificate = parse(Files.readAllBytes(file));
        assertTrue(certificate.getBasicConstraints() >= 0);
    }

    @Test
    void exportWritesDerWhenAsked() throws Exception {
        Path file = home.resolve("ca.der");

        assertEquals(0, twin("ca", "export", "--der", "--out", file.toString()));

        assertEquals(0x30, Files.readAllBytes(file)[0] & 0xff, "DER starts with a SEQUENCE");
        parse(Files.readAllBytes(file));
    }

    @Test
    void exportPrintsPemToStandardOutputByDefault() {
        assertEquals(0, twin("ca", "export"));

        assertTrue(out.toString().startsWith("-----BEGIN CERTIFICATE-----"), out.toString());
    }

    @Test
    void infoShowsPathSubjectFingerprintAndExpiry() {
        assertEquals(0, twin("ca", "info"));

        String info = out.toString();
        assertTrue(info.contains("certificate: " + home.resolve("ca").resolve("twin-ca.pem")), info);
        assertTrue(info.contains("subject:     CN=twin local CA"), info);
        assertTrue(info.matches("(?s).*sha256:      ([0-9A-F]{2}:){31}[0-9A-F]{2}\\R.*"), info);
        assertTrue(info.contains("expires:     "), info);
    }

    private static X509Certificate parse(byte[] bytes) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(bytes));
    }
}
