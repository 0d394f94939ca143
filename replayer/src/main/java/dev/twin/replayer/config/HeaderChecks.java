package dev.twin.replayer.config;

import java.util.Map;

/** Header names and values written in twin.yaml ({@code server.headers}, {@code create.headers}), checked at load. */
final class HeaderChecks {
    private HeaderChecks() {
    }

    /** Each name must be an HTTP token and each value printable ASCII on one line; a problem at {@code key} if not. */
    static void check(YamlMapping m, String key, Map<String, String> headers) {
        if (headers == null) {
            return;
        }
        headers.forEach((name, value) -> {
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                m.problem(key, "'" + name + "' is not a header name (letters, digits and !#$%&'*+.^_`|~-)");
            } else if (value == null || !value.matches("[\\x20-\\x7e\\t]*")) {
                m.problem(key, "the value of " + name + " must be printable ASCII on one line");
            }
        });
    }
}
