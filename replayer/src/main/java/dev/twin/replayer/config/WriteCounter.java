package dev.twin.replayer.config;

/**
 * {@code server.writeCounter} — a response header counting the writes the API accepted, sent on every answer
 * (etcd's {@code X-Etcd-Index}): {@code start} plus the number of successful writes (a 2xx answer to a POST, PUT,
 * PATCH or DELETE) the tenant made so far, that answer's own write included.
 *
 * @param header the header's name; null when the API has no such counter ({@link #NONE})
 * @param start  the header's value before the first write
 */
public record WriteCounter(String header, long start) {
    public static final WriteCounter NONE = new WriteCounter(null, 0);

    public boolean isOn() {
        return header != null;
    }
}
