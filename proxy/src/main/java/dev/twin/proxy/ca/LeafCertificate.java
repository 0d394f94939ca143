package dev.twin.proxy.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A host certificate issued by twin's CA, with its key and the CA certificate that completes the chain. */
public record LeafCertificate(PrivateKey privateKey, X509Certificate certificate, X509Certificate issuer) {
}
