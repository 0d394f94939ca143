package dev.twin.replayer.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.twin.replayer.conformance.ConformanceTwin.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multipart and XML request bodies are read and validated against the operation's schema like JSON and form ones:
 * a request that does not fit is refused naming the field (here with a 422 problem, no error being documented).
 * Multipart through curl's {@code -F}, as users upload files; XML and hand-built bodies through the JDK client.
 */
class ConformanceBodiesTest {
    private static final Map<SpecVersion, ConformanceTwin> TWINS = new EnumMap<>(SpecVersion.class);
    private static Path upload;
    private static final String PET = "<?xml version=\"1.0\"?><pet id=\"7\"><name>Rex</name><vaccinated>true"
            + "</vaccinated><tags><tag>a</tag><tag>b</tag></tags><photo>p1.jpg</photo><photo>p2.jpg</photo>"
            + "<owner><email>jenny@example.com</email></owner></pet>";

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        for (SpecVersion version : SpecVersion.values()) {
            TWINS.put(version, ConformanceTwin.serve(version.file("bodies"), Files.createDirectory(
                    dir.resolve(version.name()))));
        }
        upload = Files.write(dir.resolve("holiday.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2, 3});
    }

    @AfterAll
    static void stop() {
        TWINS.values().forEach(ConformanceTwin::close);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAFileAndItsFields_whenCurlUploadsThem_thenTheOperationAnswers(SpecVersion version) {
        ConformanceTwin.Curled reply = TWINS.get(version).curl("/uploads", "-F", "file=@" + upload, "-F",
                "title=Holiday", "-F", "count=2", "-F", "tags=a", "-F", "tags=b");

        assertEquals(201, reply.status(), reply.body());
        assertTrue(reply.json().get("uploaded").asBoolean());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenNoFile_whenUploaded_thenTheProblemNamesTheFile(SpecVersion version) {
        ConformanceTwin.Curled reply = TWINS.get(version).curl("/uploads", "-F", "title=Holiday");

        assertEquals(422, reply.status(), reply.body());
        assertViolation(reply.json(), "file", "Missing required param: file.");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAFieldBeyondItsSchema_whenUploaded_thenTheProblemNamesTheField(SpecVersion version) {
        ConformanceTwin.Curled tooLong = TWINS.get(version).curl("/uploads", "-F", "file=@" + upload, "-F",
                "title=A title far too long");
        ConformanceTwin.Curled notANumber = TWINS.get(version).curl("/uploads", "-F", "file=@" + upload, "-F",
                "title=Holiday", "-F", "count=several");

        assertEquals(422, tooLong.status(), tooLong.body());
        assertViolation(tooLong.json(), "title", null);
        assertEquals(422, notANumber.status(), notANumber.body());
        assertViolation(notANumber.json(), "count", null);
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void givenNestedFieldsInBracketParts_whenUploaded_thenTheyAreReadAsAnObject(SpecVersion version) {
        ConformanceTwin.Curled fits = TWINS.get(version).curl("/uploads", "-F", "file=@" + upload, "-F",
                "title=Holiday", "-F", "meta[kind]=photo");
        ConformanceTwin.Curled outOfEnum = TWINS.get(version).curl("/uploads", "-F", "file=@" + upload, "-F",
                "title=Holiday", "-F", "meta[kind]=video");
        ConformanceTwin.Curled unknown = TWINS.get(version).curl("/uploads", "-F", "file=@" + upload, "-F",
                "title=Holiday", "-F", "colour=red");

        assertEquals(201, fits.status(), fits.body());
        assertEquals(422, outOfEnum.status(), outOfEnum.body());
        assertViolation(outOfEnum.json(), "meta[kind]", null);
        assertEquals(422, unknown.status(), unknown.body());
        assertViolation(unknown.json(), "colour", null);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAFileSentAsAPlainPart_whenUploaded_thenItStillCountsAsTheFile(SpecVersion version) {
        // curl's -F name=<file sends the content without a file name
        ConformanceTwin.Curled reply = TWINS.get(version).curl("/uploads", "-F", "file=<" + upload, "-F",
                "title=Holiday");

        assertEquals(201, reply.status(), reply.body());
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void givenAListOfFiles_whenTooFewAreUploaded_thenTheProblemNamesTheList(SpecVersion version) {
        ConformanceTwin.Curled two = TWINS.get(version).curl("/albums", "-F", "photos=@" + upload, "-F",
                "photos=@" + upload);
        ConformanceTwin.Curled one = TWINS.get(version).curl("/albums", "-F", "photos=@" + upload);

        assertEquals(201, two.status(), two.body());
        assertEquals(422, one.status(), one.body());
        assertViolation(one.json(), "photos", null);
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void givenAnObjectSentAsAJsonPart_whenUploaded_thenItIsReadAsJson(SpecVersion version) {
        ConformanceTwin.Curled valid = TWINS.get(version).curl("/albums", "-F", "photos=@" + upload, "-F",
                "photos=@" + upload, "-F", "settings={\"public\": true};type=application/json");
        ConformanceTwin.Curled invalid = TWINS.get(version).curl("/albums", "-F", "photos=@" + upload, "-F",
                "photos=@" + upload, "-F", "settings={\"public\": \"maybe\"};type=application/json");

        assertEquals(201, valid.status(), valid.body());
        assertEquals(422, invalid.status(), invalid.body());
        assertViolation(invalid.json(), "settings[public]", null);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenABodyThatIsNoMultipartForm_whenSentAsOne_thenTheProblemSaysSo(SpecVersion version) {
        HttpResponse<String> noBoundary = TWINS.get(version).sendBytes("POST", "/uploads", "multipart/form-data",
                "title=Holiday".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> garbage = TWINS.get(version).sendBytes("POST", "/uploads",
                "multipart/form-data; boundary=XyZ", "no parts here".getBytes(StandardCharsets.UTF_8));

        assertEquals(422, noBoundary.statusCode(), noBoundary.body());
        assertViolation(json(noBoundary), "body", "Invalid multipart/form-data body: its Content-Type names no"
                + " boundary (multipart/form-data; boundary=...).");
        assertEquals(422, garbage.statusCode(), garbage.body());
        assertViolation(json(garbage), "body", "Invalid multipart/form-data body: no part starts with its boundary.");
    }

    @Test
    void givenMorePartsThanARequestMaySend_whenUploaded_thenTheLimitIsNamed() {
        List<String[]> parts = new ArrayList<>();
        parts.add(new String[] {"title", "Holiday"});
        for (int i = 0; i < 1000; i++) {
            parts.add(new String[] {"tags", "t" + i});
        }
        HttpResponse<String> response = TWINS.get(SpecVersion.OPENAPI_30).sendBytes("POST", "/uploads",
                "multipart/form-data; boundary=b0undary", multipart("b0undary", parts, null));

        assertEquals(422, response.statusCode(), response.body());
        assertTrue(json(response).get("detail").asText().startsWith("Too many parameters"), response.body());
    }

    @Test
    void givenALargeFile_whenUploaded_thenOnlyItsDescriptionIsKeptAndTheRequestAnswers() {
        byte[] large = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'x');
        HttpResponse<String> response = TWINS.get(SpecVersion.OPENAPI_30).sendBytes("POST", "/uploads",
                "multipart/form-data; boundary=b0undary",
                multipart("b0undary", List.<String[]>of(new String[] {"title", "Big"}), large));

        assertEquals(201, response.statusCode(), response.body());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAnXmlBodyAsItsSchemaDescribesIt_whenSent_thenTheOperationAnswers(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).send("POST", "/pets", "application/xml", PET);

        assertEquals(201, response.statusCode(), response.body());
        assertTrue(json(response).get("created").asBoolean());
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenAnXmlBodyThatDoesNotFit_whenSent_thenTheProblemNamesTheField(SpecVersion version) {
        ConformanceTwin twin = TWINS.get(version);
        HttpResponse<String> noName = twin.send("POST", "/pets", "application/xml", "<pet id=\"7\"/>");
        HttpResponse<String> badId = twin.send("POST", "/pets", "application/xml", PET.replace("id=\"7\"",
                "id=\"seven\""));
        HttpResponse<String> badEmail = twin.send("POST", "/pets", "application/xml", PET.replace("jenny@example.com",
                "not an address"));
        HttpResponse<String> badFlag = twin.send("POST", "/pets", "application/xml", PET.replace("<vaccinated>true",
                "<vaccinated>perhaps"));

        assertEquals(422, noName.statusCode(), noName.body());
        assertViolation(json(noName), "body.name", "Missing required param: body.name.");
        assertEquals(422, badId.statusCode(), badId.body());
        assertViolation(json(badId), "body.id", null);
        assertEquals(422, badEmail.statusCode(), badEmail.body());
        assertViolation(json(badEmail), "body.owner.email", null);
        assertEquals(422, badFlag.statusCode(), badFlag.body());
        assertViolation(json(badFlag), "body.vaccinated", null);
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void givenXmlThatIsNotWellFormed_whenSent_thenTheProblemSaysWhereItBreaks(SpecVersion version) {
        HttpResponse<String> response = TWINS.get(version).send("POST", "/pets", "application/xml",
                "<pet><name>Rex</pet>");

        assertEquals(422, response.statusCode(), response.body());
        JsonNode violation = json(response).get("violations").get(0);
        assertEquals("body", violation.get("parameter").asText());
        assertTrue(violation.get("reason").asText().startsWith("Invalid XML body at line 1, column"),
                response.body());
    }

    @Test
    void givenXmlWithAnExternalEntity_whenSent_thenNothingIsReadAndTheBodyIsRefused() {
        HttpResponse<String> response = TWINS.get(SpecVersion.OPENAPI_30).send("POST", "/pets", "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE pet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                        + "<pet><name>&secret;</name></pet>");

        assertEquals(422, response.statusCode(), response.body());
        assertFalse(response.body().contains("root:"), response.body());
        assertTrue(json(response).get("detail").asText().startsWith("Invalid XML body"), response.body());
    }

    @Test
    void givenXmlNestedDeeperThanARequestMayBe_whenSent_thenTheLimitIsNamed() {
        String deep = "<a>".repeat(40) + "</a>".repeat(40);
        HttpResponse<String> response = TWINS.get(SpecVersion.OPENAPI_30).send("POST", "/pets", "application/xml",
                "<pet><name>Rex</name><owner>" + deep + "</owner></pet>");

        assertEquals(422, response.statusCode(), response.body());
        assertTrue(json(response).get("detail").asText().contains("nested at most 32 levels"), response.body());
    }

    private static void assertViolation(JsonNode problem, String parameter, String reason) {
        for (JsonNode violation : problem.get("violations")) {
            if (violation.get("parameter").asText().equals(parameter)) {
                assertEquals("body", violation.get("location").asText(), problem.toString());
                if (reason != null) {
                    assertEquals(reason, violation.get("reason").asText(), problem.toString());
                }
                return;
            }
        }
        throw new AssertionError("no violation of " + parameter + " in " + problem);
    }

    /** A multipart body as a browser or an SDK writes it; {@code file}, when given, as a part named file. */
    private static byte[] multipart(String boundary, List<String[]> fields, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : fields) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\""
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
