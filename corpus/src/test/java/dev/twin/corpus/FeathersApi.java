package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-house API built with Feathers 5 (npm {@code @feathersjs/*} 5.0.50, pinned in corpus/package-lock.json; koa
 * transport, in-memory adapter; the app is corpus/feathers/server.js in the test resources): projects seeded at start
 * and tasks. The flow does what a front end built on Feathers' REST client does: create tasks (the server fills in
 * defaults), be refused one without a title, read, merge (PATCH) and replace (PUT: the defaults not sent are gone),
 * page with {@code $limit}/{@code $skip} in Feathers' {@code {total, limit, skip, data}} envelope, sort with
 * {@code $sort[title]}, filter, be refused a multi-row PATCH, delete (the answer is the row removed), and hit the
 * errors Feathers words itself: an id not found, an unknown path, a malformed body (the parser's message in a BadRequest).
 */
final class FeathersApi implements CorpusApi {
    private static final String SERVER = "corpus/feathers/server.js";
    private static final String FEATHERS = "@feathersjs/feathers";

    @Override
    public String name() {
        return "feathers";
    }

    @Override
    public String unavailable() {
        if (Executables.onPath("node").isEmpty()) {
            return "node not found; install: apt-get install nodejs npm, then " + NodeProgram.INSTALL;
        }
        return Files.isDirectory(NodeModules.dir().resolve(FEATHERS)) ? null
                : FEATHERS + " not installed in " + NodeModules.dir() + "; install: " + NodeProgram.INSTALL;
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        Path server = TestResources.copy(SERVER, workDir.resolve("server.js"));
        int port = FreePort.pick();
        URI base = URI.create("http://127.0.0.1:" + port);
        // node finds the app's packages through NODE_PATH: the app runs from the work dir, not from corpus/
        ProcessLaunch launch = ProcessLaunch.of(List.of(Executables.onPath("node").orElseThrow().toString(),
                        server.toString(), String.valueOf(port)), workDir, workDir.resolve("feathers.log"))
                .withEnvironment("NODE_PATH", NodeModules.dir().toString());
        return ProcessUpstream.of(base, ChildProcess.start(launch,
                ReadyCheck.answers2xx(URI.create(base + "/projects"), java.util.Map.of())));
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.get("list-projects", "/projects");
        client.get("list-tasks-empty", "/tasks");
        JsonNode first = client.postJson("create-task-1", "/tasks",
                Json.object("title", "write the launch post", "projectId", 1)).json().path("id");
        JsonNode second = client.postJson("create-task-2", "/tasks",
                "{\"title\":\"fix the invoice totals\",\"projectId\":2,\"priority\":\"high\",\"tags\":[\"billing\"]}")
                .json().path("id");
        JsonNode third = client.postJson("create-task-3", "/tasks",
                Json.object("title", "book the venue", "projectId", 1, "priority", "high")).json().path("id");
        client.postJson("create-task-without-title", "/tasks", Json.object("projectId", 1));
        client.get("read-task-1", "/tasks/" + first.asText());
        client.get("read-task-2", "/tasks/" + second.asText());

        client.patchJson("complete-task-1", "/tasks/" + first.asText(), "{\"done\":true}");
        client.get("read-completed-task-1", "/tasks/" + first.asText());
        // PUT replaces: the defaults the create hook added (done, priority, tags) are not sent, so they are gone
        client.putJson("replace-task-2", "/tasks/" + second.asText(),
                Json.object("title", "fix the invoice totals (again)", "projectId", 2));
        client.get("read-replaced-task-2", "/tasks/" + second.asText());

        client.get("list-page-1", "/tasks?%24limit=2&%24skip=0");
        client.get("list-page-2", "/tasks?%24limit=2&%24skip=2");
        client.get("list-sorted-by-title", "/tasks?%24sort%5Btitle%5D=1");
        client.get("list-sorted-by-title-desc", "/tasks?%24sort%5Btitle%5D=-1");
        client.get("list-high-priority", "/tasks?priority=high");
        client.get("list-over-the-maximum", "/tasks?%24limit=100");

        client.patchJson("patch-every-task", "/tasks", "{\"done\":true}");
        client.postJson("create-project", "/projects", Json.object("name", "Mobile app"));
        client.get("list-projects-again", "/projects");

        client.delete("delete-task-3", "/tasks/" + third.asText());
        client.get("read-deleted-task-3", "/tasks/" + third.asText());
        client.delete("delete-deleted-task-3", "/tasks/" + third.asText());
        client.get("read-never-existing-task", "/tasks/999");
        client.get("unknown-route", "/nope");
        client.postJson("create-task-malformed", "/tasks", "{\"title\": nope}");
        client.get("list-tasks-at-the-end", "/tasks");
    }
}
