package dev.twin.replayer.config;

/**
 * {@code update.copyTo} — a PUT that also makes a row of another table, keyed by a value the client sent: a
 * finished upload ({@code PUT /uploads/{id}?digest=sha256:…}) becomes the blob {@code /blobs/sha256:…}, readable
 * there with the bytes the upload holds ({@code content}).
 *
 * @param table   the table the row is written to (replacing a row it holds under that id)
 * @param idParam the query parameter naming the new row's id; a PUT without it copies nothing
 */
public record CopyTo(String table, String idParam) {
}
