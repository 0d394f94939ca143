package dev.twin.replayer.config;

/**
 * {@code tables[].response.content} — rows that hold the bytes clients wrote: the raw body of a write that is
 * neither JSON nor a form (an upload's {@code application/octet-stream} chunk, a file) is kept with the row.
 *
 * @param mediaType the {@code Content-Type} a {@code get} answers the kept bytes with (a blob store's
 *                  {@code application/octet-stream}); null = a get answers the row as JSON, the bytes only kept
 *                  (an upload whose bytes another table shows, {@code update.copyTo})
 * @param append    true: each write adds its bytes after those kept (a chunked upload: PATCH a chunk, PUT the
 *                  last); false or null: a write with a body replaces them
 * @param headers   headers a get of the bytes answers with, each a digest of them ({@code Docker-Content-Digest:
 *                  "sha256:{{sha256}}"}); empty for none
 */
public record ContentRule(String mediaType, Boolean append, java.util.Map<String, DigestForm> headers) {
    public ContentRule {
        headers = headers == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(headers));
    }

    public ContentRule(String mediaType, Boolean append) {
        this(mediaType, append, null);
    }

    public ContentRule merge(ContentRule override) {
        return override == null ? this : new ContentRule(Merging.value(mediaType, override.mediaType),
                Merging.value(append, override.append), override.headers.isEmpty() ? headers : override.headers);
    }
}
