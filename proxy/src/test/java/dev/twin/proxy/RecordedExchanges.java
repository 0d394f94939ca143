package dev.twin.proxy;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.ExchangeSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An in-memory sink for tests: exchanges queue up and are taken with a deadline. */
final class RecordedExchanges implements ExchangeSink {
    private final LinkedBlockingQueue<Exchange> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(Exchange exchange) {
        queue.add(exchange);
    }

    Exchange next() throws InterruptedException {
        Exchange exchange = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull(exchange, "no exchange recorded within 10 s");
        return exchange;
    }

    List<Exchange> next(int count) throws InterruptedException {
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            exchanges.add(next());
        }
        return exchanges;
    }
}
