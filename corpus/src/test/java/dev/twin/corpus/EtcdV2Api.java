package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * etcd's v2 keys API (Debian's etcd-server 3.4, {@code --enable-v2=true}): a single-member cluster on 127.0.0.1
 * with its data under the work dir. The flow does what a configuration client does: set keys in a directory, read
 * one and the directory, queue jobs as in-order keys (etcd mints their names), update with {@code prevExist=true},
 * compare-and-swap (a failing and a passing one), create over an existing key, delete, read the deleted key, and
 * keep a session key with a TTL.
 *
 * <p>Every answer carries etcd's counters ({@code createdIndex}, {@code modifiedIndex}, {@code X-Etcd-Index}): server
 * state a recording does reveal, so they are compared. The TTL's countdown is the server's clock.
 */
final class EtcdV2Api implements CorpusApi {
    private static final String KEYS = "/v2/keys";

    @Override
    public String name() {
        return "etcd-v2";
    }

    @Override
    public String unavailable() {
        return Executables.onPath("etcd").isPresent() ? null
                : "etcd not found; install: apt-get install etcd-server";
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        int client = FreePort.pick();
        int peer = FreePort.pick();
        String clientUrl = "http://127.0.0.1:" + client;
        String peerUrl = "http://127.0.0.1:" + peer;
        return ProcessUpstream.start(List.of(Executables.onPath("etcd").orElseThrow().toString(),
                        "--name", "default", "--enable-v2=true", "--data-dir", workDir.resolve("data").toString(),
                        "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                        "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                        "--initial-cluster", "default=" + peerUrl, "--initial-cluster-state", "new"),
                workDir, URI.create(clientUrl), "/health", workDir.resolve("etcd.log"));
    }

    @Override
    public Set<String> keptHeaders() {
        return Set.of("X-Etcd-Index");
    }

    @Override
    public Map<String, String> unrevealable() {
        return Map.of("read-session  $.node.ttl",
                "the ttl left counts down on the server's clock between the set and this read (300 or 299 s)");
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.putForm("set-db-host", KEYS + "/app/config/db-host", Map.of("value", "10.0.0.5"));
        client.putForm("set-db-port", KEYS + "/app/config/db-port", Map.of("value", "5432"));
        client.putForm("set-log-level", KEYS + "/app/config/log-level", Map.of("value", "info"));
        client.get("read-db-host", KEYS + "/app/config/db-host");
        client.get("read-config-dir", KEYS + "/app/config?recursive=true");

        // in-order keys: etcd names them after its index (/app/jobs/00000000000000000007)
        JsonNode firstJob = client.postForm("enqueue-job-1", KEYS + "/app/jobs", Map.of("value", "resize"))
                .json().path("node").path("key");
        client.postForm("enqueue-job-2", KEYS + "/app/jobs", Map.of("value", "thumbnail"));
        client.get("list-jobs-sorted", KEYS + "/app/jobs?recursive=true&sorted=true");
        client.get("read-job-1", KEYS + firstJob.asText());

        client.putForm("update-db-host", KEYS + "/app/config/db-host?prevExist=true", Map.of("value", "10.0.0.6"));
        client.putForm("swap-db-port-wrong-prev", KEYS + "/app/config/db-port?prevValue=wrong",
                Map.of("value", "6543"));
        client.putForm("swap-db-port", KEYS + "/app/config/db-port?prevValue=5432", Map.of("value", "6543"));
        client.putForm("update-missing-key", KEYS + "/app/config/missing?prevExist=true", Map.of("value", "x"));
        client.putForm("create-existing-key", KEYS + "/app/config/db-host?prevExist=false",
                Map.of("value", "10.0.0.7"));

        client.delete("delete-log-level", KEYS + "/app/config/log-level");
        client.get("read-deleted-log-level", KEYS + "/app/config/log-level");
        client.delete("delete-job-1", KEYS + firstJob.asText());
        client.get("read-app-tree", KEYS + "/app?recursive=true&sorted=true");

        client.putForm("set-session", KEYS + "/app/session", orderedForm("value", "abc", "ttl", "300"));
        client.get("read-session", KEYS + "/app/session");
    }

    private static Map<String, String> orderedForm(String... keysAndValues) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }
}
