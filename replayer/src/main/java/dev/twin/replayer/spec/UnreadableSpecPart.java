package dev.twin.replayer.spec;

import java.nio.file.Path;

/**
 * A part of a spec (an operation, a component) that could not be read when it was first needed. Operations are
 * read lazily to keep start-up fast; the load checks their members' types, and what only a full read finds
 * surfaces here, with the file and the reason in the user's terms rather than as a stack trace.
 */
public final class UnreadableSpecPart extends RuntimeException {
    public UnreadableSpecPart(Path file, String reason) {
        super(file + ": " + reason);
    }
}
