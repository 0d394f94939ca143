package dev.twin.replayer.internal.spec;

import java.nio.file.Path;

/**
 * A spec file's own bytes, as the user wrote them, kept to point at problems found in what they were converted to
 * (YAML and Swagger 2.0 documents are indexed as converted JSON, whose line numbers mean nothing to the user).
 *
 * @param json true when the file is JSON, false when YAML
 */
record SpecText(Path file, byte[] bytes, boolean json) {

    /** A problem located at {@code pointer} in this text (or at its nearest written ancestor). */
    SpecException problemAt(String pointer, String reason) {
        PointerLocator.Position position = PointerLocator.locate(bytes, json, pointer);
        return new SpecException(file, position.line(), position.column(), reason);
    }

    boolean has(String pointer) {
        return PointerLocator.has(bytes, json, pointer);
    }
}
