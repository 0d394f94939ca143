package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.TwinResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The server's own response encoding sends exactly the bytes Netty's encoder sent for the same answer. */
class ResponseBytesTest {

    static Stream<Arguments> answers() {
        byte[] json = "{\"id\":1,\"name\":\"Rex\"}".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[40_000];
        java.util.Arrays.fill(large, (byte) 'x');
        return Stream.of(
                Arguments.of("json 200", new TwinResponse(200, Map.of("Content-Type", "application/json"), json)),
                Arguments.of("no headers, no body", new TwinResponse(200, Map.of(), new byte[0])),
                Arguments.of("declared headers in order", new TwinResponse(201, ordered(
                        "Content-Type", "application/json", "X-Next", "/v1/pets?page=2", "Retry-After", "30",
                        "X-Tab", "a\tb"), json)),
                Arguments.of("declared Content-Length kept", new TwinResponse(200, ordered(
                        "Content-Length", "5", "Content-Type", "text/plain"), "hello".getBytes())),
                Arguments.of("error status", TwinResponse.json(422, "{\"error\":{}}")),
                Arguments.of("unusual status", TwinResponse.json(299, "{}")),
                Arguments.of("large body", new TwinResponse(200, Map.of("Content-Type", "text/plain"), large)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void givenAnAnswer_whenEncoded_thenTheBytesAreNettys(String name, TwinResponse response) {
        for (boolean keepAlive : new boolean[] {true, false}) {
            for (boolean head : new boolean[] {false, true}) {
                ByteBuf ours = ResponseBytes.encode(ByteBufAllocator.DEFAULT, response, keepAlive, head);
                try {
                    assertEquals(nettys(response, keepAlive, head), ours.toString(StandardCharsets.ISO_8859_1),
                            "keepAlive=" + keepAlive + " head=" + head);
                } finally {
                    ours.release();
                }
            }
        }
    }

    @Test
    void givenHeadersNettyMustValidateOrMerge_whenEncoded_thenTheyAreLeftToNetty() {
        assertNull(encode(Map.of("X-Line", "a\r\nb")));
        assertNull(encode(Map.of("X Space", "v")));
        assertNull(encode(Map.of("X-Latin", "caf\u00e9")));
        assertNull(encode(Map.of("twin-sandbox", "false")));
        assertNull(encode(Map.of("Connection", "keep-alive")));
        assertNull(encode(Map.of("content-length", "3")));
        assertNull(encode(ordered("X-A", "1", "x-a", "2")));
        assertNull(ResponseBytes.encode(ByteBufAllocator.DEFAULT, new TwinResponse(204, Map.of(), new byte[0]), true,
                false), "Netty drops the length of a 204");
    }

    private static ByteBuf encode(Map<String, String> headers) {
        return ResponseBytes.encode(ByteBufAllocator.DEFAULT, new TwinResponse(200, headers, new byte[0]), true,
                false);
    }

    /** What the server sent before it encoded answers itself: a Netty response through Netty's encoder. */
    private static String nettys(TwinResponse response, boolean keepAlive, boolean head) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), head || response.body().length == 0
                ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
        HttpHeaders headers = out.headers();
        response.headers().forEach(headers::set);
        headers.set("Twin-Sandbox", "true");
        if (!response.headers().containsKey("Content-Length")) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
        channel.writeOutbound(out);
        StringBuilder bytes = new StringBuilder();
        for (Object part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            ByteBuf buf = (ByteBuf) part;
            bytes.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        channel.finishAndReleaseAll();
        return bytes.toString();
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
