package dev.twin.proxy;

import dev.twin.proxy.relay.UpstreamConnector;
import dev.twin.proxy.tls.UpstreamTls;
import dev.twin.recorder.ExchangeSink;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.io.IOException;

/** Listens for clients that use twin as their base URL and relays every request to one upstream, recording it. */
public final class ReverseProxyServer implements AutoCloseable {
    private final Listener listener;
    private final Origin upstream;

    private ReverseProxyServer(Listener listener, Origin upstream) {
        this.listener = listener;
        this.upstream = upstream;
    }

    /**
     * @throws java.net.BindException when the port is in use
     * @throws IllegalArgumentException when the upstream CA file is unusable
     */
    public static ReverseProxyServer start(ProxyConfig config, Origin upstream, ExchangeSink sink) throws IOException {
        UpstreamConnector connector = new UpstreamConnector(
                UpstreamTls.create(config.upstreamTrust(), config.upstreamTimeout()), config.upstreamTimeout());
        ClientPipeline pipeline = new ClientPipeline(config, sink, connector);
        OriginResolver resolver = OriginResolver.fixed(upstream);
        Listener listener = Listener.bind(config.bindHost(), config.port(), "twin-reverse",
                new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        pipeline.addHttpHandlers(channel.pipeline(), resolver);
                    }
                });
        return new ReverseProxyServer(listener, upstream);
    }

    public int port() {
        return listener.port();
    }

    public Origin upstream() {
        return upstream;
    }

    @Override
    public void close() {
        listener.close();
    }
}
