package dev.twin.replayer.internal.validation;

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
 * @param malformedBody true for a body that is not JSON at all (the API's parser answers it in its own words)
 * @param rule     the check that failed, as JSON Schema names it ({@code required}, {@code minLength},
 *                 {@code type}, ...), or null when none applies
 */
public record Violation(String param, String location, String reason, boolean malformedBody, String rule) {
    public static final String PATH = "path";
    public static final String QUERY = "query";
    public static final String HEADER = "header";
    public static final String COOKIE = "cookie";
    public static final String BODY = "body";

    /** The parameter named by a body whose media type the operation does not accept. */
    static final String CONTENT_TYPE = "Content-Type";

    public Violation {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    public Violation(String param, String location, String reason) {
        this(param, location, reason, false, null);
    }

    public Violation(String param, String location, String reason, boolean malformedBody) {
        this(param, location, reason, malformedBody, null);
    }

    /**
     * One violation is another when it names the same parameter, place and reason: the rule only says which check
     * found it, so that an API's own answer for that check can be chosen (errors.byParam).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Violation v && param.equals(v.param) && location.equals(v.location)
                && reason.equals(v.reason) && malformedBody == v.malformedBody;
    }

    @Override
    public int hashCode() {
        return Objects.hash(param, location, reason, malformedBody);
    }

    /** The whole body is not JSON. */
    static Violation malformedBody(String reason) {
        return new Violation(BODY, BODY, reason, true);
    }

    /**
     * Whether this is a body sent in a media type the operation does not accept. OpenAPI ignores a declared
     * Content-Type header parameter, so a Content-Type header violation can only mean that.
     */
    public boolean isUnsupportedMediaType() {
        return location.equals(HEADER) && param.equals(CONTENT_TYPE);
    }
}
