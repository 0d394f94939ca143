package dev.twin.replayer.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code tenancy:} — who sees whose writes, and how much each tenant may hold.
 *
 * @param header      take the tenant from this request header instead of the credential; null = credential
 * @param expireAfter drop a tenant's writes after this much inactivity; null = never
 * @param maxRows     rows one tenant may hold over all tables (its own rows and its changed copies of seed rows;
 *                    the shared seed rows are free); a write beyond it answers QUOTA_EXCEEDED
 * @param maxBytes    the same for the size of those rows as compact JSON
 */
public record Tenancy(Mode mode, String header, Duration expireAfter, long maxRows, long maxBytes) {
    public static final long DEFAULT_MAX_ROWS = 100_000;
    public static final long DEFAULT_MAX_BYTES = 32L << 20;
    public static final Tenancy DEFAULTS = new Tenancy(Mode.PER_CREDENTIAL, null, null);

    public enum Mode {
        PER_CREDENTIAL, SHARED
    }

    public Tenancy {
        Objects.requireNonNull(mode, "mode");
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("tenant quotas must be positive: " + maxRows + " rows, "
                    + maxBytes + " bytes");
        }
    }

    /** With the default quotas. */
    public Tenancy(Mode mode, String header, Duration expireAfter) {
        this(mode, header, expireAfter, DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
    }
}
