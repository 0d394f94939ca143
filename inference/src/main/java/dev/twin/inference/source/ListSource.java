package dev.twin.inference.source;

import dev.twin.recorder.Exchange;

import java.util.List;
import java.util.function.Consumer;

/** Exchanges already in memory (tests, small imports). */
public record ListSource(List<Exchange> exchanges, String describe) implements ExchangeSource {
    public ListSource {
        exchanges = List.copyOf(exchanges);
    }

    public ListSource(List<Exchange> exchanges) {
        this(exchanges, exchanges.size() + " exchanges");
    }

    @Override
    public void forEach(Consumer<Exchange> each) {
        exchanges.forEach(each);
    }
}
