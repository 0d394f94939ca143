package dev.twin.cli.recordings;

import dev.twin.recorder.Body;
import dev.twin.recorder.BodyDecoder;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.store.RecordingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one exchange: request and response with headers and body.")
public final class ShowRecordingCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "the exchange id (see twin recordings list)")
    long id;

    @Override
    void run(PrintWriter out) {
        try (RecordingStore recordings = RecordingStore.openReadOnly(store)) {
            Exchange exchange = recordings.get(id)
                    .orElseThrow(() -> new UserError("no exchange " + id + " in " + store));
            out.printf("exchange %d  session %s  started %s UTC  took %s  client %s%n", exchange.id(),
                    exchange.session(), Display.time(exchange.startedAt()),
                    Display.duration(exchange.durationMicros()), exchange.clientAddress());
            out.println();
            out.println(exchange.request().method() + " " + Display.url(exchange.request()));
            printMessage(out, exchange.request().headers(), exchange.request().body());
            out.println();
            if (exchange.response() != null) {
                out.println("HTTP " + exchange.response().status());
                printMessage(out, exchange.response().headers(), exchange.response().body());
            } else if (exchange.tunnelled()) {
                out.println("(tunnelled without interception: no content recorded)");
            } else if (exchange.failure() != null) {
                out.println("FAILED " + exchange.failure().kind() + ": " + exchange.failure().message());
            }
        }
    }

    private static void printMessage(PrintWriter out, List<Header> headers, Body body) {
        for (Header header : headers) {
            out.println(header.name() + ": " + header.value());
        }
        if (body.isEmpty()) {
            return;
        }
        out.println();
        String text = utf8(body.bytes());
        out.println(text != null ? text : "(" + body.bytes().length + " bytes of binary content)");
        if (body.truncated()) {
            out.printf("(truncated: %d of %d bytes stored)%n", body.bytes().length, body.originalSize());
        }
        if (body.contentEncoding() != null) {
            out.println(BodyDecoder.isDecoded(body) ? "(decoded from " + body.contentEncoding() + ")"
                    : "(stored " + body.contentEncoding().replace(BodyDecoder.UNDECODED_SUFFIX, "")
                    + "-encoded as received)");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }
}
