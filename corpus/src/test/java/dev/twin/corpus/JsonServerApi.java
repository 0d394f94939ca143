package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;

/**
 * json-server 0.17.4 (npm, pinned in corpus/package-lock.json): a JSONPlaceholder-style REST API over a db.json of
 * posts, comments (with {@code postId}) and users. The flow does what a front end does: list, create three posts,
 * read them, merge one (PATCH) and replace one (PUT), page, sort and filter the list, read and add nested comments,
 * delete, and hit the errors (a deleted post, a never-existing one, an unknown route).
 */
final class JsonServerApi implements CorpusApi {
    private static final String DB = "corpus/json-server/db.json";
    private static final NodeProgram JSON_SERVER = new NodeProgram("json-server", "lib/cli/bin.js");

    @Override
    public String name() {
        return "json-server";
    }

    @Override
    public String unavailable() {
        return JSON_SERVER.unavailable();
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        // json-server writes every change back to its db.json: it gets a copy of its own
        Path db = TestResources.copy(DB, workDir.resolve("db.json"));
        int port = FreePort.pick();
        return ProcessUpstream.start(JSON_SERVER.command(db.toString(), "--host", "127.0.0.1", "--port",
                        String.valueOf(port)),
                workDir, URI.create("http://127.0.0.1:" + port), "/posts", workDir.resolve("json-server.log"));
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.get("list-posts", "/posts");
        JsonNode first = client.postJson("create-post-1", "/posts",
                Json.object("title", "gamma", "body", "a new post", "userId", 1)).json().path("id");
        // a numeric field sent as a string, as form-backed front ends do: json-server keeps it a string
        JsonNode second = client.postJson("create-post-2", "/posts",
                Json.object("title", "delta", "body", "another post", "userId", "2")).json().path("id");
        JsonNode third = client.postJson("create-post-3", "/posts",
                Json.object("title", "epsilon", "body", "a third post", "userId", 1)).json().path("id");
        client.get("read-post-1", "/posts/" + first.asText());
        client.get("read-post-2", "/posts/" + second.asText());
        client.get("read-post-3", "/posts/" + third.asText());

        client.patchJson("patch-post-1", "/posts/" + first.asText(), Json.object("title", "gamma, edited"));
        client.get("read-patched-post-1", "/posts/" + first.asText());
        // PUT replaces: body and userId, not sent, disappear
        client.putJson("put-post-2", "/posts/" + second.asText(), Json.object("title", "delta, replaced"));
        client.get("read-replaced-post-2", "/posts/" + second.asText());

        client.get("list-page-1", "/posts?_page=1&_limit=2");
        client.get("list-page-2", "/posts?_page=2&_limit=2");
        client.get("list-sorted-by-title-desc", "/posts?_sort=title&_order=desc");
        client.get("list-filtered-by-user", "/posts?userId=1");

        client.get("list-comments-of-seed-post", "/posts/1/comments");
        client.get("list-comments-of-new-post", "/posts/" + first.asText() + "/comments");
        client.postJson("create-comment", "/comments", Json.object("body", "first!", "postId", first));
        client.get("list-comments-of-new-post-again", "/posts/" + first.asText() + "/comments");
        client.get("read-post-1-with-comments", "/posts/" + first.asText() + "?_embed=comments");

        client.delete("delete-post-3", "/posts/" + third.asText());
        client.get("read-deleted-post-3", "/posts/" + third.asText());
        client.get("read-never-existing-post", "/posts/9999");
        client.get("unknown-route", "/nope");
        client.get("list-users", "/users");
        client.get("list-posts-at-the-end", "/posts");
    }
}
