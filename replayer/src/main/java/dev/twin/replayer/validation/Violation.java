package dev.twin.replayer.validation;

import java.util.Objects;

/**
 * One thing wrong with a request, named the way the client sent it.
 *
 * @param param    the parameter as the client wrote it: {@code email}, {@code metadata[order]},
 *                 {@code items[0][price]} in forms and query strings, {@code body.address.city} in JSON bodies,
 *                 {@code body} for the body as a whole
 * @param location where it was sent: {@link #PATH}, {@link #QUERY}, {@link #HEADER}, {@link #COOKIE} or
 *                 {@link #BODY}
 * @param reason   one readable line for the client, e.g. {@code Missing required param: email.}
 */
public record Violation(String param, String location, String reason) {
    public static final String PATH = "path";
    public static final String QUERY = "query";
    public static final String HEADER = "header";
    public static final String COOKIE = "cookie";
    public static final String BODY = "body";

    public Violation {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }
}
