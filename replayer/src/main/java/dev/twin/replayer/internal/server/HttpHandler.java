package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;
import dev.twin.replayer.internal.state.LoopAnswer;
import dev.twin.replayer.internal.state.WouldBlock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Turns an aggregated Netty request into a {@link TwinRequest}, asks the pipeline, writes the answer. Answers are
 * written as they are computed and flushed once per read batch ({@link #channelReadComplete}), as a plain Netty
 * server does; an answer sent later (a latency fault) is flushed on its own.
 *
 * <p>With a {@code blockingWork} executor (state in a shared Redis) a request is answered on the event loop when it
 * needs no wait for the store ({@link LoopAnswer}: its answer leaves once its commits landed), else the pipeline
 * runs on that executor, never waiting on the event loop: each connection's requests one after another, each answer
 * handed back to the connection's event loop to be written, so answers leave in request order.
 */
@ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String SANDBOX_HEADER = ResponseBytes.SANDBOX_HEADER;
    private static final byte[] NO_BODY = new byte[0];
    private static final AttributeKey<String> REMOTE_ADDRESS = AttributeKey.valueOf(HttpHandler.class, "remote");
    /** The connection's last request handed to {@link #blockingWork}: the next one runs after it. */
    private static final AttributeKey<CompletableFuture<Void>> LAST_WORK =
            AttributeKey.valueOf(HttpHandler.class, "lastWork");
    private static final System.Logger LOG = System.getLogger(HttpHandler.class.getName());

    private final RequestPipeline pipeline;
    private final DropLog drops;
    /** Null: the pipeline runs on the event loop. */
    private final Executor blockingWork;

    HttpHandler(RequestPipeline pipeline, DropLog drops) {
        this(pipeline, drops, null);
    }

    HttpHandler(RequestPipeline pipeline, DropLog drops, Executor blockingWork) {
        this.pipeline = pipeline;
        this.drops = drops;
        this.blockingWork = blockingWork;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        if (request.decoderResult().isFailure()) { // a body the decoder could not read (the head passed)
            String message = "Malformed HTTP request: " + request.decoderResult().cause().getMessage();
            drops.dropped(ctx.channel(), "answered 400: " + message);
            refuse(ctx, ErrorResponses.error(400, "invalid_request_error", message, null));
            return;
        }
        TwinResponse response;
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            String rawPath = uri.rawPath();
            TwinRequest twinRequest = twinRequest(ctx, request, uri);
            if (blockingWork != null) {
                answerShared(ctx, twinRequest, rawPath.isEmpty() ? "/" : rawPath, keepAlive, head);
                return;
            }
            response = pipeline.handle(twinRequest, rawPath.isEmpty() ? "/" : rawPath);
        } catch (IllegalArgumentException e) {
            // QueryStringDecoder rejects malformed percent-encoding
            response = ErrorResponses.error(400, "invalid_request_error", "Malformed request URI: "
                    + e.getMessage(), null);
        }
        // Sandbox faults and latency travel as the response's Delivery; a delayed answer is written after this read
        // batch was flushed, so it flushes itself
        boolean[] later = {false};
        DeliveryWriter.send(ctx, response, answer -> write(ctx, answer, keepAlive, head, later[0]));
        later[0] = true;
    }

    /**
     * With shared state: answers on the event loop when the request needs no wait for the store before anything of it
     * took effect ({@link LoopAnswer}): its answer is written at once, or once its commits landed and its reads were
     * confirmed (completed on the store client's thread, handed to the connection's event loop). A request that must
     * wait, or whose commit did not land, runs on {@link #blockingWork} instead; so does one queued behind a request
     * of the connection still under way, so that answers leave in order. One that reached a step that must wait after
     * a write of it was sent is continued there once that write landed ({@link LoopAnswer#continuing}): the event
     * loop never waits.
     */
    private void answerShared(ChannelHandlerContext ctx, TwinRequest request, String rawPath, boolean keepAlive,
                              boolean head) {
        CompletableFuture<Void> previous = ctx.channel().attr(LAST_WORK).get();
        if (previous != null && !previous.isDone()) {
            answerOffLoop(ctx, request, rawPath, keepAlive, head);
            return;
        }
        LoopAnswer loop = LoopAnswer.onLoop();
        TwinResponse response;
        try {
            response = loop.run(() -> pipeline.handle(request, rawPath));
        } catch (WouldBlock e) {
            response = null;
        }
        boolean continues = loop.continues(); // stopped at a wait after a write of it was sent
        if ((response == null || loop.aborted()) && !continues) { // nothing of it took effect: it waits on a worker
            loop.runAgain();
            answerOffLoop(ctx, request, rawPath, keepAlive, head);
            return;
        }
        CompletableFuture<Boolean> ready = loop.ready();
        if (!continues && ready.isDone() && !ready.isCompletedExceptionally() && ready.join()) {
            loop.answered();
            boolean[] later = {false};
            TwinResponse answered = response;
            DeliveryWriter.send(ctx, answered, answer -> write(ctx, answer, keepAlive, head, later[0]));
            later[0] = true;
            return;
        }
        TwinResponse computed = response;
        CompletableFuture<Void> work = ready
                .handle((held, failure) -> {
                    if (failure != null || !held) {
                        loop.runAgain();
                    }
                    if (failure != null) { // as a wait for the commit would have thrown: the worker's run throws it
                        Throwable cause = failure instanceof java.util.concurrent.CompletionException
                                && failure.getCause() != null ? failure.getCause() : failure;
                        LoopAnswer failing = LoopAnswer.failing(cause instanceof RuntimeException e ? e
                                : new IllegalStateException(cause));
                        return CompletableFuture.supplyAsync(() -> failing.run(() -> pipeline.handle(request, rawPath)),
                                blockingWork);
                    }
                    if (!held) { // a commit did not land, or the copy read was behind: nothing of it landed
                        return CompletableFuture.supplyAsync(() -> pipeline.handle(request, rawPath), blockingWork);
                    }
                    if (continues) { // what it sent landed: the worker goes on from the step that must wait
                        LoopAnswer continuation = loop.continuing();
                        return CompletableFuture.supplyAsync(() -> continuation.run(
                                () -> pipeline.handle(request, rawPath)), blockingWork);
                    }
                    loop.answered();
                    return CompletableFuture.completedFuture(computed);
                })
                .thenCompose(next -> next)
                .exceptionally(HttpHandler::busy)
                .thenAccept(answer -> ctx.executor().execute(() ->
                        DeliveryWriter.send(ctx, answer, sent -> write(ctx, sent, keepAlive, head, true))));
        ctx.channel().attr(LAST_WORK).set(work);
    }

    /**
     * Runs the pipeline on {@link #blockingWork} after the connection's previous request, then writes the answer on
     * the connection's event loop (this request's work is done only once its answer is handed over, so the next
     * answer cannot overtake it). A full queue or a failure is a 503, never a dropped request.
     */
    private void answerOffLoop(ChannelHandlerContext ctx, TwinRequest request, String rawPath, boolean keepAlive,
                               boolean head) {
        CompletableFuture<Void> previous = ctx.channel().attr(LAST_WORK).get();
        CompletableFuture<Void> after = previous == null ? CompletableFuture.completedFuture(null) : previous;
        CompletableFuture<Void> work = after
                .thenApplyAsync(ignored -> pipeline.handle(request, rawPath), blockingWork)
                .exceptionally(HttpHandler::busy)
                .thenAccept(response -> ctx.executor().execute(() ->
                        DeliveryWriter.send(ctx, response, answer -> write(ctx, answer, keepAlive, head, true))));
        ctx.channel().attr(LAST_WORK).set(work);
    }

    private static TwinResponse busy(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof java.util.concurrent.RejectedExecutionException) {
            return ErrorResponses.error(503, "api_error", "The twin is answering as many requests as it can queue;"
                    + " try again shortly.", null).withHeader("Retry-After", "1");
        }
        LOG.log(System.Logger.Level.ERROR, "failed answering a request", cause);
        return ErrorResponses.error(500, "twin_error", "twin failed answering: " + cause, null);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    private static TwinRequest twinRequest(ChannelHandlerContext ctx, FullHttpRequest request,
                                           QueryStringDecoder uri) {
        String rawQuery = uri.rawQuery();
        Map<String, List<String>> query = rawQuery.isEmpty() ? Map.of() : uri.parameters();
        ByteBuf content = request.content();
        byte[] body = content.isReadable() ? ByteBufUtil.getBytes(content) : NO_BODY;
        return new TwinRequest(request.method().name(), uri.path(), rawQuery.isEmpty() ? null : rawQuery, query,
                headers(request.headers()), body, remoteAddress(ctx.channel()));
    }

    /** The client's address as text, formatted once per connection (formatting an IP address allocates). */
    private static String remoteAddress(Channel channel) {
        Attribute<String> cached = channel.attr(REMOTE_ADDRESS);
        String address = cached.get();
        if (address == null) {
            SocketAddress remote = channel.remoteAddress();
            address = remote instanceof InetSocketAddress inet ? inet.getHostString() : String.valueOf(remote);
            cached.set(address);
        }
        return address;
    }

    /** Header names lower-cased, values in order; built straight into an immutable map when no name repeats. */
    private static Map<String, List<String>> headers(HttpHeaders headers) {
        int size = headers.size();
        if (size == 0) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, List<String>>[] entries = new Map.Entry[size];
        int n = 0;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            for (int i = 0; i < n; i++) {
                if (entries[i].getKey().equals(name)) {
                    return repeatedHeaders(headers);
                }
            }
            entries[n++] = Map.entry(name, List.of(header.getValue()));
        }
        return Map.ofEntries(n == size ? entries : java.util.Arrays.copyOf(entries, n));
    }

    private static Map<String, List<String>> repeatedHeaders(HttpHeaders headers) {
        Map<String, List<String>> byName = new HashMap<>();
        for (Map.Entry<String, String> header : headers) {
            byName.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(2))
                    .add(header.getValue());
        }
        return byName;
    }

    /**
     * Writes a refusal (a limit, a timeout) as the connection's last answer, then closes the connection the
     * {@link LingeringClose} way so that the client reads the answer rather than a reset.
     */
    static void refuse(ChannelHandlerContext ctx, TwinResponse response) {
        RequestClock.closing(ctx.channel());
        writeLast(ctx, response, false).addListener(LingeringClose.AFTER_WRITE);
    }

    /**
     * Writes {@code response}; with {@code flush} false the write waits for the flush at the end of the read batch.
     * A connection that is not kept alive is flushed and closed right away.
     */
    static void write(ChannelHandlerContext ctx, TwinResponse response, boolean keepAlive, boolean head,
                      boolean flush) {
        RequestClock.answered(ctx.channel());
        if (!keepAlive) {
            writeLast(ctx, response, head).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ByteBuf encoded = ResponseBytes.encode(ctx.alloc(), response, true, head);
        if (encoded == null) {
            writeThroughNetty(ctx, response, true, head);
            return;
        }
        // the first handler is the HTTP response encoder: bytes written from its context go straight to the socket
        ChannelHandlerContext belowEncoder = ctx.pipeline().firstContext();
        if (belowEncoder == null) {
            encoded.release(); // the client closed while the answer was worked out: nobody is left to answer
            return;
        }
        if (flush) {
            belowEncoder.writeAndFlush(encoded, belowEncoder.voidPromise());
        } else {
            belowEncoder.write(encoded, belowEncoder.voidPromise());
        }
    }

    /** Writes and flushes {@code response} with {@code Connection: close}; the future completes once it is sent. */
    private static ChannelFuture writeLast(ChannelHandlerContext ctx, TwinResponse response, boolean head) {
        ByteBuf encoded = ResponseBytes.encode(ctx.alloc(), response, false, head);
        if (encoded == null) {
            return writeThroughNetty(ctx, response, false, head);
        }
        ChannelHandlerContext belowEncoder = ctx.pipeline().firstContext();
        if (belowEncoder == null) {
            encoded.release(); // closed while the answer was worked out
            return ctx.channel().newSucceededFuture();
        }
        return belowEncoder.writeAndFlush(encoded);
    }

    /** Responses with headers that need Netty's validation and encoding. */
    private static ChannelFuture writeThroughNetty(ChannelHandlerContext ctx, TwinResponse response,
                                                   boolean keepAlive, boolean head) {
        ByteBuf body = head || response.body().length == 0 ? Unpooled.EMPTY_BUFFER
                : Unpooled.wrappedBuffer(response.body());
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), body);
        HttpHeaders headers = out.headers();
        response.headers().forEach(headers::set);
        headers.set(SANDBOX_HEADER, "true");
        if (!response.headers().containsKey("Content-Length")) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return ctx.writeAndFlush(out);
        }
        return ctx.writeAndFlush(out, ctx.voidPromise());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof java.io.IOException)) { // an I/O error is the client gone: nothing of ours to report
            drops.dropped(ctx.channel(), "failed: " + cause);
        }
        ctx.close();
    }
}
