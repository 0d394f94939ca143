package dev.twin.corpus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Whether a started program serves yet; {@link ChildProcess} polls it until a deadline. */
interface ReadyCheck {
    /** True once ready; false (or an IOException) while not yet. */
    boolean ready() throws IOException, InterruptedException;

    /** What it waits for, for the error message when it never comes: "http://127.0.0.1:4000/health to answer 2xx". */
    String describe();

    /** Ready once a GET of the URL, with these request headers (e.g. Authorization), answers 2xx. */
    static ReadyCheck answers2xx(URI url, Map<String, String> headers) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest.Builder probe = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET();
        headers.forEach(probe::header);
        HttpRequest request = probe.build();
        return new ReadyCheck() {
            @Override
            public boolean ready() throws IOException, InterruptedException {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
            }

            @Override
            public String describe() {
                return url + " to answer 2xx";
            }
        };
    }

    /** Ready once 127.0.0.1:port accepts a TCP connection (for servers that do not speak HTTP, such as epmd). */
    static ReadyCheck acceptsConnections(int port) {
        return new ReadyCheck() {
            @Override
            public boolean ready() throws IOException {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    return true;
                }
            }

            @Override
            public String describe() {
                return "127.0.0.1:" + port + " to accept connections";
            }
        };
    }
}
