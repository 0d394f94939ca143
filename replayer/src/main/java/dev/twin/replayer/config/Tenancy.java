package dev.twin.replayer.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code tenancy:} — who sees whose writes.
 *
 * @param header      take the tenant from this request header instead of the credential; null = credential
 * @param expireAfter drop a tenant's writes after this much inactivity; null = never
 */
public record Tenancy(Mode mode, String header, Duration expireAfter) {
    public static final Tenancy DEFAULTS = new Tenancy(Mode.PER_CREDENTIAL, null, null);

    public enum Mode {
        PER_CREDENTIAL, SHARED
    }

    public Tenancy {
        Objects.requireNonNull(mode, "mode");
    }
}
