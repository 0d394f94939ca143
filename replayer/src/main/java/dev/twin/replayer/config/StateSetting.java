package dev.twin.replayer.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code state:} (or {@code twin serve --state}) — where the tables are kept: in memory (the default), in a file
 * that survives a restart, or in a shared store several replicas of the twin use together
 * ({@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS; docs/redis.md).
 *
 * @param file the state file (kind FILE), absolute
 * @param url  the shared store's URL (kind SHARED)
 */
public record StateSetting(Kind kind, Path file, URI url) {
    public enum Kind { MEMORY, FILE, SHARED }

    public static final StateSetting MEMORY = new StateSetting(Kind.MEMORY, null, null);

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    public StateSetting {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FILE) != (file != null) || (kind == Kind.SHARED) != (url != null)) {
            throw new IllegalArgumentException("a " + kind + " state setting takes "
                    + (kind == Kind.FILE ? "a file" : kind == Kind.SHARED ? "a URL" : "nothing"));
        }
    }

    /**
     * A URL with a scheme ({@code redis://...}) names a shared store; anything else is a file, relative to
     * {@code baseDir}.
     *
     * @throws IllegalArgumentException naming what is wrong with a URL
     */
    public static StateSetting parse(String text, Path baseDir) {
        String value = Objects.requireNonNull(text, "text").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the state location is empty: give a file or a redis:// URL");
        }
        if (!SCHEME.matcher(value).matches()) {
            return new StateSetting(Kind.FILE, baseDir.resolve(value).toAbsolutePath().normalize(), null);
        }
        try {
            URI url = new URI(value);
            if (url.getHost() == null) {
                throw new IllegalArgumentException("the state URL " + redacted(url) + " names no host, as in "
                        + url.getScheme() + "://localhost:6379");
            }
            return new StateSetting(Kind.SHARED, null, url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the state URL is not a URL: " + e.getReason());
        }
    }

    /** The URL's scheme in lower case ({@code redis}), or null when the state is not shared. */
    public String scheme() {
        return url == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
    }

    /** The URL without its password, for messages and logs. */
    public static String redacted(URI url) {
        String userInfo = url.getRawUserInfo();
        if (userInfo == null) {
            return url.toString();
        }
        int colon = userInfo.indexOf(':');
        String shown = colon < 0 ? "****" : userInfo.substring(0, colon) + ":****";
        return url.toString().replace(userInfo + "@", shown + "@");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MEMORY -> "memory";
            case FILE -> file.toString();
            case SHARED -> redacted(url);
        };
    }
}
