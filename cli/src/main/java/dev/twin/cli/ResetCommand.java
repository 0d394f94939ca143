package dev.twin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Put a running twin's tables back to their seed rows (POST /__twin/reset).")
final class ResetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:4280",
            description = "the running twin (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--tenant", paramLabel = "KEY",
            description = "only this tenant: the API key it uses, or its tenant key (t_...)")
    String tenant;

    @Option(names = "--table", paramLabel = "NAME", description = "only this table")
    String table;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI endpoint;
        try {
            endpoint = URI.create(url.replaceAll("/+$", "") + "/__twin/reset" + query());
            if (endpoint.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
        } catch (IllegalArgumentException e) {
            err.println("twin reset: --url must be like http://127.0.0.1:4280, not '" + url + "'");
            return 2;
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            err.println("twin reset: nothing answers at " + url + " (is `twin serve` running there? see --url)");
            return 2;
        } catch (IOException e) {
            err.println("twin reset: " + url + " did not answer: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            JsonNode message = body == null ? null : body.path("error").get("message");
            err.println("twin reset: " + url + " answered " + response.statusCode() + ": "
                    + (message == null ? response.body() : message.asText()));
            return 2;
        }
        String whichTenant = body == null ? "?" : body.path("tenant").asText("?");
        String whichTable = body == null ? "?" : body.path("table").asText("?");
        out.println("Reset " + (whichTable.equals("all") ? "all tables" : "table " + whichTable)
                + (whichTenant.equals("all") ? " of every tenant" : " of tenant " + whichTenant) + " at " + url);
        out.flush();
        return 0;
    }

    private String query() {
        List<String> parameters = new ArrayList<>();
        if (tenant != null) {
            parameters.add("tenant=" + URLEncoder.encode(tenant, StandardCharsets.UTF_8));
        }
        if (table != null) {
            parameters.add("table=" + URLEncoder.encode(table, StandardCharsets.UTF_8));
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : new ObjectMapper().readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
