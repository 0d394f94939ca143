package dev.twin.proxy.forward;

import dev.twin.proxy.ClientPipeline;
import dev.twin.proxy.Origin;
import dev.twin.proxy.OriginResolver;
import dev.twin.proxy.record.ClientAddresses;
import dev.twin.proxy.record.ConnectExchanges;
import dev.twin.proxy.relay.ByteRelayHandler;
import dev.twin.proxy.relay.ErrorResponses;
import dev.twin.proxy.relay.UpstreamFailures;
import dev.twin.proxy.tls.TlsInterception;
import dev.twin.recorder.Failure;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.time.Instant;

/**
 * Answers CONNECT. For intercepted hosts the connection becomes TLS terminated by twin (leaf certificate from
 * twin's CA) followed by the usual HTTP handlers aimed at that host; for other hosts the bytes are relayed untouched
 * and only the tunnel itself is recorded. Every other request passes on to the HTTP relay.
 */
public final class ConnectHandler extends ChannelInboundHandlerAdapter {
    private static final String CLIENT_TLS = "client-tls";
    private static final HttpResponseStatus ESTABLISHED = new HttpResponseStatus(200, "Connection Established");

    private final ClientPipeline http;
    private final TlsInterception interception;
    private boolean connecting;

    public ConnectHandler(ClientPipeline http, TlsInterception interception) {
        this.http = http;
        this.interception = interception;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && HttpMethod.CONNECT.equals(request.method())
                && request.decoderResult().isSuccess()) {
            connecting = true;
            ReferenceCountUtil.release(msg);
            onConnect(ctx, request.uri());
            return;
        }
        if (connecting && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void onConnect(ChannelHandlerContext ctx, String authority) {
        Origin target;
        try {
            target = parseAuthority(authority);
        } catch (IllegalArgumentException e) {
            ctx.writeAndFlush(ErrorResponses.of(new Failure(Failure.Kind.BAD_REQUEST,
                    "CONNECT needs host:port, got: " + authority), null)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (interception.intercepts(target.host())) {
            intercept(ctx, target);
        } else {
            tunnel(ctx, target);
        }
    }

    private void intercept(ChannelHandlerContext ctx, Origin target) {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        interception.serverContext(target.host()).whenComplete((context, error) -> ctx.executor().execute(() -> {
            if (error != null) {
                ctx.writeAndFlush(ErrorResponses.of(new Failure(Failure.Kind.UPSTREAM_TLS, "cannot make a certificate"
                        + " for " + target.host() + ": " + error.getMessage()), target.authority()))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.writeAndFlush(established()).addListener(written -> {
                if (!written.isSuccess()) {
                    ctx.close();
                    return;
                }
                ChannelPipeline pipeline = ctx.pipeline();
                removeHttpHandlers(pipeline);
                SslHandler tls = TlsInterception.serverHandler(context, ctx.alloc());
                pipeline.addLast(CLIENT_TLS, tls);
                http.addHttpHandlers(pipeline, OriginResolver.fixed(target));
                // The handshake reads whatever the store's backlog (the recording back-pressure holds requests only,
                // and a handshake held back would time out).
                pipeline.context(CLIENT_TLS).read();
                String clientAddress = ClientAddresses.of(ctx.channel());
                tls.handshakeFuture().addListener(handshake -> {
                    if (!handshake.isSuccess()) {
                        http.sink().accept(ConnectExchanges.refusedInterception(http.config().session(), startedAt,
                                micros(startNanos), clientAddress, target.host(), target.port(),
                                String.valueOf(handshake.cause().getMessage())));
                    }
                });
            });
        }));
    }

    private void tunnel(ChannelHandlerContext ctx, Origin target) {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        Channel client = ctx.channel();
        String clientAddress = ClientAddresses.of(client);
        String session = http.config().session();
        http.connector().connectRaw(client, target.host(), target.port(), new ByteRelayHandler(client))
                .addListener(connected -> {
                    if (!connected.isSuccess()) {
                        Failure failure = UpstreamFailures.classify(connected.cause(), target.authority());
                        http.sink().accept(ConnectExchanges.tunnel(session, startedAt, micros(startNanos), clientAddress,
                                target.host(), target.port(), failure));
                        ctx.writeAndFlush(ErrorResponses.of(failure, target.authority()))
                                .addListener(ChannelFutureListener.CLOSE);
                        return;
                    }
                    Channel upstream = (Channel) connected.getNow();
                    ctx.writeAndFlush(established()).addListener(written -> {
                        if (!written.isSuccess()) {
                            upstream.close();
                            return;
                        }
                        ChannelPipeline pipeline = ctx.pipeline();
                        pipeline.addLast(new ByteRelayHandler(upstream));
                        removeHttpHandlers(pipeline);
                        client.closeFuture().addListener(closed -> http.sink().accept(ConnectExchanges.tunnel(session,
                                startedAt, micros(startNanos), clientAddress, target.host(), target.port(), null)));
                        client.read();
                    });
                });
    }

    private void removeHttpHandlers(ChannelPipeline pipeline) {
        pipeline.remove(ClientPipeline.RELAY);
        pipeline.remove(ClientPipeline.RECORDING);
        pipeline.remove(ClientPipeline.EXPECT_CONTINUE);
        pipeline.remove(ClientPipeline.BACK_PRESSURE);
        pipeline.remove(this);
        pipeline.remove(ClientPipeline.HTTP_CODEC);
    }

    private static FullHttpResponse established() {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, ESTABLISHED);
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    /** "host:port" or "[v6]:port", the authority form CONNECT uses. */
    static Origin parseAuthority(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon <= 0 || colon == authority.length() - 1) {
            throw new IllegalArgumentException(authority);
        }
        String host = authority.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(authority);
        }
        if (host.startsWith("[") != host.endsWith("]")) {
            throw new IllegalArgumentException(authority);
        }
        return Origin.of("https", host, port);
    }
}
