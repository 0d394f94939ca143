package dev.twin.recorder;

import java.util.Objects;

/** One HTTP header line, kept in the order it was seen. Names keep their original case. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
