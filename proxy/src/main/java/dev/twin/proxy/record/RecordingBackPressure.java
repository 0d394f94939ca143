package dev.twin.proxy.record;

import dev.twin.recorder.ExchangeSink;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Slows a client connection to what the recording store can take: while the store {@link ExchangeSink#isBehind()
 * is behind}, the connection's next request is not read; once the store has caught up it is, on the connection's
 * own event loop.
 *
 * <p>Client connections never read on their own (auto-read is off): the relay asks for each read once its previous
 * write was flushed. This handler sits between the HTTP codec and the relay and holds back such a read when it would
 * start a new request, never in the middle of one. A held-back read is passed on after the store caught up, and
 * only then: the relay's own back-pressure decides whether a read is asked for at all, this one only delays it, so
 * neither can resume what the other paused.
 */
public final class RecordingBackPressure extends ChannelDuplexHandler {
    private final ExchangeSink sink;
    /** Between a request's head and its end: its body is read on whatever the store's backlog. */
    private boolean inRequest;
    /** A read the relay asked for is held back until the store has caught up. */
    private boolean readHeld;

    public RecordingBackPressure(ExchangeSink sink) {
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            inRequest = true;
        }
        if (msg instanceof LastHttpContent) {
            inRequest = false;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (inRequest || !sink.isBehind()) {
            ctx.read();
            return;
        }
        if (!readHeld) {
            readHeld = true;
            sink.whenCaughtUp(() -> ctx.executor().execute(() -> resume(ctx)));
        }
    }

    private void resume(ChannelHandlerContext ctx) {
        readHeld = false;
        if (!ctx.isRemoved() && ctx.channel().isActive()) {
            read(ctx);
        }
    }
}
