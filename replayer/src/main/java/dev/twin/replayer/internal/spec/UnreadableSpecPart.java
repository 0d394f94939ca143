package dev.twin.replayer.internal.spec;

import java.nio.file.Path;

/**
 * A part of a spec (an operation, a component) that swagger's model reader refuses. Parts are read lazily to keep
 * start-up fast; the full check of a new version of a spec ({@link SpecCheck}) reads every part once and turns
 * this into a problem at its place, so a spec that passed the check never throws it while serving.
 */
public final class UnreadableSpecPart extends RuntimeException {
    private final String pointer;
    private final String reason;

    /**
     * @param pointer where in the document, as a JSON Pointer
     * @param reason  what is wrong there, in the user's terms
     */
    public UnreadableSpecPart(Path file, String pointer, String reason) {
        super(file + ": " + pointer + ": " + reason);
        this.pointer = pointer;
        this.reason = reason;
    }

    public String pointer() {
        return pointer;
    }

    public String reason() {
        return reason;
    }
}
