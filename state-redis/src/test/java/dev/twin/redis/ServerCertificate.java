package dev.twin.redis;

import dev.twin.proxy.ca.CertificateAuthority;
import dev.twin.proxy.ca.LeafCertificate;
import dev.twin.proxy.ca.LeafCertificates;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server certificate for a test's Redis, issued by a CA of its own (twin's recording-proxy CA code, made in
 * {@code dir}): PEM files of the certificate, its key and the CA's certificate, as redis-server and {@code cacert=}
 * read them.
 */
record ServerCertificate(Path certificate, Path key, Path authority) {

    /** A new CA in {@code dir} and a certificate it signs for {@code host} (a DNS name or an IP address). */
    static ServerCertificate issue(Path dir, String host) throws IOException {
        CertificateAuthority authority = CertificateAuthority.loadOrCreate(dir.resolve("ca"));
        LeafCertificate leaf = new LeafCertificates(authority).forHost(host);
        Path certificate = write(dir.resolve("server.pem"), leaf.certificate());
        // PKCS#8 ("PRIVATE KEY"): the form OpenSSL 3 reads whatever the key's algorithm
        Path key = write(dir.resolve("server-key.pem"), new JcaPKCS8Generator(leaf.privateKey(), null));
        return new ServerCertificate(certificate, key, authority.certificateFile());
    }

    private static Path write(Path file, Object pemObject) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(pemObject);
        }
        return file;
    }
}
