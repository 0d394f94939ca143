package dev.twin.corpus;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prometheus Alertmanager's API v2 (Debian's prometheus-alertmanager 0.25): silences created with a server-minted
 * UUID answered as {@code {silenceID}}, read and listed with a state the server derives ({@code pending} for one that
 * starts later, {@code active} for one whose start lay in the past, which the server moves to now), extended by a
 * POST naming the id, refused without matchers (400 {@code {code: 612, message}}), expired by DELETE (answered 200
 * with no body; the silence stays readable as {@code expired}, its end moved to now), a missing one answered 404
 * with no body; alerts posted and listed.
 *
 * <p>Clustering is off and the web API listens on 127.0.0.1 only; the route's receiver sends nothing anywhere. Every
 * {@code updatedAt}, an active silence's {@code startsAt}, an expired one's {@code endsAt} and an alert's times are
 * the server's clock.
 */
final class AlertmanagerApi implements CorpusApi {
    private static final String SILENCES = "/api/v2/silences";
    private static final String SILENCE = "/api/v2/silence/";

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public String unavailable() {
        return Executables.onPath("prometheus-alertmanager").isPresent() ? null
                : "prometheus-alertmanager not found; install: apt-get install prometheus-alertmanager";
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        Path config = workDir.resolve("alertmanager.yml");
        Files.writeString(config, "route:\n  receiver: nowhere\nreceivers:\n  - name: nowhere\n");
        URI base = URI.create("http://127.0.0.1:" + FreePort.pick());
        return ProcessUpstream.start(List.of(Executables.onPath("prometheus-alertmanager").orElseThrow().toString(),
                        "--config.file=" + config, "--storage.path=" + workDir.resolve("data"),
                        "--web.listen-address=" + base.getHost() + ":" + base.getPort(), "--cluster.listen-address="),
                workDir, base, "/-/ready", workDir.resolve("alertmanager.log"));
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.get("list-silences-empty", SILENCES);
        String planned = client.postJson("create-silence-planned", SILENCES, silence(null, "DiskFull",
                "2031-01-01T00:00:00Z", "2031-01-02T00:00:00Z", "planned maintenance")).json()
                .path("silenceID").asText();
        String now = client.postJson("create-silence-now", SILENCES, silence(null, "HighCPU",
                "2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "deploy")).json().path("silenceID").asText();
        client.get("read-silence-planned", SILENCE + planned);
        client.get("list-silences", SILENCES);
        client.postJson("extend-silence-planned", SILENCES, silence(planned, "DiskFull",
                "2031-01-01T00:00:00Z", "2031-01-03T00:00:00Z", "planned maintenance, longer"));
        client.get("read-extended-planned", SILENCE + planned);
        client.postJson("create-silence-without-matchers", SILENCES, "{\"matchers\":[],\"startsAt\":"
                + "\"2031-01-01T00:00:00Z\",\"endsAt\":\"2031-01-02T00:00:00Z\",\"createdBy\":\"ops\",\"comment\":\"x\"}");
        client.get("read-missing-silence", SILENCE + "00000000-0000-0000-0000-000000000000");
        client.delete("expire-silence-now", SILENCE + now);
        client.get("read-expired-silence", SILENCE + now);
        client.get("list-silences-at-end", SILENCES);
        client.postJson("post-alert", "/api/v2/alerts", "[{\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"db1\"},"
                + "\"annotations\":{\"summary\":\"disk almost full\"}}]");
        client.get("list-alerts", "/api/v2/alerts");
    }

    private static String silence(String id, String alert, String startsAt, String endsAt, String comment) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"matchers\":[{\"name\":\"alertname\",\"value\":\""
                + alert + "\",\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"" + startsAt + "\",\"endsAt\":\""
                + endsAt + "\",\"createdBy\":\"ops\",\"comment\":\"" + comment + "\"}";
    }
}
