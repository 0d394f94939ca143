package dev.twin.replayer.config;

/**
 * {@code conventions.writeIndex}: row fields holding the server's write counter (the value
 * {@code server.writeCounter} counts: its {@code start} plus the tenant's accepted writes, the write itself
 * included) as of the row's creation and of its last write, as etcd's {@code createdIndex} and
 * {@code modifiedIndex}.
 *
 * @param created  the field set when the row is created and kept after, or null
 * @param modified the field set by every write of the row (a delete's answer shows the deleting write's), or null
 */
public record WriteIndex(String created, String modified) {
}
