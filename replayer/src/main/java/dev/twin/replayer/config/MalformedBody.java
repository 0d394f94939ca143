package dev.twin.replayer.config;

import java.nio.charset.StandardCharsets;

/**
 * {@code conventions.errors.malformedBody} — how the API answers a request body that is not JSON: its status, its
 * content type, and its text, either the message of a parser {@link JsonSyntaxDialect dialect} for the bytes
 * received between {@code prefix} and {@code suffix}, or a constant {@code body} when no dialect reproduced it.
 *
 * @param status      the status, 400–499
 * @param contentType the answer's {@code Content-Type}
 * @param dialect     the parser whose message the text holds, or null for the constant {@code body}
 * @param prefix      text before the parser's message ("" when none)
 * @param suffix      text after it ({@code "\n"} for Go's {@code http.Error})
 * @param body        the constant text when {@code dialect} is null, else null
 */
public record MalformedBody(int status, String contentType, JsonSyntaxDialect dialect, String prefix,
                            String suffix, String body) {
    public static final String DEFAULT_CONTENT_TYPE = "text/plain; charset=utf-8";

    public MalformedBody {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        contentType = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
    }

    /**
     * The answer's bytes for a body that was sent as these bytes, or null when the dialect's parser would have
     * read them (the twin's own parser refused them for a reason that parser does not share). In a JSON answer the
     * message sits inside a JSON string ({@code {"message": "Unexpected token ..."}}), so it is escaped as one.
     */
    public byte[] answerFor(byte[] sent) {
        if (dialect == null) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        String message = dialect.messageFor(sent);
        if (message == null) {
            return null;
        }
        String text = isJson() ? inJsonString(message) : message;
        return (prefix + text + suffix).getBytes(StandardCharsets.UTF_8);
    }

    /** The text as it is written between the quotes of a JSON string ({@code "} as {@code \"}). */
    public static String inJsonString(String text) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /** Whether the answer is JSON, so the message is written escaped inside one of its strings. */
    public boolean isJson() {
        return contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }
}
