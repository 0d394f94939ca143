package dev.twin.replayer.internal.search;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A clause's value as written: quoted text ({@code 'jenny@example.com'}), or a bare word ({@code 1000},
 * {@code null}, {@code active}).
 */
public record SearchValue(String text, boolean quoted) {
    public SearchValue {
        Objects.requireNonNull(text, "text");
    }

    /** The bare word {@code null}: the field has no value. */
    public boolean isNull() {
        return !quoted && text.equals("null");
    }

    /** The value as a number, or null when it is not one. */
    public BigDecimal number() {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
