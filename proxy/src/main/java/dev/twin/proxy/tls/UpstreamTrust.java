package dev.twin.proxy.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How twin checks an upstream's TLS certificate.
 *
 * @param caFile PEM file of extra CA certificates to trust instead of the JDK trust store, or null
 * @param insecure when true no certificate is checked at all (self-signed sandboxes, explicitly asked for)
 */
public record UpstreamTrust(Path caFile, boolean insecure) {
    public UpstreamTrust {
        if (insecure && caFile != null) {
            throw new IllegalArgumentException("--upstream-ca and --insecure-upstream exclude each other");
        }
    }

    public static UpstreamTrust jdkDefault() {
        return new UpstreamTrust(null, false);
    }

    public static UpstreamTrust caFile(Path pemFile) {
        return new UpstreamTrust(Objects.requireNonNull(pemFile, "pemFile"), false);
    }

    public static UpstreamTrust trustingAnything() {
        return new UpstreamTrust(null, true);
    }
}
