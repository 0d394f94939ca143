package dev.twin.replayer.internal.response;

/**
 * Why twin refuses a request an operation's spec does not allow, with the status a spec mock answers and the
 * documented responses that answer it, in the order they are looked for. After those, a {@code 4XX} range and then
 * {@code default} answer with {@link #status()}; with none documented, an RFC 9457 problem does.
 */
public enum Rejection {
    /** Parameters or body do not fit the spec: a documented 422, else 400. */
    INVALID(422, "Unprocessable Content", 422, 400),
    /** No credential for any accepted security scheme: a documented 401, else 403. */
    UNAUTHORIZED(401, "Unauthorized", 401, 403),
    /** A body in a media type the operation does not accept. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", 415),
    /** Nothing the response documents matches the request's {@code Accept}. */
    NOT_ACCEPTABLE(406, "Not Acceptable", 406);

    private final int status;
    private final String title;
    private final int[] documented;

    Rejection(int status, String title, int... documented) {
        this.status = status;
        this.title = title;
        this.documented = documented;
    }

    /** The status sent when no exact code is documented (a {@code 4XX}, {@code default}, or nothing). */
    public int status() {
        return status;
    }

    /** The problem's title: the status's reason phrase in RFC 9110. */
    public String title() {
        return title;
    }

    /** Documented status codes that answer this refusal, most fitting first. */
    int[] documented() {
        return documented.clone();
    }
}
