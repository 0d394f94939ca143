package dev.twin.inference.source;

import dev.twin.recorder.Exchange;

import java.util.function.Consumer;

/** Recorded exchanges in recorded order; inference reads them several times, streaming, never all at once. */
public interface ExchangeSource {
    void forEach(Consumer<Exchange> each);

    /** For messages and the report: "twin.db (sessions: a, b)". */
    String describe();
}
