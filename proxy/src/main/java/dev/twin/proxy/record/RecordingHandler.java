package dev.twin.proxy.record;

import dev.twin.proxy.OriginResolver;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.ExchangeSink;
import dev.twin.recorder.Failure;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;

/**
 * Sits on the client connection beside the relay and watches: requests read from the client, responses written back
 * to it. Bodies are copied up to the cap; the messages themselves pass through untouched. Exchanges on one
 * connection complete in order (HTTP/1.1), so a queue pairs each response with its request.
 *
 * <p>One thing it holds back: the write that completes a response on the wire (its last content; for a response
 * without a body, its head) waits until the sink has stored the exchange ({@link ExchangeSink#accept(Exchange,
 * Runnable)}), see {@link ResponseRelease}. So a client that has its answer knows it is recorded, even if twin is
 * killed the next instant. The event loop never waits: the sink calls back and the write goes out then.
 */
public final class RecordingHandler extends ChannelDuplexHandler {
    private final ExchangeSink sink;
    private final String session;
    private final long maxBodyBytes;
    private final OriginResolver resolver;
    private final ArrayDeque<ExchangeDraft> inProgress = new ArrayDeque<>();
    private final ResponseRelease release = new ResponseRelease();
    /** The gate of the response being written; its end (or a body-less head) waits behind it. */
    private ResponseRelease.Gate responseGate;
    private String clientAddress;

    public RecordingHandler(ExchangeSink sink, String session, long maxBodyBytes, OriginResolver resolver) {
        this.sink = sink;
        this.session = session;
        this.maxBodyBytes = maxBodyBytes;
        this.resolver = resolver;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            if (clientAddress == null) {
                clientAddress = ClientAddresses.of(ctx.channel());
            }
            inProgress.addLast(new ExchangeDraft(request, resolver.originOf(request), clientAddress, maxBodyBytes));
        }
        if (msg instanceof HttpContent content && !inProgress.isEmpty()) {
            inProgress.peekLast().requestContent(content);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ExchangeDraft current = inProgress.peekFirst();
        ResponseRelease.Gate gate = null;
        if (current != null) {
            if (msg instanceof HttpResponse response) {
                current.responseHead(response);
                responseGate = new ResponseRelease.Gate();
                if (!(msg instanceof LastHttpContent) && current.headEndsResponse(response)) {
                    gate = responseGate;
                }
            }
            if (msg instanceof HttpContent content) {
                current.responseContent(content);
            }
            if (msg instanceof LastHttpContent) {
                inProgress.pollFirst();
                gate = responseGate == null ? new ResponseRelease.Gate() : responseGate;
                responseGate = null;
                finish(ctx, current, gate);
            }
        }
        release.write(ctx, msg, promise, gate);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        release.close(ctx, promise);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ExchangeFailed failed && !inProgress.isEmpty()) {
            inProgress.peekFirst().fail(failed.failure());
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (ExchangeDraft draft; (draft = inProgress.pollFirst()) != null; ) {
            draft.fail(new Failure(Failure.Kind.CLIENT_ABORT, "client closed the connection before the response ended"));
            if (!draft.switchedProtocols()) {
                sink.accept(draft.toExchange(session));
            }
        }
        release.discard();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release.discard();
    }

    /** Hands the exchange to the sink; the gate opens, on this connection's event loop, once it is stored. */
    private void finish(ChannelHandlerContext ctx, ExchangeDraft draft, ResponseRelease.Gate gate) {
        if (draft.switchedProtocols()) {
            release.open(ctx, gate);
            return;
        }
        sink.accept(draft.toExchange(session), () -> {
            if (ctx.executor().inEventLoop()) {
                release.open(ctx, gate);
            } else {
                ctx.executor().execute(() -> release.open(ctx, gate));
            }
        });
    }
}
