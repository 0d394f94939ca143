package dev.twin.replayer.internal.response;

import dev.twin.replayer.internal.http.TwinResponse;

import java.util.Objects;

/**
 * A response and where it came from.
 *
 * @param note a short remark for the request journal (e.g. the validation warnings in warn mode), or null
 */
public record Answer(TwinResponse response, AnswerSource source, String note) {
    public Answer {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(source, "source");
    }

    public static Answer of(TwinResponse response, AnswerSource source) {
        return new Answer(response, source, null);
    }

    public Answer withNote(String newNote) {
        return new Answer(response, source, newNote);
    }
}
