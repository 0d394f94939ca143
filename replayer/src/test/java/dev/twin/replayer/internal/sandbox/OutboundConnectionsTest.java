package dev.twin.replayer.internal.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code twin serve} opens no outbound connection except to configured webhook URLs and to callback URLs on
 * loopback or an allowed host: the only places the server's code creates an HTTP client or a client socket are
 * {@code WebhookClient}, which refuses other URLs (tested in
 * {@link StripeWebhooksTest#theWebhookClientRefusesAnyUrlNotConfigured}), and {@code CallbackClient}, which refuses
 * other hosts (tested in {@code CallbacksTest}). The other client in this module is {@code twin verify}'s
 * {@code Verifier}: it is not part of the server, and calls only the twin it verifies.
 */
class OutboundConnectionsTest {
    private static final Pattern OUTBOUND = Pattern.compile(
            "HttpClient\\.new|new Socket\\(|SocketChannel\\.open|\\.openConnection\\(|new Bootstrap\\(");

    @Test
    void onlyTheWebhookAndCallbackClientsCanConnectOut() throws IOException {
        Path sources = Path.of("src", "main", "java");
        List<String> connecting;
        try (Stream<Path> files = Files.walk(sources)) {
            connecting = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> OUTBOUND.matcher(read(f)).find())
                    .map(f -> sources.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }

        assertEquals(List.of("dev/twin/replayer/internal/callback/CallbackClient.java",
                        "dev/twin/replayer/internal/verify/Verifier.java",
                        "dev/twin/replayer/internal/webhook/WebhookClient.java"),
                connecting.stream().sorted().toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
