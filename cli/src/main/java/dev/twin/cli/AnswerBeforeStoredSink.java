package dev.twin.cli;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.ExchangeSink;

/**
 * The recording writer without its durability promise: the proxy releases each response at once, and exchanges are
 * committed every commit interval (what twin did before #18). Only for bench/proxy.sh, which measures what the
 * promise costs within one run; switched on by the system property {@value #PROPERTY}, never documented for users.
 */
final class AnswerBeforeStoredSink implements ExchangeSink {
    static final String PROPERTY = "twin.bench.answerBeforeStored";

    private final ExchangeSink writer;

    private AnswerBeforeStoredSink(ExchangeSink writer) {
        this.writer = writer;
    }

    static ExchangeSink forBenchOr(ExchangeSink writer) {
        return Boolean.getBoolean(PROPERTY) ? new AnswerBeforeStoredSink(writer) : writer;
    }

    @Override
    public void accept(Exchange exchange) {
        writer.accept(exchange);
    }

    @Override
    public boolean isBehind() {
        return writer.isBehind();
    }

    @Override
    public void whenCaughtUp(Runnable resume) {
        writer.whenCaughtUp(resume);
    }
}
