package dev.twin.inference;

import dev.twin.replayer.Twin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to a test twin over a real socket with the JDK client: JSON or form bodies, an optional API key. */
final class TwinCalls {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Twin twin;
    private final String apiKey;

    /** @param apiKey sent as a Bearer token (the tenant), or null for none */
    /** The port the twin listens on. */
    int port() {
        return twin.port();
    }

    TwinCalls(Twin twin, String apiKey) {
        this.twin = twin;
        this.apiKey = apiKey;
    }

    /** @param json the body, or null for none */
    HttpResponse<String> json(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, "application/json", json);
    }

    /** @param form the body, or null for none */
    HttpResponse<String> form(String method, String path, String form) throws IOException, InterruptedException {
        return send(method, path, "application/x-www-form-urlencoded", form);
    }

    /** @param body the body, or null for none */
    HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + path));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
