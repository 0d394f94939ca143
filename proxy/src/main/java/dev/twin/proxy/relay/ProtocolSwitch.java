package dev.twin.proxy.relay;

import dev.twin.proxy.record.RecordingBackPressure;
import dev.twin.proxy.record.RecordingHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;

/** Turns an HTTP client/upstream pair into a raw byte relay once the upstream answered 101 Switching Protocols. */
final class ProtocolSwitch {
    private ProtocolSwitch() {
    }

    /**
     * Must run on the event loop right after the 101 response was written to the client, before anything else is
     * read: the HTTP handlers leave, and bytes either codec still holds flow on to the new relay handlers.
     */
    static void toByteRelay(Channel client, Channel upstream) {
        ChannelPipeline clientPipeline = client.pipeline();
        removeIfPresent(clientPipeline, HttpServerExpectContinueHandler.class);
        removeIfPresent(clientPipeline, RecordingHandler.class);
        removeIfPresent(clientPipeline, RecordingBackPressure.class);
        removeIfPresent(clientPipeline, HttpRelayHandler.class);
        clientPipeline.addLast(new ByteRelayHandler(upstream));
        removeIfPresent(clientPipeline, HttpServerCodec.class);
        ChannelPipeline upstreamPipeline = upstream.pipeline();
        upstreamPipeline.addLast(new ByteRelayHandler(client));
        upstreamPipeline.remove(UpstreamConnector.RESPONSE);
        upstreamPipeline.remove(UpstreamConnector.HTTP_CODEC);
        client.flush();
        client.read();
        upstream.read();
    }

    private static void removeIfPresent(ChannelPipeline pipeline, Class<? extends ChannelHandler> type) {
        if (pipeline.get(type) != null) {
            pipeline.remove(type);
        }
    }
}
