package dev.twin.replayer.internal.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use the admin API ({@code /__twin/}).
 *
 * @param enabled false turns the admin routes off entirely (they answer 404)
 * @param token   the secret every admin request must carry as {@code Authorization: Bearer <token>}, or null for
 *                none (allowed only while the server listens on loopback)
 * @param origins browser origins, besides loopback ones, whose pages may call the admin API
 *                ({@code https://dashboard.example:8443}), normalised to lower case without a trailing slash
 */
public record AdminAccess(boolean enabled, String token, Set<String> origins) {
    /** Admin on, no token: the default, allowed on loopback only. */
    public static final AdminAccess OPEN_ON_LOOPBACK = new AdminAccess(true, null, Set.of());
    public static final AdminAccess OFF = new AdminAccess(false, null, Set.of());

    public AdminAccess {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("the admin token is empty; give a secret or leave it unset");
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String origin : origins) {
            normalised.add(normaliseOrigin(origin));
        }
        origins = Set.copyOf(normalised);
    }

    public static AdminAccess of(boolean enabled, String token, List<String> origins) {
        return new AdminAccess(enabled, token, new LinkedHashSet<>(origins));
    }

    public boolean tokenRequired() {
        return enabled && token != null;
    }

    /** {@code scheme://host[:port]} in lower case; anything else is a mistake the user should hear about. */
    static String normaliseOrigin(String origin) {
        String text = origin.trim().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        try {
            URI uri = new URI(text);
            boolean plain = uri.getScheme() != null && uri.getHost() != null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (plain && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("admin origin '" + origin
                + "' is not an origin like https://dashboard.example:8443 (scheme, host and optional port)");
    }
}
