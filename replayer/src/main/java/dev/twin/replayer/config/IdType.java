package dev.twin.replayer.config;

/** The JSON type a table's minted ids have in answers: {@code "42"} or {@code 42}. */
public enum IdType {
    STRING,
    /** Sequence ids written as JSON numbers, as json-server, Rails and most SQL-backed APIs answer them. */
    INTEGER
}
