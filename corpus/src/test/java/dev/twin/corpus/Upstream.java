package dev.twin.corpus;

import java.net.URI;

/** A real API server the corpus started; closing stops it. */
public interface Upstream extends AutoCloseable {
    /** Where it listens, e.g. {@code http://127.0.0.1:40123}. */
    URI baseUrl();

    @Override
    void close();
}
