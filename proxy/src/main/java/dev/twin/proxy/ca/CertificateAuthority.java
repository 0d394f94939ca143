package dev.twin.proxy.ca;

import dev.twin.recorder.PrivateFiles;
import dev.twin.recorder.TwinHome;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * twin's root certificate and key (EC P-256, valid ten years), created on first use in a directory and loaded from
 * it afterwards. Users add {@link #certificateFile()} to their trust store once; the key never leaves the machine.
 */
public final class CertificateAuthority {
    static final String CERTIFICATE_FILE = "twin-ca.pem";
    static final String KEY_FILE = "twin-ca-key.pem";
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private CertificateAuthority(Path directory, X509Certificate certificate, PrivateKey privateKey) {
        this.directory = directory;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** The CA under {@code <twin home>/ca/}, created there on first use. */
    public static CertificateAuthority atTwinHome() throws IOException {
        return loadOrCreate(TwinHome.directory().resolve("ca"));
    }

    public static synchronized CertificateAuthority loadOrCreate(Path directory) throws IOException {
        Path certificateFile = directory.resolve(CERTIFICATE_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            return new CertificateAuthority(directory, PemFiles.readCertificate(certificateFile),
                    PemFiles.readPrivateKey(keyFile));
        }
        // 0700 whatever the umask: the directory holds the CA's private key.
        PrivateFiles.createDirectories(directory);
        KeyPair keyPair = newKeyPair();
        X509Certificate certificate = selfSigned(keyPair);
        PemFiles.writePrivateKey(keyFile, keyPair.getPrivate());
        PemFiles.writeCertificate(certificateFile, certificate);
        return new CertificateAuthority(directory, certificate, keyPair.getPrivate());
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Path certificateFile() {
        return directory.resolve(CERTIFICATE_FILE);
    }

    public Path keyFile() {
        return directory.resolve(KEY_FILE);
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    public String pem() {
        return PemFiles.toPem(certificate);
    }

    public byte[] der() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the CA certificate", e);
        }
    }

    /** SHA-256 of the DER certificate as colon-separated upper-case hex, the way browsers show it. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Signs a certificate this CA issues. */
    X509Certificate sign(X509v3CertificateBuilder builder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(privateKey)));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign a certificate with twin's CA", e);
        }
    }

    X500Name name() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 unavailable", e);
        }
    }

    static BigInteger newSerial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate selfSigned(KeyPair keyPair) throws CertIOException {
        Instant now = Instant.now();
        String owner = System.getProperty("user.name", "unknown").strip();
        // Most significant RDN first in the encoding, so tools display "CN=..., O=twin".
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "twin")
                .addRDN(BCStyle.CN, "twin local CA (" + owner.toLowerCase(Locale.ROOT) + ")")
                .build();
        PublicKey publicKey = keyPair.getPublic();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, newSerial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, publicKey);
        JcaX509ExtensionUtils extensions = extensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(publicKey));
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keyPair.getPrivate())));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot create twin's CA certificate", e);
        }
    }

    static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 unavailable for key identifiers", e);
        }
    }
}
