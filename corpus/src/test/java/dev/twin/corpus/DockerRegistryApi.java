package dev.twin.corpus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Registry HTTP API v2 of Debian's docker-registry 2.8 ({@code docker-registry serve config.yml}, filesystem
 * storage in the work dir, deletes enabled). The flow does what {@code docker push} and {@code docker pull} do:
 * check the API version, upload an image config (POST an upload, PUT it with its digest) and a layer (POST, PATCH a
 * chunk, PUT), HEAD and GET a blob, PUT a schema2 manifest by tag, GET it by tag and by digest, mount the blobs into
 * a second repository, page the catalog with {@code n=1} (Link: rel="next"), list tags, delete a manifest and a
 * blob, and hit the errors in the registry's {@code {errors:[{code,message,detail}]}} shape.
 *
 * <p>An upload's UUID and signed {@code _state} are drawn by the registry: no recording reveals them
 * ({@link #unrevealable()}). A blob's digest is the client's own (sent in {@code ?digest=}) and a manifest's is the
 * SHA-256 of the bytes the client uploaded, which the twin computes too, so both are compared.
 */
final class DockerRegistryApi implements CorpusApi {
    private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String OCTETS = "application/octet-stream";
    private static final String CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\","
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
    private static final String LAYER = "layer one: /app/index.html\n";
    private static final String WEB = "/v2/shop/web";
    private static final String API = "/v2/shop/api";

    @Override
    public String name() {
        return "docker-registry";
    }

    @Override
    public String unavailable() {
        return Executables.onPath("docker-registry").isPresent() ? null
                : "docker-registry not found; install: apt-get install docker-registry";
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        int port = FreePort.pick();
        Path config = Files.writeString(workDir.resolve("config.yml"), String.join("\n",
                "version: 0.1",
                "log:",
                "  level: warn",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + workDir.resolve("data"),
                "  delete:",
                "    enabled: true",
                "http:",
                "  addr: 127.0.0.1:" + port,
                ""));
        return ProcessUpstream.start(List.of(Executables.onPath("docker-registry").orElseThrow().toString(), "serve",
                        config.toString()), workDir, URI.create("http://127.0.0.1:" + port), "/v2/",
                workDir.resolve("docker-registry.log"));
    }

    @Override
    public Set<String> keptHeaders() {
        return Set.of("Docker-Content-Digest", "Docker-Upload-UUID", "Range", "Docker-Distribution-Api-Version");
    }

    @Override
    public Map<String, String> unrevealable() {
        String upload = "the registry draws a random upload UUID and signs the upload's state (name, UUID, offset, "
                + "start time) with a secret it drew at start: no recording reveals the next ones";
        Map<String, String> places = new LinkedHashMap<>();
        for (String start : List.of("start-upload-config", "start-upload-layer", "start-upload-wrong-digest")) {
            places.put(start + "  header location", upload);
            places.put(start + "  header docker-upload-uuid", upload);
        }
        places.put("upload-layer-chunk  request", upload);
        places.put("upload-layer-chunk  header location", upload);
        places.put("upload-layer-chunk  header docker-upload-uuid", upload);
        places.put("finish-upload-config  request", upload);
        places.put("finish-upload-layer  request", upload);
        places.put("finish-upload-wrong-digest  request", upload);
        return places;
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        String configDigest = sha256(CONFIG);
        String layerDigest = sha256(LAYER);
        // the exact bytes docker push sends: the manifest's digest is the SHA-256 of these bytes
        String manifest = String.format("{\"schemaVersion\":2,\"mediaType\":\"%s\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":%d,"
                + "\"digest\":\"%s\"},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":%d,\"digest\":\"%s\"}]}",
                MANIFEST_V2, bytes(CONFIG), configDigest, bytes(LAYER), layerDigest);
        String manifestDigest = sha256(manifest);

        client.get("api-version", "/v2/");

        // the image config in one PUT: POST starts the upload, its Location says where to PUT the bytes
        Step config = client.send("start-upload-config", "POST", WEB + "/blobs/uploads/", Map.of(), null);
        client.send("finish-upload-config", "PUT", withDigest(location(config), configDigest),
                Map.of("Content-Type", OCTETS), CONFIG);

        // the layer in a chunk (PATCH) and a closing PUT, as docker push sends layers
        Step layer = client.send("start-upload-layer", "POST", WEB + "/blobs/uploads/", Map.of(), null);
        Step chunk = client.send("upload-layer-chunk", "PATCH", location(layer), Map.of("Content-Type", OCTETS),
                LAYER);
        client.send("finish-upload-layer", "PUT", withDigest(location(chunk), layerDigest), Map.of(), null);
        // bytes that do not match the digest the client names are refused (400 DIGEST_INVALID)
        Step mismatch = client.send("start-upload-wrong-digest", "POST", WEB + "/blobs/uploads/", Map.of(), null);
        client.send("finish-upload-wrong-digest", "PUT", withDigest(location(mismatch), sha256("other bytes")),
                Map.of("Content-Type", OCTETS), LAYER);

        client.send("head-layer", "HEAD", WEB + "/blobs/" + layerDigest, Map.of(), null);
        client.get("read-layer", WEB + "/blobs/" + layerDigest);
        client.get("read-config", WEB + "/blobs/" + configDigest);
        client.get("read-unknown-blob", WEB + "/blobs/" + sha256("never uploaded"));

        Map<String, String> asManifest = Map.of("Content-Type", MANIFEST_V2);
        Map<String, String> acceptManifest = Map.of("Accept", MANIFEST_V2);
        client.send("put-manifest-web-1.0", "PUT", WEB + "/manifests/1.0", asManifest, manifest);
        client.send("read-manifest-by-tag", "GET", WEB + "/manifests/1.0", acceptManifest, null);
        client.send("head-manifest-by-tag", "HEAD", WEB + "/manifests/1.0", acceptManifest, null);
        client.send("read-manifest-by-digest", "GET", WEB + "/manifests/" + manifestDigest, acceptManifest, null);
        client.send("put-manifest-web-latest", "PUT", WEB + "/manifests/latest", asManifest, manifest);
        client.send("read-unknown-manifest", "GET", WEB + "/manifests/9.9", acceptManifest, null);
        client.send("put-manifest-missing-blob", "PUT", WEB + "/manifests/broken", asManifest,
                manifest.replace(layerDigest, sha256("never uploaded")));

        // a second repository gets the blobs by mounting them from the first, as docker push does across repos
        client.send("mount-layer-into-api", "POST", API + "/blobs/uploads/?mount=" + layerDigest + "&from=shop/web",
                Map.of(), null);
        client.send("mount-config-into-api", "POST", API + "/blobs/uploads/?mount=" + configDigest
                + "&from=shop/web", Map.of(), null);
        client.send("put-manifest-api-2.0", "PUT", API + "/manifests/2.0", asManifest, manifest);

        Step firstPage = client.get("catalog-page-1", "/v2/_catalog?n=1");
        client.get("catalog-page-2", next(firstPage, "/v2/_catalog?last=shop%2Fapi&n=1"));
        client.get("catalog", "/v2/_catalog");
        client.get("list-web-tags", WEB + "/tags/list");
        client.get("list-web-tags-page-1", WEB + "/tags/list?n=1");
        client.get("list-unknown-repository-tags", "/v2/shop/nope/tags/list");

        client.delete("delete-manifest-by-digest", API + "/manifests/" + manifestDigest);
        client.send("read-deleted-manifest", "GET", API + "/manifests/2.0", acceptManifest, null);
        client.delete("delete-layer-of-api", API + "/blobs/" + layerDigest);
        client.send("head-deleted-layer", "HEAD", API + "/blobs/" + layerDigest, Map.of(), null);
        client.get("list-api-tags-after-delete", API + "/tags/list");
    }

    /** The path and query of an upload's Location ({base} is this server), or a made-up one when there is none. */
    private static String location(Step step) {
        String location = step.header("Location");
        if (location == null) {
            return WEB + "/blobs/uploads/no-location";
        }
        return location.startsWith("{base}") ? location.substring("{base}".length()) : location;
    }

    private static String withDigest(String location, String digest) {
        return location + (location.contains("?") ? "&" : "?") + "digest=" + digest;
    }

    /** The path of a Link: rel="next" ({@code </v2/_catalog?last=shop%2Fapi&n=1>; rel="next"}), or the fallback. */
    private static String next(Step page, String fallback) {
        String link = page.header("Link");
        if (link == null || !link.startsWith("<") || link.indexOf('>') < 0) {
            return fallback;
        }
        return link.substring(1, link.indexOf('>')).replace("{base}", "");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
