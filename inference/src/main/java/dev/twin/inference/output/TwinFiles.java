package dev.twin.inference.output;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.InferredTwin;
import dev.twin.inference.seed.ScrubbedExchange;
import dev.twin.recorder.PrivateFiles;
import dev.twin.recorder.har.HarExporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The output directory's files, by relative path, as bytes: the same inference gives the same bytes. */
public final class TwinFiles {
    public static final String OFFICIAL_FILE_PREFIX = "official-spec";
    /** The recorded exchanges of operations no table answers, which the twin replays ({@code replay:}). */
    public static final String RECORDINGS_FILE = "recordings.har";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeMap<String, byte[]> files = new TreeMap<>();

    private TwinFiles() {
    }

    public static TwinFiles of(InferredTwin twin) {
        TwinFiles out = new TwinFiles();
        OpenApiWriter openApi = new OpenApiWriter(twin);
        String officialFile = null;
        if (twin.spec() != null && !twin.specOperationIds().isEmpty()) {
            String name = twin.spec().getFileName().toString();
            officialFile = OFFICIAL_FILE_PREFIX + name.substring(Math.max(name.lastIndexOf('.'), 0));
            try {
                out.files.put(officialFile, Files.readAllBytes(twin.spec()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.put("openapi.yaml", openApi.write());
        out.put("twin.yaml", TwinYamlWriter.write(twin, openApi, officialFile));
        for (Map.Entry<String, List<ObjectNode>> seed : twin.seeds().entrySet()) {
            if (!seed.getValue().isEmpty()) {
                out.put("seed/" + seed.getKey() + ".json", json(seed.getValue()));
            }
        }
        if (!twin.replayed().isEmpty()) {
            ByteArrayOutputStream har = new ByteArrayOutputStream();
            try {
                HarExporter.write(twin.replayed().stream().map(ScrubbedExchange::of).iterator(), har);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.files.put(RECORDINGS_FILE, har.toByteArray());
        }
        out.put("inference-report.md", ReportWriter.write(twin, openApi));
        return out;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public String text(String name) {
        byte[] bytes = files.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public void writeTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            // 0600 like every file twin writes: the seeds and recordings are recorded traffic
            byte[] bytes = file.getValue();
            PrivateFiles.write(target, out -> {
                out.write(bytes);
                return null;
            });
        }
    }

    private void put(String name, String text) {
        files.put(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(List<ObjectNode> rows) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(
                    new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(rows) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
