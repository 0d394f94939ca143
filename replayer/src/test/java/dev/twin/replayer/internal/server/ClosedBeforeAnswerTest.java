package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.TwinResponse;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An answer worked out off the event loop reaches a connection the client already closed, whose pipeline Netty has
 * emptied: it is dropped quietly (nobody is left to read it), never a NullPointerException in the server's log.
 */
class ClosedBeforeAnswerTest {

    @Test
    void givenAnEmptiedPipeline_whenAKeptAliveAnswerIsWritten_thenItIsDropped() {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        ChannelHandlerContext ctx = channel.pipeline().firstContext();
        channel.pipeline().removeFirst();

        assertDoesNotThrow(() -> HttpHandler.write(ctx, TwinResponse.json(200, "{\"ok\":true}"), true, false, true));
        assertNull(channel.readOutbound(), "nothing is written to a closed connection");
        channel.finishAndReleaseAll();
    }

    @Test
    void givenAnEmptiedPipeline_whenAClosingAnswerIsWritten_thenItIsDropped() {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        ChannelHandlerContext ctx = channel.pipeline().firstContext();
        channel.pipeline().removeFirst();

        assertDoesNotThrow(() -> HttpHandler.write(ctx, TwinResponse.json(200, "{\"ok\":true}"), false, false, true));
        assertNull(channel.readOutbound(), "nothing is written to a closed connection");
        channel.finishAndReleaseAll();
    }
}
