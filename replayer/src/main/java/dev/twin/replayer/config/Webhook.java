package dev.twin.replayer.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code webhooks:}: events whose type matches one of {@code events} (globs) are POSTed to {@code url},
 * signed by {@code signature} with {@code secret}, retried with exponential backoff up to {@code maxAttempts}.
 */
public record Webhook(URI url, List<String> events, String secret, Signature signature, int maxAttempts,
                      SourceLocation location) {
    public enum Signature { STRIPE, NONE }

    public Webhook {
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
        Objects.requireNonNull(signature, "signature");
    }
}
