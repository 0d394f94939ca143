package dev.twin.replayer.internal.validation;

/** How a request body was decoded. */
public enum BodyFormat {
    /** No body was sent (or an empty one where emptiness means "none"). */
    NONE,
    /** {@code application/json} or {@code *+json}, parsed as JSON. */
    JSON,
    /** {@code application/x-www-form-urlencoded}, decoded with bracket nesting and typed by the schema. */
    FORM,
    /**
     * {@code multipart/form-data}: text parts decoded as form fields (bracket nesting, typed by the schema), each
     * upload as its description {@code {filename, type, size}}, never its bytes.
     */
    MULTIPART,
    /**
     * {@code application/xml}, {@code text/xml} or {@code *+xml}, read into the JSON tree the schema's {@code xml}
     * objects describe.
     */
    XML,
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
        if (mediaType.equals("multipart/form-data")) {
            return MULTIPART;
        }
        if (mediaType.equals("application/xml") || mediaType.equals("text/xml") || mediaType.endsWith("+xml")) {
            return XML;
        }
        return RAW;
    }
}
