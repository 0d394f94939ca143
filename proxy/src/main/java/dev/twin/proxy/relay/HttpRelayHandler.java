package dev.twin.proxy.relay;

import dev.twin.proxy.Origin;
import dev.twin.proxy.OriginResolver;
import dev.twin.proxy.record.ExchangeFailed;
import dev.twin.recorder.Failure;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Relays one client connection's HTTP/1.1 requests to their upstream and the responses back, one exchange at a
 * time, over one upstream connection kept alive for as long as the client's (reconnected if the upstream closes or a
 * forward-proxy client switches host). Requests a client pipelines wait in a backlog until the current exchange ends.
 */
public final class HttpRelayHandler extends ChannelInboundHandlerAdapter {
    private final OriginResolver resolver;
    private final UpstreamConnector connector;
    private final ArrayDeque<HttpObject> backlog = new ArrayDeque<>();
    private final ArrayDeque<HttpObject> unsent = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Channel upstream;
    private Origin upstreamOrigin;
    private boolean upstreamReady;
    private boolean exchangeActive;
    private boolean responseStarted;
    private boolean discardingRequest;
    private boolean closeAfterResponse;
    /** When the upstream must have begun its response (System.nanoTime()), or 0 while no response is awaited. */
    private long responseDeadline;
    private Origin awaitedOrigin;
    private ScheduledFuture<?> deadlineCheck;
    private ChannelFuture unflushed;

