package dev.twin.replayer.config;

import java.util.Map;

/** Binds the small settings sections: {@code server}, {@code tenancy}, {@code credentials}, {@code idempotency}. */
final class SettingsBinder {
    private SettingsBinder() {
    }

    static ServerSettings server(YamlMapping root) {
        YamlMapping m = root.mapping("server");
        ServerSettings d = ServerSettings.DEFAULTS;
        if (m == null) {
            return d;
        }
        m.allowOnly("host", "port", "validate", "headers");
        Map<String, String> headers = m.stringMap("headers");
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                    m.problem("headers", "'" + name + "' is not a header name (letters, digits and !#$%&'*+.^_`|~-)");
                } else if (value == null || !value.matches("[\\x20-\\x7e\\t]*")) {
                    m.problem("headers", "the value of " + name + " must be printable ASCII on one line");
                }
            });
        }
        return new ServerSettings(m.string("host", d.host()), m.integer("port", d.port(), 0, 65535),
                m.enumValue("validate", ValidationMode.class, d.validate()), headers);
    }

    static Tenancy tenancy(YamlMapping root) {
        YamlMapping m = root.mapping("tenancy");
        Tenancy d = Tenancy.DEFAULTS;
        if (m == null) {
            return d;
        }
        m.allowOnly("mode", "header", "expireAfter");
        return new Tenancy(m.enumValue("mode", Tenancy.Mode.class, d.mode()), m.name("header", d.header()),
                m.duration("expireAfter", d.expireAfter()));
    }

    static Credentials credentials(YamlMapping root) {
        YamlMapping m = root.mapping("credentials");
        if (m == null) {
            return Credentials.DEFAULTS;
        }
        m.allowOnly("reject");
        return new Credentials(m.regex("reject"));
    }

    static Idempotency idempotency(YamlMapping root) {
        YamlMapping m = root.mapping("idempotency");
        Idempotency d = Idempotency.DEFAULTS;
        if (m == null) {
            return d;
        }
        m.allowOnly("header", "window");
        return new Idempotency(m.name("header", d.header()), m.duration("window", d.window()));
    }
}
