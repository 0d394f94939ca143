package dev.twin.replayer.validation;

/** How a request body was decoded. */
public enum BodyFormat {
    /** No body was sent (or an empty one where emptiness means "none"). */
    NONE,
    /** {@code application/json} or {@code *+json}, parsed as JSON. */
    JSON,
    /** {@code application/x-www-form-urlencoded}, decoded with bracket nesting and typed by the schema. */
    FORM,
    /** Any other media type, kept as bytes in the request. */
    RAW;

    static BodyFormat of(String mediaType) {
        if (mediaType == null) {
            return NONE;
        }
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            return JSON;
        }
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            return FORM;
        }
        return RAW;
    }
}
