package dev.twin.replayer.config;

import java.util.List;
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
        m.allowOnly("host", "port", "validate", "headers", "json", "etag", "errorEtag", "rebase", "limits", "cors",
                "writeCounter");
        Map<String, String> headers = m.stringMap("headers");
        HeaderChecks.check(m, "headers", headers);
        return new ServerSettings(m.string("host", d.host()), m.integer("port", d.port(), 0, 65535),
                m.enumValue("validate", ValidationMode.class, d.validate()), headers, jsonFormat(m),
                m.enumValue("etag", EtagScheme.class, d.etag()), rebase(m), limits(m), m.bool("cors", d.cors()),
                writeCounter(m), m.enumValue("errorEtag", EtagScheme.class, null));
    }

    private static WriteCounter writeCounter(YamlMapping server) {
        YamlMapping m = server.mapping("writeCounter");
        if (m == null) {
            return WriteCounter.NONE;
        }
        m.allowOnly("header", "start");
        String header = m.name("header", null);
        if (header == null) {
            m.problem("header", "writeCounter needs the header's name (header: X-Etcd-Index)");
            return WriteCounter.NONE;
        }
        return new WriteCounter(header, m.longValue("start", 0L, 0L, Long.MAX_VALUE / 2));
    }

    private static ServerLimits limits(YamlMapping server) {
        YamlMapping m = server.mapping("limits");
        ServerLimits d = ServerLimits.DEFAULTS;
        if (m == null) {
            return d;
        }
        m.allowOnly("maxUrlLength", "maxHeaderSize", "maxHeaders", "maxBodySize", "headerTimeout", "bodyTimeout",
                "idleTimeout", "maxConnectionsPerAddress");
        return new ServerLimits(m.integer("maxUrlLength", d.maxUrlLength(), ServerLimits.MIN_URL_LENGTH,
                Integer.MAX_VALUE), size(m, "maxHeaderSize", d.maxHeaderSize(), ServerLimits.MIN_HEADER_SIZE),
                m.integer("maxHeaders", d.maxHeaders(), 1, Integer.MAX_VALUE),
                size(m, "maxBodySize", d.maxBodySize(), 1), m.duration("headerTimeout", d.headerTimeout()),
                m.duration("bodyTimeout", d.bodyTimeout()), m.duration("idleTimeout", d.idleTimeout()),
                m.integer("maxConnectionsPerAddress", d.maxConnectionsPerAddress(), 1, Integer.MAX_VALUE));
    }

    /** A byte size ({@code 16kb}) from {@code least} up to 2 GB (what one buffer holds). */
    private static int size(YamlMapping m, String key, int defaultValue, int least) {
        long bytes = m.byteSize(key, defaultValue);
        if (bytes < least || bytes > Integer.MAX_VALUE) {
            m.problem(key, "must be between " + least + " bytes and 2gb, got " + m.string(key));
            return defaultValue;
        }
        return (int) bytes;
    }

    /** Origins as {@code scheme://host[:port]}, nothing after: what is replaced must be exactly an origin. */
    private static List<String> rebase(YamlMapping server) {
        List<String> origins = server.strings("rebase");
        if (origins == null) {
            return List.of();
        }
        for (String origin : origins) {
            if (origin == null || !origin.matches("https?://[A-Za-z0-9.\\[\\]:-]+")) {
                server.problem("rebase", "'" + origin + "' is not an origin such as http://127.0.0.1:4873"
                        + " (scheme, host and port only)");
            }
        }
        return origins;
    }

    private static JsonFormat jsonFormat(YamlMapping server) {
        YamlMapping m = server.mapping("json");
        if (m == null) {
            return JsonFormat.COMPACT;
        }
        m.allowOnly("indent", "newline", "sortKeys");
        String indent = m.string("indent", "0");
        boolean tabs = indent.equals("tab");
        int spaces = 0;
        if (!tabs) {
            spaces = m.integer("indent", 0, 0, JsonFormat.MAX_INDENT);
        }
        return new JsonFormat(spaces, tabs, m.bool("newline", false), m.bool("sortKeys", false));
    }

    static Tenancy tenancy(YamlMapping root) {
        YamlMapping m = root.mapping("tenancy");
        Tenancy d = Tenancy.DEFAULTS;
        if (m == null) {
            return d;
        }
        m.allowOnly("mode", "header", "expireAfter", "maxRows", "maxBytes");
        return new Tenancy(m.enumValue("mode", Tenancy.Mode.class, d.mode()), m.name("header", d.header()),
                m.duration("expireAfter", d.expireAfter()),
                m.integer("maxRows", (int) d.maxRows(), 1, Integer.MAX_VALUE), m.byteSize("maxBytes", d.maxBytes()));
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

    /** {@code state: FILE} or {@code state: redis://host:6379}: where the tables are kept. */
    static StateSetting state(YamlMapping root, java.nio.file.Path baseDir) {
        String written = root.string("state");
        if (written == null) {
            return StateSetting.MEMORY;
        }
        try {
            return StateSetting.parse(written, baseDir);
        } catch (IllegalArgumentException e) {
            root.problem("state", e.getMessage());
            return StateSetting.MEMORY;
        }
    }
}
