package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a running twin's {@code /__twin/} endpoints for the CLI commands that control it ({@code twin fault},
 * {@code twin trigger}, {@code twin reset}), with the admin token when one is given; every failure is a message
 * for the user, naming the URL.
 */
final class AdminClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String command;
    private final String url;
    private final String token;

    /**
     * @param command the CLI command, for messages ({@code twin fault})
     * @param token   the twin's admin token, or null when it has none
     */
    AdminClient(String command, String url, String token) {
        this.command = command;
        this.url = url.replaceAll("/+$", "");
        this.token = token == null || token.isBlank() ? null : token.trim();
    }

    /** A JSON answer (2xx), or a {@link Failure} whose message says what went wrong. */
    JsonNode send(String method, String pathAndQuery, JsonNode body) throws Failure {
        URI endpoint;
        try {
            endpoint = URI.create(url + pathAndQuery);
            if (endpoint.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
        } catch (IllegalArgumentException e) {
            throw new Failure(command + ": --url must be like http://127.0.0.1:4280, not '" + url + "'");
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, publisher);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Failure(command + ": nothing answers at " + url + " (is `twin serve` running there? see --url)");
        } catch (IOException e) {
            throw new Failure(command + ": " + url + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(command + ": interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            JsonNode message = answer == null ? null : answer.path("error").get("message");
            String hint = response.statusCode() == 401 && token == null
                    ? " (give the twin's admin token with --admin-token or TWIN_ADMIN_TOKEN)" : "";
            throw new Failure(command + ": " + url + " answered " + response.statusCode() + ": "
                    + (message == null ? response.body() : message.asText()) + hint);
        }
        return answer == null ? JSON.createObjectNode() : answer;
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A failure to report to the user (exit code 2). */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }
}
