package dev.twin.replayer.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twin.replayer.internal.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.server.TwinServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A twin serving one of the conformance specs (test resources under {@code conformance/}) on 127.0.0.1, and a JDK
 * HttpClient to call it with.
 */
final class ConformanceTwin implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final TwinServer server;

    private ConformanceTwin(TwinServer server) {
        this.server = server;
    }

    /** Serves {@code conformance/NAME} with the server's defaults. */
    static ConformanceTwin serve(String resource, Path dir) {
        return serve(resource, dir, builder -> builder);
    }

    /** Serves {@code conformance/NAME}, the builder adjusted first (CORS off, ...). */
    static ConformanceTwin serve(String resource, Path dir, UnaryOperator<TwinServer.Builder> adjust) {
        try {
            Path spec = copy(resource, dir);
            return new ConformanceTwin(adjust.apply(TwinServer.builder().specs(spec).port(0)).start());
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Serves a twin.yaml written beside a copy of {@code conformance/NAME}, with its tables and conventions. */
    static ConformanceTwin serveWithConfig(String resource, String twinYaml, Path dir) {
        try {
            copy(resource, dir);
            Path file = Files.writeString(dir.resolve("twin.yaml"), twinYaml);
            TwinConfig config = ConfigLoader.load(file);
            StatefulTwin tables = StatefulTwin.inMemory(config, Clock.systemUTC());
            return new ConformanceTwin(TwinServer.builder().configFile(file, config).stateful(tables).port(0)
                    .start());
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String resource, Path dir) {
        try (InputStream in = ConformanceTwin.class.getResourceAsStream("/conformance/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource conformance/" + resource);
            }
            Path target = dir.resolve(resource);
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return server.baseUrl();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request as curl sends it; the answer's status and body. */
    Curled curl(String path, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("curl", "-s", "--max-time", "30",
                "-w", "\n%{http_code}"));
        command.addAll(java.util.List.of(args));
        command.add(server.baseUrl() + path);
        try {
            Process curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!curl.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || curl.exitValue() != 0) {
                throw new AssertionError("curl failed: " + command);
            }
            int newline = out.lastIndexOf('\n');
            return new Curled(Integer.parseInt(out.substring(newline + 1).trim()), out.substring(0, newline));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What curl got: the status and the body. */
    record Curled(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** Sends raw bytes with the JDK client. */
    HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public void close() {
        server.close();
    }
}
