package dev.twin.replayer.config;

/**
 * The provider's limits on a key-value field of request bodies ({@code conventions.fieldLimits}), such as Stripe's
 * {@code metadata}: at most {@code maxKeys} keys, each key at most {@code maxKeyLength} characters, each value at
 * most {@code maxValueLength}. A null limit is not checked.
 */
public record FieldLimit(Integer maxKeys, Integer maxKeyLength, Integer maxValueLength) {
}
