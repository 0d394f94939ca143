package dev.twin.replayer.internal.resource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twin serve --spec uploads-3.0.yaml --stateful}: a resource created by a {@code multipart/form-data} upload
 * (sent with curl's {@code -F}) and one created from an XML body. The twin keeps what an upload says of itself,
 * never its bytes, and shows it where the item has a place for it.
 */
class UploadsTest {
    private static AutoTwin twin;
    private static Path report;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        twin = AutoTwin.ofSpec(StatefulAutoTest.spec("uploads-3.0.yaml"));
        report = Files.writeString(dir.resolve("Q3 report.txt"), "quarterly numbers: all up");
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void givenAnUpload_whenCurlSendsIt_thenTheDocumentShowsItsNameSizeAndTypeAndItsFields() throws Exception {
        JsonNode created = curlJson("k_upload", "-F", "file=@" + report + ";type=text/plain", "-F", "title=Q3",
                "-F", "labels[team]=finance");

        JsonNode fetched = twin.get("/documents/" + created.get("id").asText(), "k_upload").body();
        assertEquals(created, fetched);
        assertEquals("Q3 report.txt", fetched.get("file_name").asText());
        assertEquals(Files.size(report), fetched.get("size").asLong());
        assertEquals("text/plain", fetched.get("content_type").asText());
        assertEquals("Q3", fetched.get("title").asText());
        assertEquals("finance", fetched.path("labels").path("team").asText());
        assertFalse(fetched.has("file"), "the upload itself is not an item property: " + fetched);
    }

    @Test
    void givenAnUpload_whenStored_thenTheRowHoldsItsDescriptionAndNotItsBytes() throws Exception {
        curlJson("k_stored", "-F", "file=@" + report, "-F", "title=Q3");

        String state = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(twin.baseUrl()
                + "/__twin/state?tenant=k_stored")).build(), HttpResponse.BodyHandlers.ofString()).body();
        JsonNode row = AutoTwin.JSON.readTree(state).path("tables").path("documents").get(0);
        assertEquals("Q3 report.txt", row.path("file").path("filename").asText(), state);
        assertEquals(Files.size(report), row.path("file").path("size").asLong(), state);
        assertFalse(state.contains("quarterly numbers"), state);
    }

    @Test
    void givenAnUploadRetriedWithItsIdempotencyKey_whenCurlWritesNewBoundaries_thenTheFirstAnswerIsRepeated()
            throws Exception {
        JsonNode first = curlJson("k_retry", "-H", "Idempotency-Key: upload-1", "-F", "file=@" + report, "-F",
                "title=Q3");
        JsonNode retried = curlJson("k_retry", "-H", "Idempotency-Key: upload-1", "-F", "file=@" + report, "-F",
                "title=Q3");
        List<String> changed = curl("k_retry", "-H", "Idempotency-Key: upload-1", "-F", "file=@" + report, "-F",
                "title=Q4");

        assertEquals(first.get("id"), retried.get("id"));
        assertTrue(changed.get(1).startsWith("4"), "the same key with other fields is refused: " + changed);
        assertEquals(1, twin.get("/documents", "k_retry").body().size());
    }

    @Test
    void givenAnUploadWithoutTheFile_whenSent_thenItIsRefusedNamingTheFile() throws Exception {
        List<String> reply = curl("k_nofile", "-F", "title=Q3");

        assertEquals("422", reply.get(1), reply.get(0));
        assertTrue(reply.get(0).contains("\"parameter\":\"file\""), reply.get(0));
    }

    @Test
    void givenAnXmlBody_whenItCreates_thenTheRowIsReadBackAsJson() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        twin.baseUrl() + "/notes")).header("Authorization", "Bearer k_xml")
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(
                        "<note><text>Call Jenny</text><pinned>true</pinned><tags><tag>work</tag><tag>phone</tag>"
                                + "</tags></note>")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode note = AutoTwin.JSON.readTree(created.body());

        JsonNode fetched = twin.get("/notes/" + note.get("id").asText(), "k_xml").body();
        assertEquals("Call Jenny", fetched.get("text").asText());
        assertTrue(fetched.get("pinned").asBoolean());
        assertEquals("[\"work\",\"phone\"]", fetched.get("tags").toString());
    }

    private static JsonNode curlJson(String key, String... form) throws Exception {
        List<String> reply = curl(key, form);
        assertEquals("201", reply.get(1), reply.get(0));
        return AutoTwin.JSON.readTree(reply.get(0));
    }

    /** The body and the status curl got. */
    private static List<String> curl(String key, String... form) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "30", "-w", "\n%{http_code}",
                "-H", "Authorization: Bearer " + key));
        command.addAll(List.of(form));
        command.add(twin.baseUrl() + "/documents");
        Process curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        int newline = out.lastIndexOf('\n');
        return List.of(out.substring(0, newline), out.substring(newline + 1).trim());
    }
}
