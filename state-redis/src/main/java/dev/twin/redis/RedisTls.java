package dev.twin.redis;

import io.lettuce.core.SslOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/**
 * TLS to Redis ({@code rediss://}): the server's certificate must chain to a CA of {@code ?cacert=PATH} (a PEM file)
 * or, without it, of the JVM's trust store, and name the host (Lettuce's {@code verifyPeer=FULL}, its default); a
 * certificate that is not trusted is a start-up error that names the host and what to do.
 */
final class RedisTls {
    private RedisTls() {
    }

    /**
     * The PEM file {@code cacert=} names, absolute.
     *
     * @throws IllegalArgumentException on a {@code redis://} URL, or a file that holds no certificate
     */
    static Path caCertificates(String value, String scheme, String shown) {
        if (!scheme.equals("rediss")) {
            throw new IllegalArgumentException("state " + shown + ": cacert is for TLS, a URL that starts rediss://");
        }
        Path file = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("state " + shown + ": cacert " + file + " is not a PEM file of CA"
                    + " certificates (there is no such file" + (Path.of(value).isAbsolute() ? ")"
                    : "; a relative path is read from the directory twin runs in, " + Path.of("").toAbsolutePath()
                    + ", not from twin.yaml's)"));
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new CertificateException("no certificate in it");
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("state " + shown + ": cacert " + file + " is not a PEM file of CA"
                    + " certificates (" + e.getMessage() + ")");
        }
        return file;
    }

    /** Lettuce's TLS options: the JDK's TLS, trusting the {@code cacert} file when there is one. */
    static SslOptions options(RedisLocation location) {
        SslOptions.Builder builder = SslOptions.builder().jdkSslProvider();
        if (location.caCertificates() != null) {
            builder.trustManager(location.caCertificates().toFile());
        }
        return builder.build();
    }

    /** What to tell the user when a connection failed on the server's certificate; null when it failed otherwise. */
    static String untrusted(RedisLocation location, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CertificateException) {
                return "the state store " + location.shown() + " presented a TLS certificate that is not trusted for"
                        + " host " + location.uri().getHost() + " (" + cause.getMessage() + "). "
                        + (location.caCertificates() == null
                        ? "Name the CA that signed it with ?cacert=PATH (a PEM file), or add it to the JVM's trust"
                        + " store" : "It must chain to a CA in " + location.caCertificates()
                        + " and name that host") + " (docs/redis.md)";
            }
        }
        return null;
    }
}
