package dev.twin.proxy;

import dev.twin.proxy.forward.ConnectHandler;
import dev.twin.proxy.relay.UpstreamConnector;
import dev.twin.proxy.tls.TlsInterception;
import dev.twin.proxy.tls.UpstreamTls;
import dev.twin.recorder.ExchangeSink;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import java.io.IOException;

/**
 * An HTTP proxy clients configure as such: absolute-URI requests are relayed and recorded; CONNECT tunnels are
 * decrypted with twin's CA for intercepted hosts and passed through untouched for the others.
 */
public final class ForwardProxyServer implements AutoCloseable {
    public static final String CONNECT = "connect";

    private final Listener listener;

    private ForwardProxyServer(Listener listener) {
        this.listener = listener;
    }

    /**
     * @throws java.net.BindException when the port is in use
     * @throws IllegalArgumentException when the upstream CA file is unusable
     */
    public static ForwardProxyServer start(ProxyConfig config, TlsInterception interception, ExchangeSink sink)
            throws IOException {
        UpstreamConnector connector = new UpstreamConnector(
                UpstreamTls.create(config.upstreamTrust(), config.upstreamTimeout()), config.upstreamTimeout());
        ClientPipeline http = new ClientPipeline(config, sink, connector);
        OriginResolver resolver = OriginResolver.fromAbsoluteUri();
        Listener listener = Listener.bind(config.bindHost(), config.port(), "twin-forward",
                new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        http.addHttpHandlers(pipeline, resolver);
                        pipeline.addAfter(ClientPipeline.EXPECT_CONTINUE, CONNECT, new ConnectHandler(http, interception));
                    }
                });
        return new ForwardProxyServer(listener);
    }

    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
    }
}
