package dev.twin.recorder;

import java.util.List;
import java.util.Optional;

/** Case-insensitive look-ups over an ordered header list. */
public final class Headers {
    private Headers() {
    }

    public static Optional<String> first(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }
}
