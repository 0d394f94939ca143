package dev.twin.replayer.internal.replay;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.store.RecordingStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small API (pets unbound, things bound to a table) with a recording store of known exchanges, written to a
 * temporary directory as {@code spec.yaml}, {@code twin.db} and a {@code twin.yaml} with {@code replay:}.
 */
final class ReplayFixture {
    static final String SPEC = """
            openapi: 3.0.0
            info: {title: Replay, version: '1'}
            paths:
              /v1/pets:
                get:
                  operationId: listPets
                  parameters:
                    - {name: limit, in: query, schema: {type: integer}}
                  responses:
                    '200':
                      description: pets
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
                post:
                  operationId: createPet
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Pet'}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
              /v1/pets/{petId}:
                get:
                  operationId: showPet
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: a pet
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
                delete:
                  operationId: deletePet
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: deleted}
              /v1/things/{id}:
                get:
                  operationId: getThing
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: a thing
                      content:
                        application/json:
                          schema: {type: object}
            components:
              schemas:
                Pet:
                  type: object
                  required: [name]
                  properties:
                    id: {type: integer}
                    name: {type: string}
                    tag: {type: string}
                    status: {type: string}
            """;

    static final String TABLES = """
            tables:
              - name: things
                idStrategy: prefix
                idPrefix: thing_
                seedData:
                  - {id: thing_1, name: from the table}
            extend:
              - {mock: api.getThing, table: things, action: get}
            """;

    private final Path dir;
    private final List<Exchange> exchanges = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

    ReplayFixture(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path store() {
        return dir.resolve("twin.db");
    }

    /** Records one exchange (JSON response) in {@code session}. */
    ReplayFixture record(String session, String method, String pathAndQuery, String requestJson, int status,
                         String responseBody, Header... responseHeaders) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? null : pathAndQuery.substring(question + 1);
        List<Header> requestHeaders = requestJson == null ? List.of()
                : List.of(new Header("Content-Type", "application/json"));
        RecordedRequest request = new RecordedRequest(method, "https", "api.example.com", 443, path, query,
                requestHeaders, requestJson == null ? Body.EMPTY : Body.of(requestJson));
        List<Header> headers = new ArrayList<>(List.of(responseHeaders));
        if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
            headers.add(new Header("Content-Type", "application/json"));
        }
        clock = clock.plusSeconds(1);
        exchanges.add(new Exchange(0, session, clock, 1000, "127.0.0.1:5000", request,
                new RecordedResponse(status, headers, Body.of(responseBody)), null, false));
        return this;
    }

    /** Writes spec.yaml, the store and twin.yaml; returns twin.yaml. */
    Path write(String replaySection, String more) throws IOException {
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        try (RecordingStore store = RecordingStore.open(store())) {
            exchanges.forEach(store::append);
            store.commit();
        }
        return writeConfig(replaySection, more);
    }

    /** Writes spec.yaml, the exchanges as a HAR file ({@code recordings.har}) and twin.yaml; returns twin.yaml. */
    Path writeHar(String replaySection) throws IOException {
        Files.writeString(dir.resolve("spec.yaml"), SPEC);
        dev.twin.recorder.har.HarExporter.export(exchanges.iterator(), dir.resolve("recordings.har"));
        return writeConfig(replaySection, "");
    }

    Path writeConfig(String replaySection, String more) throws IOException {
        Path config = dir.resolve("twin.yaml");
        Files.writeString(config, "version: 1\nimports:\n  - {path: spec.yaml, as: api}\n" + replaySection + more);
        return config;
    }
}
