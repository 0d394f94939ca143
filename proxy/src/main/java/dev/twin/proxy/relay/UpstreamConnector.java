package dev.twin.proxy.relay;

import dev.twin.proxy.Origin;
import dev.twin.proxy.Transport;
import dev.twin.proxy.tls.UpstreamTls;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;

/**
 * Opens upstream connections on the client connection's own event loop, so relaying never crosses threads.
 * The returned future completes once the connection is usable: connected, and for https after the TLS handshake.
 */
public final class UpstreamConnector {
    static final String TLS = "tls";
    static final String HTTP_CODEC = "http-codec";
    static final String RESPONSE = "response";

    private final UpstreamTls tls;
    private final Duration timeout;

    public UpstreamConnector(UpstreamTls tls, Duration timeout) {
        this.tls = tls;
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** An HTTP/1.1 connection to {@code origin} whose responses go to {@code responseHandler}. */
    Future<Channel> connectHttp(Channel client, Origin origin, ChannelHandler responseHandler) {
        return connect(client, origin.host(), origin.port(), new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                if (origin.isTls()) {
                    channel.pipeline().addLast(TLS, tls.newHandler(channel.alloc(), origin));
                }
                channel.pipeline().addLast(HTTP_CODEC, new HttpClientCodec());
                channel.pipeline().addLast(RESPONSE, responseHandler);
            }
        });
    }

    /** A plain TCP connection, for tunnels. */
    public Future<Channel> connectRaw(Channel client, String host, int port, ChannelHandler handler) {
        return connect(client, host, port, handler);
    }

    private Future<Channel> connect(Channel client, String host, int port, ChannelHandler handler) {
        Promise<Channel> usable = client.eventLoop().newPromise();
        ChannelFuture connected = new Bootstrap()
                .group(client.eventLoop())
                .channel(Transport.socketChannelLike(client))
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(handler)
                .connect(host, port);
        connected.addListener(future -> {
            if (!future.isSuccess()) {
                usable.tryFailure(future.cause());
                return;
            }
            Channel channel = connected.channel();
            SslHandler sslHandler = channel.pipeline().get(SslHandler.class);
            if (sslHandler == null) {
                usable.trySuccess(channel);
                return;
            }
            sslHandler.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    usable.trySuccess(channel);
                } else {
                    usable.tryFailure(handshake.cause());
                    channel.close();
                }
            });
        });
        return usable;
    }
}
