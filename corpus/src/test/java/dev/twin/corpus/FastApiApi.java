package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * An in-house API built with FastAPI 0.92 and pydantic 1.10 (Debian's {@code python3-fastapi}, served by Debian's
 * {@code python3-uvicorn}; the app is corpus/fastapi/app.py in the test resources): notes in memory, one seeded. The
 * flow does what a client of such an API does: create notes (pydantic fills in defaults), be refused with pydantic's
 * 422 bodies (a missing title, an empty one, a value of the wrong type, a path id that is no integer, a malformed
 * body), read, merge (PATCH), replace (PUT: the defaults come back), page with {@code skip}/{@code limit} over a bare
 * array, filter, delete (204), and hit FastAPI's own errors ({@code {"detail": "Not Found"}}, a 405).
 */
final class FastApiApi implements CorpusApi {
    private static final PythonApp APP = new PythonApp("corpus/fastapi/app.py", "fastapi, uvicorn",
            "FastAPI", "apt-get install python3-fastapi python3-uvicorn", "/notes");

    @Override
    public String name() {
        return "fastapi";
    }

    @Override
    public String unavailable() {
        return APP.unavailable();
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        return APP.start(workDir, "fastapi");
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.get("list-notes", "/notes");
        JsonNode first = client.postJson("create-note-1", "/notes",
                "{\"title\":\"groceries\",\"body\":\"milk, eggs\",\"tags\":[\"home\"]}").json().path("id");
        JsonNode second = client.postJson("create-note-2", "/notes", Json.object("title", "call the bank")).json()
                .path("id");
        JsonNode third = client.postJson("create-note-3", "/notes",
                "{\"title\":\"release checklist\",\"pinned\":true}").json().path("id");
        client.postJson("create-note-without-title", "/notes", Json.object("body", "no title"));
        client.postJson("create-note-with-empty-title", "/notes", Json.object("title", ""));
        client.postJson("create-note-with-bad-flag", "/notes", Json.object("title", "x", "pinned", "maybe"));
        client.postJson("create-note-malformed", "/notes", "{\"title\": nope}");
        client.get("read-note-1", "/notes/" + first.asText());
        client.get("read-note-2", "/notes/" + second.asText());

        client.patchJson("pin-note-1", "/notes/" + first.asText(), "{\"pinned\":true}");
        client.get("read-pinned-note-1", "/notes/" + first.asText());
        // PUT replaces: body, tags and pinned return to their defaults
        client.putJson("replace-note-1", "/notes/" + first.asText(), Json.object("title", "groceries (weekly)"));
        client.get("read-replaced-note-1", "/notes/" + first.asText());

        client.get("list-page", "/notes?skip=1&limit=2");
        client.get("list-pinned", "/notes?pinned=true");
        client.get("read-missing-note", "/notes/999");
        client.get("read-note-by-name", "/notes/groceries");

        client.delete("delete-note-3", "/notes/" + third.asText());
        client.get("read-deleted-note-3", "/notes/" + third.asText());
        client.delete("delete-deleted-note-3", "/notes/" + third.asText());
        client.get("unknown-route", "/nope");
        client.delete("delete-every-note", "/notes");
        client.get("list-notes-at-the-end", "/notes");
    }
}
