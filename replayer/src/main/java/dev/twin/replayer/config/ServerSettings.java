package dev.twin.replayer.config;

import java.util.Objects;

/** {@code server:} — where to listen and how to validate; command-line flags override these. */
public record ServerSettings(String host, int port, ValidationMode validate) {
    public static final ServerSettings DEFAULTS = new ServerSettings("127.0.0.1", 4280, ValidationMode.STRICT);

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(validate, "validate");
    }
}
