package dev.twin.replayer.fault;

import dev.twin.replayer.config.FaultType;
import dev.twin.replayer.http.TwinResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries out a response's {@link FaultDirective}s on the connection: a delay is scheduled on the channel's event
 * loop (never slept), then the response is written as usual or replaced by the fault.
 */
public final class FaultWriter {
    /** A chunked response whose chunk-size line is not hexadecimal. */
    private static final byte[] MALFORMED_CHUNK = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nTwin-Sandbox: true\r\n\r\nzz\r\n{}\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private FaultWriter() {
    }

    /** @param writer writes a plain response (the server's usual path) */
    public static void send(ChannelHandlerContext ctx, TwinResponse response, Consumer<TwinResponse> writer) {
        long delay = FaultDirective.delayOf(response);
        FaultType fault = FaultDirective.faultOf(response);
        if (delay == 0 && fault == null) {
            writer.accept(response);
            return;
        }
        TwinResponse clean = withoutDirectives(response);
        Runnable action = () -> {
            if (fault == null) {
                writer.accept(clean);
            } else {
                apply(ctx, fault);
            }
        };
        if (delay > 0) {
            ctx.executor().schedule(action, delay, TimeUnit.MILLISECONDS);
        } else {
            action.run();
        }
    }

    private static void apply(ChannelHandlerContext ctx, FaultType fault) {
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
            default -> throw new IllegalStateException("status faults are plain responses: " + fault);
        }
    }

    private static TwinResponse withoutDirectives(TwinResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.remove(FaultDirective.FAULT_HEADER);
        headers.remove(FaultDirective.DELAY_HEADER);
        return new TwinResponse(response.status(), headers, response.body());
    }
}
