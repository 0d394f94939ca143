package dev.twin.redis;

import dev.twin.replayer.config.StateSetting;
import io.lettuce.core.RedisURI;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code redis://[user:password@]host:port[/db][?prefix=NAME&timeout=2s]} (or {@code rediss://} for TLS) as twin
 * uses it: Lettuce's address, the key prefix that keeps this twin's keys apart from another twin's in the same
 * database (default {@code twin}), the command timeout (default 2 s), past which a request is answered 503, and
 * for TLS the certificates a server's must chain to ({@code cacert=PATH}; null: the JVM's trust store).
 */
record RedisLocation(RedisURI uri, String prefix, Duration timeout, String shown, Path caCertificates) {
    static final String DEFAULT_PREFIX = "twin";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** @throws IllegalArgumentException naming what is wrong with the URL */
    static RedisLocation of(URI url) {
        String shown = StateSetting.redacted(url);
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("state " + shown + ": a Redis URL starts redis:// or rediss://");
        }
        String prefix = DEFAULT_PREFIX;
        Duration timeout = DEFAULT_TIMEOUT;
        Path caCertificates = null;
        List<String> passed = new ArrayList<>();
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "prefix" -> {
                        if (!PREFIX.matcher(value).matches()) {
                            throw new IllegalArgumentException("state " + shown + ": prefix is 1 to 64 letters,"
                                    + " digits, '.', '_' or '-', not '" + value + "'");
                        }
                        prefix = value;
                    }
                    case "timeout" -> timeout = duration(value, shown);
                    case "cacert" -> caCertificates = RedisTls.caCertificates(value, scheme, shown);
                    default -> passed.add(pair); // Lettuce's own (clientName, ...)
                }
            }
        }
        String lettuce = url.toString();
        int query = lettuce.indexOf('?');
        if (query >= 0) {
            lettuce = lettuce.substring(0, query) + (passed.isEmpty() ? "" : "?" + String.join("&", passed));
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(lettuce);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state " + shown + ": " + e.getMessage());
        }
        // the handshake of a (re)connection may take longer than a command: a cold JVM on a busy machine; commands
        // keep the short timeout (TimeoutOptions), and fail at once while the connection is down
        uri.setTimeout(timeout.compareTo(CONNECT_TIMEOUT) > 0 ? timeout : CONNECT_TIMEOUT);
        return new RedisLocation(uri, prefix, timeout, url.getScheme() + "://" + url.getHost()
                + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/" + uri.getDatabase(), caCertificates);
    }

    private static Duration duration(String value, String shown) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1))
                        * 1000));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("state " + shown + ": timeout is a duration such as 500ms or 2s, not '"
                + value + "'");
    }

    @Override
    public String toString() {
        return shown + " (prefix " + prefix + ")";
    }
}
