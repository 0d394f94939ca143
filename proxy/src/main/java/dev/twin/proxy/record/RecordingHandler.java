package dev.twin.proxy.record;

import dev.twin.proxy.OriginResolver;
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
 * Sits on the client connection beside the relay and only watches: requests read from the client, responses written
 * back to it. Bodies are copied up to the cap; the messages themselves pass through untouched. Exchanges on one
 * connection complete in order (HTTP/1.1), so a queue pairs each response with its request.
 */
public final class RecordingHandler extends ChannelDuplexHandler {
    private final ExchangeSink sink;
    private final String session;
    private final long maxBodyBytes;
    private final OriginResolver resolver;
    private final ArrayDeque<ExchangeDraft> inProgress = new ArrayDeque<>();
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
        if (current != null) {
            if (msg instanceof HttpResponse response) {
                current.responseHead(response);
            }
            if (msg instanceof HttpContent content) {
                current.responseContent(content);
            }
            if (msg instanceof LastHttpContent) {
                inProgress.pollFirst();
                finish(current);
            }
        }
        ctx.write(msg, promise);
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
            finish(draft);
        }
        ctx.fireChannelInactive();
    }

    private void finish(ExchangeDraft draft) {
        if (!draft.switchedProtocols()) {
            sink.accept(draft.toExchange(session));
        }
    }
}
