package dev.twin.replayer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server depends downward: the request pipeline's link ({@code pipeline}), the server and the sandbox controls
 * that implement the link (and the admin routes with the journal they show) never reach, directly or through
 * others, a package that reaches back to them. Read from
 * the sources: a package mentions another by naming one of its types anywhere (imports, qualified names, javadoc).
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "twin", "replayer", "internal");
    private static final Pattern MENTION = Pattern.compile("dev\\.twin\\.replayer\\.internal\\.([a-z]+)\\.");
    private static final Set<String> DOWNWARD = Set.of("pipeline", "server", "fault", "scenario", "ratelimit",
            "webhook", "binding", "sandbox", "admin", "journal");

    @Test
    void theServerAndThePipelinesLinksAreInNoPackageCycle() throws IOException {
        Map<String, Set<String>> mentions = mentions();
        Map<String, Set<String>> cycles = new TreeMap<>();

        for (String pkg : DOWNWARD) {
            Set<String> reachable = reachable(pkg, mentions);
            Set<String> back = new TreeSet<>();
            for (String other : reachable) {
                if (reachable(other, mentions).contains(pkg)) {
                    back.add(other);
                }
            }
            if (!back.isEmpty()) {
                cycles.put(pkg, back);
            }
        }

        assertEquals(Map.of(), cycles, "package -> the packages it reaches that reach it back");
    }

    private static Map<String, Set<String>> mentions() throws IOException {
        Map<String, Set<String>> mentions = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // dev.twin.replayer.internal itself holds only its package-info
                }
                String pkg = relative.getName(0).toString();
                Matcher matcher = MENTION.matcher(read(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(pkg)) {
                        mentions.computeIfAbsent(pkg, p -> new HashSet<>()).add(matcher.group(1));
                    }
                }
            }
        }
        return mentions;
    }

    private static Set<String> reachable(String from, Map<String, Set<String>> mentions) {
        Set<String> seen = new HashSet<>();
        List<String> next = new ArrayList<>(mentions.getOrDefault(from, Set.of()));
        while (!next.isEmpty()) {
            String pkg = next.remove(next.size() - 1);
            if (seen.add(pkg)) {
                next.addAll(mentions.getOrDefault(pkg, Set.of()));
            }
        }
        return seen;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
