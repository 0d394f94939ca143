package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * verdaccio 6.8.0 (npm, pinned in corpus/package-lock.json), a private npm registry with its storage and htpasswd in
 * the work dir and no uplinks. The flow does what the npm CLI does: {@code npm adduser} (a new user, the same one
 * again, a wrong password), {@code npm whoami}, {@code npm publish} (without a token, two versions, a version again,
 * a scoped package), {@code npm view} (the packument, a version, {@code latest}), the tarball download,
 * {@code npm dist-tag add/ls/rm}, {@code npm search}, a missing package and version, {@code npm unpublish} of a
 * package and of one version (read for write, PUT the packument without it, DELETE its tarball), and
 * {@code npm logout}.
 *
 * <p>A token is the user's credentials encrypted with a secret verdaccio drew at its first start: no recording reveals
 * it ({@link #unrevealable()}). Revisions ({@code _rev}: a counter and random hex) are minted values.
 */
final class VerdaccioApi implements CorpusApi {
    private static final NodeProgram VERDACCIO = new NodeProgram("verdaccio", "bin/verdaccio");
    private static final String HELLO = "corpus-hello";
    private static final String WORLD = "corpus-world";
    private static final String SCOPED = "@corpus/greet";
    private static final String SCOPED_PATH = "/@corpus%2fgreet";

    @Override
    public String name() {
        return "verdaccio";
    }

    @Override
    public String unavailable() {
        return VERDACCIO.unavailable();
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        int port = FreePort.pick();
        Path config = Files.writeString(workDir.resolve("config.yaml"), String.join("\n",
                "storage: " + workDir.resolve("storage"),
                "auth:",
                "  htpasswd:",
                "    file: " + workDir.resolve("htpasswd"),
                "    max_users: 100",
                "uplinks: {}",
                "packages:",
                "  '@*/*':",
                "    access: $all",
                "    publish: $authenticated",
                "    unpublish: $authenticated",
                "  '**':",
                "    access: $all",
                "    publish: $authenticated",
                "    unpublish: $authenticated",
                "log: { type: stdout, format: pretty, level: warn }",
                ""));
        return ProcessUpstream.start(VERDACCIO.command("--config", config.toString(), "--listen", "127.0.0.1:" + port),
                workDir, URI.create("http://127.0.0.1:" + port), "/-/ping", workDir.resolve("verdaccio.log"));
    }

    @Override
    public Map<String, String> unrevealable() {
        String token = "a token is the user's credentials AES-encrypted with a secret verdaccio drew at its first "
                + "start: no recording reveals the next one";
        return Map.of("add-user-alice  $.token", token,
                "logout  request", token + " (the token is in the path)");
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.get("ping", "/-/ping");
        String alice = "/-/user/org.couchdb.user:alice";
        Step added = client.putJson("add-user-alice", alice, user("alice", "s3cret-pass"));
        client.putJson("add-user-alice-again", alice, user("alice", "s3cret-pass"));
        client.putJson("add-user-alice-wrong-password", alice, user("alice", "not-her-pass"));
        client.putJson("publish-without-token", "/" + HELLO, publish(client, HELLO, "1.0.0", "says hello"));

        String token = added.json().path("token").asText();
        client.withBearer(token);
        client.get("whoami", "/-/whoami");
        client.putJson("publish-hello-1.0.0", "/" + HELLO, publish(client, HELLO, "1.0.0", "says hello"));
        client.get("read-hello", "/" + HELLO);
        client.get("read-hello-1.0.0", "/" + HELLO + "/1.0.0");
        client.putJson("publish-hello-1.1.0", "/" + HELLO, publish(client, HELLO, "1.1.0", "says hello"));
        client.putJson("publish-hello-1.1.0-again", "/" + HELLO, publish(client, HELLO, "1.1.0", "says hello"));
        client.get("read-hello-latest", "/" + HELLO + "/latest");
        client.get("download-hello-1.0.0", "/" + HELLO + "/-/" + HELLO + "-1.0.0.tgz");

        String tags = "/-/package/" + HELLO + "/dist-tags";
        client.putJson("add-dist-tag-beta", tags + "/beta", "\"1.0.0\"");
        client.get("list-dist-tags", tags);
        client.delete("remove-dist-tag-beta", tags + "/beta");
        client.get("list-dist-tags-after-remove", tags);

        client.putJson("publish-scoped", SCOPED_PATH, publish(client, SCOPED, "1.0.0", "greets politely"));
        client.get("read-scoped", SCOPED_PATH);
        client.putJson("publish-world-1.0.0", "/" + WORLD, publish(client, WORLD, "1.0.0", "says world"));
        client.get("search-corpus", "/-/v1/search?text=corpus&size=20");
        client.get("search-world", "/-/v1/search?text=world&size=20");
        client.get("search-corpus-second-page", "/-/v1/search?text=corpus&size=1&from=1");
        client.get("read-missing-package", "/corpus-missing");
        client.get("read-missing-version", "/" + HELLO + "/9.9.9");

        // npm unpublish <package>: read for write, DELETE at its revision
        JsonNode world = client.get("read-world-for-write", "/" + WORLD + "?write=true").json();
        client.delete("unpublish-world", "/" + WORLD + "/-rev/" + world.path("_rev").asText());
        client.get("read-unpublished-world", "/" + WORLD);

        // npm unpublish <package>@<version>: PUT the packument without the version, then DELETE its tarball
        JsonNode hello = client.get("read-hello-for-write", "/" + HELLO + "?write=true").json();
        client.putJson("unpublish-hello-1.0.0", "/" + HELLO + "/-rev/" + hello.path("_rev").asText(),
                without(hello, "1.0.0"));
        JsonNode changed = client.get("read-hello-for-tarball-removal", "/" + HELLO + "?write=true").json();
        client.delete("remove-hello-1.0.0-tarball", "/" + HELLO + "/-/" + HELLO + "-1.0.0.tgz/-rev/"
                + changed.path("_rev").asText());
        client.get("read-unpublished-version", "/" + HELLO + "/1.0.0");
        client.get("read-hello-at-the-end", "/" + HELLO);
        client.delete("logout", "/-/user/token/" + token);
    }

    private static String user(String name, String password) {
        return Json.object("_id", "org.couchdb.user:" + name, "name", name, "password", password,
                "email", name + "@example.com", "type", "user", "roles", List.of());
    }

    /** The body {@code npm publish} sends: the version's manifest and the tarball as a base64 attachment. */
    private static String publish(FlowClient client, String name, String version, String description) {
        NpmTarball tarball = NpmTarball.of(name, version, description);
        String tarballUrl = client.baseUrl() + "/" + name + "/-/" + tarball.fileName();
        String manifest = Json.object("name", name, "version", version, "description", description,
                "main", "index.js", "_id", name + "@" + version,
                "dist", Json.MAPPER.createObjectNode().put("shasum", tarball.shasum())
                        .put("integrity", tarball.integrity()).put("tarball", tarballUrl));
        return Json.object("_id", name, "name", name, "description", description,
                "dist-tags", Json.MAPPER.createObjectNode().put("latest", version),
                "versions", Json.MAPPER.createObjectNode().set(version, Json.parse(manifest)),
                "access", null,
                "_attachments", Json.MAPPER.createObjectNode().set(tarball.fileName(),
                        Json.MAPPER.createObjectNode().put("content_type", "application/octet-stream")
                                .put("data", tarball.base64()).put("length", tarball.bytes().length)));
    }

    /** The packument without one version (and its time), as npm unpublish PUTs it back. */
    private static String without(JsonNode packument, String version) {
        if (!packument.isObject()) {
            return "{}";
        }
        ObjectNode copy = packument.deepCopy();
        if (copy.path("versions") instanceof ObjectNode versions) {
            versions.remove(version);
        }
        if (copy.path("time") instanceof ObjectNode time) {
            time.remove(version);
        }
        return copy.toString();
    }

}