    public HttpRelayHandler(OriginResolver resolver, UpstreamConnector connector) {
        this.resolver = resolver;
        this.connector = connector;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive()) {
            ctx.read();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject message)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!backlog.isEmpty() || (message instanceof HttpRequest && exchangeActive)) {
            backlog.addLast(message);
            return;
        }
        process(message);
    }

    private void process(HttpObject message) {
        if (message instanceof HttpRequest request) {
            startExchange(request);
        } else if (discardingRequest) {
            discardingRequest = !(message instanceof LastHttpContent);
            ReferenceCountUtil.release(message);
            readFromClientIfIdle();
        } else {
            forward(message);
        }
    }

    private void startExchange(HttpRequest request) {
        exchangeActive = true;
        responseStarted = false;
        discardingRequest = false;
        if (request.decoderResult().isFailure()) {
            ReferenceCountUtil.release(request);
            fail(new Failure(Failure.Kind.BAD_REQUEST, "malformed request: " + request.decoderResult().cause()
                    .getMessage()), null);
            return;
        }
        Origin origin = resolver.originOf(request);
        if (origin == null) {
            ReferenceCountUtil.release(request);
            fail(new Failure(Failure.Kind.BAD_REQUEST,
                    "a proxy request needs an absolute http:// URI, got: " + request.uri()), null);
            return;
        }
        closeAfterResponse = !HttpUtil.isKeepAlive(request);
        UpstreamRequests.prepare(request, origin);
        if (upstream != null && upstream.isActive() && origin.equals(upstreamOrigin)) {
            forward(request);
            return;
        }
        closeUpstream();
        unsent.addLast(request);
        connect(origin);
    }

    private void connect(Origin origin) {
        upstreamOrigin = origin;
        upstreamReady = false;
        connector.connectHttp(ctx.channel(), origin, new UpstreamResponseHandler(this, ctx.channel()))
                .addListener(future -> {
                    Channel channel = (Channel) future.getNow();
                    if (origin != upstreamOrigin || !ctx.channel().isActive()) {
                        if (channel != null) {
                            channel.close();
                        }
                        return;
                    }
                    if (!future.isSuccess()) {
                        fail(UpstreamFailures.classify(future.cause(), origin.authority()), origin.authority());
                        return;
                    }
                    upstream = channel;
                    upstreamReady = true;
                    while (!unsent.isEmpty()) {
                        write(unsent.pollFirst());
                    }
                    flushToUpstream();
                });
    }

    private void forward(HttpObject message) {
        if (upstreamReady && unsent.isEmpty()) {
            write(message);
        } else {
            unsent.addLast(message);
        }
    }

    /** Writes without flushing: everything one read from the client produced goes out in one flush. */
    private void write(HttpObject message) {
        boolean last = message instanceof LastHttpContent;
        Origin origin = upstreamOrigin;
        unflushed = upstream.write(message).addListener(future -> {
            if (!future.isSuccess()) {
                if (exchangeActive) {
                    fail(new Failure(Failure.Kind.UPSTREAM_ERROR, "sending the request to " + origin.authority()
                            + " failed: " + future.cause().getMessage()), origin.authority());
                }
                return;
            }
            if (last) {
                startResponseTimeout();
            }
        });
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flushToUpstream();
        ctx.fireChannelReadComplete();
    }

    /** Flushes what was written and reads the client's next chunk only once it is out (back-pressure). */
    private void flushToUpstream() {
        ChannelFuture lastWrite = unflushed;
        if (lastWrite == null) {
            return;
        }
        unflushed = null;
        lastWrite.channel().flush();
        lastWrite.addListener(future -> {
            if (future.isSuccess()) {
                readFromClientIfIdle();
            }
        });
    }

    /** Reads on: more of the request body, or (while the response runs) the next request or the client leaving. */
    private void readFromClientIfIdle() {
        if (backlog.isEmpty()) {
            ctx.read();
        }
    }

    /**
     * Arms the response deadline. Rather than scheduling (and cancelling) a timer per request, one check per
     * connection stays scheduled and, when it fires early because the deadline moved on, re-schedules itself for
     * the rest: keep-alive traffic then costs a clock read per request, not a timer.
     */
    private void startResponseTimeout() {
        if (responseStarted || !exchangeActive) {
            return;
        }
        responseDeadline = Math.max(1, System.nanoTime() + connector.timeout().toNanos());
        awaitedOrigin = upstreamOrigin;
        if (deadlineCheck == null) {
            deadlineCheck = ctx.executor().schedule(this::checkResponseDeadline, connector.timeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private void checkResponseDeadline() {
        deadlineCheck = null;
        if (responseDeadline == 0) {
            return;
        }
        long left = responseDeadline - System.nanoTime();
        if (left > 0) {
            deadlineCheck = ctx.executor().schedule(this::checkResponseDeadline, left, TimeUnit.NANOSECONDS);
            return;
        }
        if (exchangeActive && !responseStarted) {
            String authority = awaitedOrigin.authority();
            fail(new Failure(Failure.Kind.UPSTREAM_TIMEOUT, authority + " sent no response within "
                    + connector.timeout().toMillis() + " ms"), authority);
        }
    }

    void onResponseHead(HttpResponse response) {
        cancelResponseTimeout();
        responseStarted = true;
        if (!HttpUtil.isKeepAlive(response) || endsWithClose(response)) {
            closeAfterResponse = true;
        }
    }

    void onResponseEnd() {
        exchangeActive = false;
        if (closeAfterResponse) {
            Channels.closeOnFlush(ctx.channel());
            closeUpstream();
            return;
        }
        while (!backlog.isEmpty() && !(backlog.peekFirst() instanceof HttpRequest && exchangeActive)) {
            process(backlog.pollFirst());
        }
        if (unflushed != null) {
            flushToUpstream();
        } else {
            readFromClientIfIdle();
        }
    }

    void onUpstreamClosed(Channel channel) {
        if (channel != upstream) {
            return;
        }
        upstream = null;
        upstreamReady = false;
        if (!exchangeActive) {
            return;
        }
        String authority = upstreamOrigin.authority();
        fail(new Failure(Failure.Kind.UPSTREAM_ERROR, authority + " closed the connection "
                + (responseStarted ? "in the middle of the response" : "without responding")), authority);
    }

    /** After a 101 response both connections carry opaque bytes (WebSocket): this relay's work is done. */
    void switchToByteRelay(Channel upstreamChannel) {
        cancelResponseTimeout();
        exchangeActive = false;
        upstream = null;
        releaseQueued();
        ProtocolSwitch.toByteRelay(ctx.channel(), upstreamChannel);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stopDeadlineCheck();
        closeUpstream();
        releaseQueued();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopDeadlineCheck();
        closeUpstream();
        releaseQueued();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /**
     * Ends the current exchange with twin's own error response (or, once the upstream's response has begun, by
     * cutting the connection) and tells the recording which failure it was.
     */
    private void fail(Failure failure, String upstreamAuthority) {
        cancelResponseTimeout();
        closeUpstream();
        releaseQueued();
        ctx.pipeline().fireUserEventTriggered(new ExchangeFailed(failure));
        exchangeActive = false;
        if (responseStarted) {
            ctx.close();
            return;
        }
        discardingRequest = true;
        ctx.writeAndFlush(ErrorResponses.of(failure, upstreamAuthority)).addListener(ChannelFutureListener.CLOSE);
    }

    private void closeUpstream() {
        Channel channel = upstream;
        upstream = null;
        upstreamReady = false;
        upstreamOrigin = null;
        if (channel != null) {
            channel.close();
        }
    }

    private void cancelResponseTimeout() {
        responseDeadline = 0;
    }

    /** The connection is done: the pending deadline check must not keep it (and its handler) alive. */
    private void stopDeadlineCheck() {
        responseDeadline = 0;
        if (deadlineCheck != null) {
            deadlineCheck.cancel(false);
            deadlineCheck = null;
        }
    }

    private void releaseQueued() {
        for (HttpObject message : unsent) {
            ReferenceCountUtil.release(message);
        }
        unsent.clear();
        for (HttpObject message : backlog) {
            ReferenceCountUtil.release(message);
        }
        backlog.clear();
    }

    /** A response with neither Content-Length nor chunking ends when the upstream closes; so must ours. */
    private static boolean endsWithClose(HttpResponse response) {
        int status = response.status().code();
        boolean mayHaveBody = status >= 200 && status != HttpResponseStatus.NO_CONTENT.code()
                && status != HttpResponseStatus.NOT_MODIFIED.code();
        return mayHaveBody && !HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response);
    }
}
