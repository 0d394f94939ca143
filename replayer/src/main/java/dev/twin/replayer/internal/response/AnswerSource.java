package dev.twin.replayer.internal.response;

/** Which part of the twin produced a response; recorded in the request journal. */
public enum AnswerSource {
    /** An example written in the spec (media-type, named or schema-level). */
    SPEC_EXAMPLE,
    /** A body generated from the response schema. */
    GENERATED,
    /** A stateful table bound with {@code extend}. */
    TABLE,
    /** A response recorded by {@code twin record}, replayed ({@code replay:} in twin.yaml). */
    RECORDING,
    /** A twin-made error: routing (404/405/406), validation (400/401/413), or a failure. */
    ERROR,
    /** An admin endpoint under {@code /__twin/}. */
    ADMIN
}
