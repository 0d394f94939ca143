package dev.twin.replayer.internal.http;

import java.util.Locale;

/** Reading a {@code Content-Type} header's media type. */
public final class MediaTypes {
    private MediaTypes() {
    }

    /** {@code application/json} or a {@code +json} type, whatever its parameters ({@code ; charset=utf-8}). */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }
}
