package dev.twin.corpus;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Syncthing's configuration REST API (Debian's syncthing 1.19, {@code /rest/config/...}), as a provisioning tool drives
 * it with the API key in {@code X-API-Key}: folders and devices created (answered 200 with no body), read back with
 * the dozens of settings the server fills in, changed with PATCH (merge) and PUT (replace: what is not sent returns
 * to its default), deleted, plus the options singleton. Errors are plain text: 404 {@code No folder with given ID},
 * 400 for a malformed body or device id; deleting a folder that does not exist answers 200.
 *
 * <p>The node is generated fresh under the work dir (its own key, so its device id differs per run) and its config
 * edited before it starts so that it opens no connection beyond 127.0.0.1: no global or local discovery, relays,
 * NAT, usage or crash reports, upgrades; its sync protocol listens on loopback only.
 */
final class SyncthingApi implements CorpusApi {
    private static final String API_KEY = "corpus-api-key";
    private static final String FOLDERS = "/rest/config/folders";
    private static final String DEVICES = "/rest/config/devices";
    /** Two valid device ids (of keys generated once for this flow; no such device runs). */
    private static final String LAPTOP = "XHPJITH-XRNZO5Y-3VODFEO-I75QE3O-SIXXYQ2-HKO7D2S-2NZTAR6-KJIUNAQ";
    private static final String PHONE = "JBZCAAA-V5KVTJX-ZV65BIH-4E2ZZCL-ZIYF653-C7CM5GN-RTIFS6Q-2OQORAC";

    @Override
    public String name() {
        return "syncthing";
    }

    @Override
    public String unavailable() {
        return Executables.onPath("syncthing").isPresent() ? null
                : "syncthing not found; install: apt-get install syncthing";
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        String syncthing = Executables.onPath("syncthing").orElseThrow().toString();
        Path home = workDir.resolve("home");
        generate(syncthing, home, workDir);
        keepToLoopback(home.resolve("config.xml"), FreePort.pick());
        URI base = URI.create("http://127.0.0.1:" + FreePort.pick());
        return ProcessUpstream.of(base, ChildProcess.start(ProcessLaunch.of(List.of(syncthing, "serve",
                        "--home=" + home, "--no-browser", "--no-restart", "--no-upgrade", "--skip-port-probing",
                        "--gui-address=" + base, "--gui-apikey=" + API_KEY), workDir, workDir.resolve("syncthing.log")),
                ReadyCheck.answers2xx(URI.create(base + "/rest/system/ping"), Map.of("X-API-Key", API_KEY))));
    }

    /** {@code syncthing generate}: a key, a certificate and a default config, no default folder. */
    private static void generate(String syncthing, Path home, Path workDir) throws IOException, InterruptedException {
        Process generate = new ProcessBuilder(syncthing, "generate", "--home=" + home, "--no-default-folder")
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("generate.log").toFile()).start();
        if (generate.waitFor() != 0) {
            throw new IOException("syncthing generate failed: " + Files.readString(workDir.resolve("generate.log")));
        }
    }

    private static void keepToLoopback(Path config, int syncPort) throws IOException {
        String xml = Files.readString(config, StandardCharsets.UTF_8);
        Map<String, String> settings = Map.of(
                "<listenAddress>default</listenAddress>", "<listenAddress>tcp://127.0.0.1:" + syncPort + "</listenAddress>",
                "<globalAnnounceEnabled>true", "<globalAnnounceEnabled>false",
                "<localAnnounceEnabled>true", "<localAnnounceEnabled>false",
                "<relaysEnabled>true", "<relaysEnabled>false",
                "<natEnabled>true", "<natEnabled>false",
                "<startBrowser>true", "<startBrowser>false",
                "<urAccepted>0", "<urAccepted>-1",
                "<autoUpgradeIntervalH>12", "<autoUpgradeIntervalH>0",
                "<crashReportingEnabled>true", "<crashReportingEnabled>false");
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (!xml.contains(setting.getKey())) {
                throw new IOException("syncthing's generated config has no " + setting.getKey() + ": " + config);
            }
            xml = xml.replace(setting.getKey(), setting.getValue());
        }
        Files.writeString(config, xml, StandardCharsets.UTF_8);
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.withDefaultHeader("X-API-Key", API_KEY);
        client.get("list-folders-empty", FOLDERS);
        client.postJson("create-folder-photos", FOLDERS, "{\"id\":\"photos\",\"label\":\"Photos\",\"path\":\"sync/pictures\"}");
        client.postJson("create-folder-music", FOLDERS,
                "{\"id\":\"music\",\"label\":\"Music\",\"path\":\"sync/audio\",\"rescanIntervalS\":120,\"type\":\"sendonly\"}");
        client.get("read-folder-photos", FOLDERS + "/photos");
        client.get("list-folders", FOLDERS);
        client.patchJson("rename-folder-photos", FOLDERS + "/photos",
                "{\"label\":\"Pictures\",\"fsWatcherDelayS\":5}");
        client.get("read-renamed-photos", FOLDERS + "/photos");
        client.putJson("replace-folder-music", FOLDERS + "/music", "{\"id\":\"music\",\"label\":\"Tunes\",\"path\":\"sync/audio\"}");
        client.get("read-replaced-music", FOLDERS + "/music");
        client.get("read-missing-folder", FOLDERS + "/nope");
        client.patchJson("rename-missing-folder", FOLDERS + "/nope", "{\"label\":\"x\"}");
        client.postJson("create-folder-malformed", FOLDERS, "{\"id\": nope}");

        client.postJson("add-device-laptop", DEVICES, "{\"deviceID\":\"" + LAPTOP + "\",\"name\":\"laptop\"}");
        client.postJson("add-device-phone", DEVICES,
                "{\"deviceID\":\"" + PHONE + "\",\"name\":\"phone\",\"compression\":\"always\"}");
        client.get("read-device-laptop", DEVICES + "/" + LAPTOP);
        client.postJson("add-device-invalid-id", DEVICES, "{\"deviceID\":\"not-a-device\"}");
        client.patchJson("pause-device-phone", DEVICES + "/" + PHONE, "{\"paused\":true}");
        client.get("read-paused-phone", DEVICES + "/" + PHONE);

        client.get("read-options", "/rest/config/options");
        client.patchJson("limit-send-rate", "/rest/config/options", "{\"maxSendKbps\":100}");
        client.get("read-limited-options", "/rest/config/options");

        client.delete("delete-folder-music", FOLDERS + "/music");
        client.get("read-deleted-music", FOLDERS + "/music");
        client.delete("delete-missing-folder", FOLDERS + "/nope");
        client.delete("delete-device-laptop", DEVICES + "/" + LAPTOP);
        client.get("read-deleted-laptop", DEVICES + "/" + LAPTOP);
        // no list of devices: it holds this node's own device, whose id is drawn anew each run and sorts anywhere
        client.get("list-folders-at-end", FOLDERS);
    }
}
