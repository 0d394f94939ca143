package dev.twin.proxy.ca;

import io.netty.util.NetUtil;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Per-host server certificates signed by twin's CA, made on first request for a host and cached for the life of
 * the process. Validity stays under the 398-day limit browsers and Apple platforms enforce.
 */
public final class LeafCertificates {
    static final Duration VALIDITY = Duration.ofDays(397);
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private final CertificateAuthority authority;
    private final Map<String, LeafCertificate> byHost = new ConcurrentHashMap<>();

    public LeafCertificates(CertificateAuthority authority) {
        this.authority = authority;
    }

    /** The certificate for a DNS name or IP address literal; the same instance on every later call. */
    public LeafCertificate forHost(String host) {
        return byHost.computeIfAbsent(host.toLowerCase(Locale.ROOT), this::issue);
    }

    private LeafCertificate issue(String host) {
        KeyPair keyPair = CertificateAuthority.newKeyPair();
        Instant notBefore = Instant.now().minus(CLOCK_SKEW);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "twin recording proxy")
                .addRDN(BCStyle.CN, host)
                .build();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority.name(),
                CertificateAuthority.newSerial(), Date.from(notBefore), Date.from(notBefore.plus(VALIDITY)),
                subject, keyPair.getPublic());
        try {
            JcaX509ExtensionUtils extensions = CertificateAuthority.extensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAltName(host)));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(authority.certificate()));
        } catch (CertIOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot build a certificate for " + host, e);
        }
        return new LeafCertificate(keyPair.getPrivate(), authority.sign(builder), authority.certificate());
    }

    private static GeneralName subjectAltName(String host) {
        boolean ipAddress = NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host);
        return new GeneralName(ipAddress ? GeneralName.iPAddress : GeneralName.dNSName, host);
    }
}
