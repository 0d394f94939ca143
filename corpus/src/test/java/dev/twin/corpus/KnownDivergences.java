package dev.twin.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ratchet: {@code corpus/<api>/known-divergences.txt} (test resources) lists the divergences between the real API
 * and its twin that exist today, one per line as {@code step-name  where  # why (which inference mechanism)}; blank
 * lines and lines starting with {@code #} are ignored. A divergence found but not listed fails the build, and so does
 * a listed one that no longer occurs: the list can only shrink, and a fixed divergence must be removed from it.
 */
record KnownDivergences(String api, Map<String, String> reasons) {
    static String file(String api) {
        return "corpus/" + api + "/known-divergences.txt";
    }

    static KnownDivergences load(String api) {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = KnownDivergences.class.getClassLoader().getResourceAsStream(file(api))) {
            if (in == null) {
                return new KnownDivergences(api, reasons);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int hash = line.indexOf(" #");
                if (hash < 0) {
                    throw new IllegalArgumentException(file(api) + ":" + (i + 1) + ": say why after '#': " + line);
                }
                String entry = line.substring(0, hash).strip();
                String[] parts = entry.split("\\s+", 2);
                if (parts.length < 2) {
                    throw new IllegalArgumentException(file(api) + ":" + (i + 1)
                            + ": expected 'step-name  where  # why', got: " + line);
                }
                reasons.put(parts[0] + "  " + parts[1].strip(), line.substring(hash + 2).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownDivergences(api, reasons);
    }

    /** Found but not listed, as lines to add (the why left to fill in). */
    List<String> unlisted(List<StepDivergence> found) {
        List<String> missing = new ArrayList<>();
        for (StepDivergence divergence : found) {
            if (!reasons.containsKey(divergence.key())) {
                missing.add(divergence.key() + "  # TODO why: recorded " + divergence.recorded() + ", twin "
                        + divergence.twin());
            }
        }
        return missing;
    }

    /** Listed but no longer found: fixed, to be removed from the file. */
    List<String> fixed(List<StepDivergence> found) {
        Set<String> keys = found.stream().map(StepDivergence::key).collect(Collectors.toSet());
        return reasons.keySet().stream().filter(key -> !keys.contains(key)).toList();
    }
}
