package dev.twin.replayer.internal.spec;

import dev.twin.replayer.internal.startup.CacheEncoding;
import dev.twin.replayer.internal.startup.StartupCache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict of a spec's full check, kept by the spec's content checksum: in the start-up cache (entry
 * {@code <checksum>.verdict}, beside the spec's index) so a later launch of an unchanged spec skips the check, and
 * in memory so one process (a test suite, {@code --watch} reloads) checks each version once even with the disk
 * cache off. A spec whose bytes changed has another checksum and is checked again.
 */
public final class SpecVerdictCache {
    private static final String KIND = "verdict";
    private static final int IN_MEMORY = 32;
    private static final int MAX_TEXT = 16 * 1024;
    private static final Map<String, SpecVerdict> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SpecVerdict> eldest) {
            return size() > IN_MEMORY;
        }
    };

    private SpecVerdictCache() {
    }

    /** The verdict kept for the spec with this checksum (in memory, else on disk), empty when none is. */
    public static Optional<SpecVerdict> find(StartupCache cache, String checksum) {
        synchronized (RECENT) {
            SpecVerdict recent = RECENT.get(checksum);
            if (recent != null) {
                return Optional.of(recent);
            }
        }
        Optional<SpecVerdict> stored = stored(cache, checksum);
        stored.ifPresent(verdict -> remember(checksum, verdict));
        return stored;
    }

    /** The verdict on disk only. */
    static Optional<SpecVerdict> stored(StartupCache cache, String checksum) {
        return cache.read(checksum, KIND).flatMap(SpecVerdictCache::readVerdict);
    }

    /**
     * Keeps {@code verdict} in memory and on disk. Written before returning (a verdict is a few kilobytes): a spec
     * with errors ends the process right after, and the next start should not check it again.
     */
    public static void keep(StartupCache cache, String checksum, SpecVerdict verdict) {
        remember(checksum, verdict);
        cache.writeNow(checksum, KIND, out -> writeVerdict(out, verdict));
    }

    private static void remember(String checksum, SpecVerdict verdict) {
        synchronized (RECENT) {
            RECENT.put(checksum, verdict);
        }
    }

    private static void writeVerdict(DataOutputStream out, SpecVerdict verdict) throws IOException {
        out.writeInt(verdict.problems().size());
        for (SpecProblem problem : verdict.problems()) {
            out.writeBoolean(problem.isError());
            out.writeUTF(cut(problem.pointer()));
            out.writeInt(problem.line());
            out.writeInt(problem.column());
            out.writeUTF(cut(problem.message()));
            out.writeInt(problem.operations().size());
            for (String operation : problem.operations()) {
                out.writeUTF(cut(operation));
            }
        }
        out.writeInt(-1); // end marker: a truncated file cannot pass for a complete one
    }

    private static Optional<SpecVerdict> readVerdict(DataInputStream in) {
        try {
            int count = CacheEncoding.count(in, 1_000_000);
            List<SpecProblem> problems = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                SpecProblem.Severity severity = in.readBoolean() ? SpecProblem.Severity.ERROR
                        : SpecProblem.Severity.WARNING;
                String pointer = in.readUTF();
                int line = in.readInt();
                int column = in.readInt();
                String message = in.readUTF();
                int operationCount = CacheEncoding.count(in, 1_000_000);
                List<String> operations = new ArrayList<>(operationCount);
                for (int o = 0; o < operationCount; o++) {
                    operations.add(in.readUTF());
                }
                problems.add(new SpecProblem(severity, pointer, line, column, message, operations));
            }
            return in.readInt() == -1 ? Optional.of(new SpecVerdict(problems)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** writeUTF takes at most 64 KB; a pointer or message that long is cut (the line still finds it). */
    private static String cut(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
