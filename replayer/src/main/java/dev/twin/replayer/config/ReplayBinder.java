package dev.twin.replayer.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code replay:}. Only the file's existence is checked here, so loading stays cheap; the server opens the
 * store (read-only) and checks the sessions when it builds the replay index.
 */
final class ReplayBinder {
    private ReplayBinder() {
    }

    static ReplayConfig bind(YamlMapping root) {
        YamlMapping replay = root.mapping("replay");
        if (replay == null) {
            return ReplayConfig.NONE;
        }
        int before = replay.context().problems().size();
        replay.allowOnly("store", "sessions");
        String store = replay.requiredString("store");
        Path resolved = null;
        if (store != null) {
            resolved = replay.context().baseDir().resolve(store).toAbsolutePath().normalize();
            if (Files.isDirectory(resolved)) {
                replay.problem("store", "is a directory, expected a recording store file or a HAR file: " + store);
            } else if (!Files.isRegularFile(resolved)) {
                replay.problem("store", "store file not found: " + store
                        + " (record one with: twin record --store " + store + ")");
            }
        }
        List<ReplayConfig.Session> sessions = sessions(replay);
        if (replay.context().problems().size() > before || resolved == null) {
            return ReplayConfig.NONE;
        }
        return new ReplayConfig(resolved, sessions, replay.location("store"));
    }

    private static List<ReplayConfig.Session> sessions(YamlMapping replay) {
        List<String> names = replay.strings("sessions");
        List<ReplayConfig.Session> sessions = new ArrayList<>();
        if (names == null) {
            return sessions;
        }
        Set<String> seen = new HashSet<>();
        String listPointer = replay.pointer("sessions");
        for (int i = 0; i < names.size(); i++) {
            String pointer = ConfigProblems.child(listPointer, i);
            if (!seen.add(names.get(i))) {
                replay.context().problem(pointer, "session '" + names.get(i) + "' is listed twice");
            }
            sessions.add(new ReplayConfig.Session(names.get(i), replay.context().sourceMap().locate(pointer)));
        }
        return sessions;
    }
}
