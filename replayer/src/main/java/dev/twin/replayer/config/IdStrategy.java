package dev.twin.replayer.config;

/** How a table makes ids for new rows. */
public enum IdStrategy {
    /** {@code idPrefix} + {@code idLength} random characters from {@code idAlphabet} (Stripe: cus_…). */
    PREFIX,
    /** A random string matching {@code idPattern}, a regex-like shape such as {@code SM[0-9a-f]{32}}. */
    PATTERN,
    UUID,
    ULID,
    /** 1, 2, 3 … per tenant, as strings. */
    SEQUENCE
}
