package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.ConnectionFault;
import dev.twin.replayer.internal.http.Delivery;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries out a response's {@link Delivery} on the connection: a delay is scheduled on the channel's event loop
 * (never slept), then the response is written as usual or replaced by its {@link ConnectionFault}; a deferred
 * answer is written once it completes; a streamed one is handed to {@link StreamedResponse}.
 */
final class DeliveryWriter {
    /** A chunked response whose chunk-size line is not hexadecimal. */
    private static final byte[] MALFORMED_CHUNK = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nTwin-Sandbox: true\r\n\r\nzz\r\n{}\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private DeliveryWriter() {
    }

    /** @param writer writes a plain response (the server's usual path) */
    static void send(ChannelHandlerContext ctx, TwinResponse response, Consumer<TwinResponse> writer) {
        Delivery delivery = response.delivery();
        if (delivery.equals(Delivery.AT_ONCE)) {
            writer.accept(response);
            return;
        }
        if (delivery.deferred() != null) {
            delivery.deferred().whenComplete((answer, failure) -> ctx.executor().execute(() -> send(ctx,
                    failure == null ? answer : ErrorResponses.error(500, "twin_error", "admin endpoint failed: "
                            + failure, null), writer)));
            return;
        }
        if (delivery.stream() != null) {
            StreamedResponse.start(ctx, response);
            return;
        }
        Runnable action = () -> {
            if (delivery.fault() == null) {
                writer.accept(response);
            } else {
                apply(ctx, delivery.fault());
            }
        };
        if (delivery.delayMillis() > 0) {
            ctx.executor().schedule(action, delivery.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            action.run();
        }
    }

    private static void apply(ChannelHandlerContext ctx, ConnectionFault fault) {
        switch (fault) {
            case NO_RESPONSE -> {
                // nothing: the connection stays open and silent until the client gives up and closes it
            }
            case RESET -> {
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.channel().close();
            }
            case EMPTY_RESPONSE -> ctx.channel().close();
            case MALFORMED_CHUNK -> ctx.pipeline().firstContext() // below the HTTP encoder: raw bytes
                    .writeAndFlush(Unpooled.wrappedBuffer(MALFORMED_CHUNK)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
