package dev.twin.proxy;

import dev.twin.proxy.record.RecordingBackPressure;
import dev.twin.proxy.record.RecordingHandler;
import dev.twin.proxy.relay.HttpRelayHandler;
import dev.twin.proxy.relay.UpstreamConnector;
import dev.twin.recorder.ExchangeSink;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;

/**
 * The handlers of a client connection speaking HTTP to twin: codec, pausing new requests while the store is behind,
 * 100-continue, recording beside the relay.
 * Used for reverse-proxy connections, forward-proxy connections and decrypted CONNECT tunnels alike.
 */
public final class ClientPipeline {
    public static final String HTTP_CODEC = "http-codec";
    public static final String BACK_PRESSURE = "recording-back-pressure";
    public static final String EXPECT_CONTINUE = "expect-continue";
    public static final String RECORDING = "recording";
    public static final String RELAY = "relay";
    private static final int MAX_INITIAL_LINE = 16 * 1024;
    private static final int MAX_HEADER_SIZE = 64 * 1024;
    private static final int MAX_CHUNK_SIZE = 64 * 1024;

    private final ProxyConfig config;
    private final ExchangeSink sink;
    private final UpstreamConnector connector;

    public ClientPipeline(ProxyConfig config, ExchangeSink sink, UpstreamConnector connector) {
        this.config = config;
        this.sink = sink;
        this.connector = connector;
    }

    public void addHttpHandlers(ChannelPipeline pipeline, OriginResolver resolver) {
        pipeline.addLast(HTTP_CODEC, new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, MAX_CHUNK_SIZE));
        pipeline.addLast(BACK_PRESSURE, new RecordingBackPressure(sink));
        pipeline.addLast(EXPECT_CONTINUE, new HttpServerExpectContinueHandler());
        pipeline.addLast(RECORDING, new RecordingHandler(sink, config.session(), config.maxBodyBytes(), resolver));
        pipeline.addLast(RELAY, new HttpRelayHandler(resolver, connector));
    }

    public ProxyConfig config() {
        return config;
    }

    public ExchangeSink sink() {
        return sink;
    }

    public UpstreamConnector connector() {
        return connector;
    }
}
