package dev.twin.replayer.internal.replay;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.response.Answer;
import dev.twin.replayer.internal.response.AnswerSource;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.state.SharedCursors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recorded responses a twin answers from ({@code replay:} in twin.yaml), indexed once when the configuration
 * loads: by operation for recorded requests the twin's router matches, by exact method and path for the others.
 * A request is answered by the sequence recorded for the closest request ({@link ClosestSequence}), in recorded
 * order. Cursors are shared by every tenant; {@link #rewind()} (a full {@code POST /__twin/reset}) starts them over.
 */
public final class RecordedAnswers {
    /** Nothing recorded: every request falls through to the spec. */
    public static final RecordedAnswers NONE = new RecordedAnswers(Map.of(), Map.of());

    private final Map<String, List<RecordedSequence>> byOperation;
    private final Map<String, List<RecordedSequence>> byExactPath;
    /** Null: each sequence counts here. */
    private final SharedCursors shared;

    RecordedAnswers(Map<String, List<RecordedSequence>> byOperation,
                    Map<String, List<RecordedSequence>> byExactPath) {
        this(byOperation, byExactPath, null);
    }

    private RecordedAnswers(Map<String, List<RecordedSequence>> byOperation,
                            Map<String, List<RecordedSequence>> byExactPath, SharedCursors shared) {
        this.byOperation = Map.copyOf(byOperation);
        this.byExactPath = Map.copyOf(byExactPath);
        this.shared = shared;
    }

    /**
     * The same answers with their cursors in {@code cursors}, shared by every replica (null: counted here). A
     * sequence's key is its operation (or method and path) and its place among that operation's sequences, which is
     * the same on every replica that loaded the same recordings.
     */
    public RecordedAnswers sharedThrough(SharedCursors cursors) {
        if (cursors == null || size() == 0) {
            return this;
        }
        return new RecordedAnswers(counted(byOperation, "op ", cursors), counted(byExactPath, "path ", cursors),
                cursors);
    }

    private static Map<String, List<RecordedSequence>> counted(Map<String, List<RecordedSequence>> index,
                                                               String kind, SharedCursors cursors) {
        Map<String, List<RecordedSequence>> result = new java.util.HashMap<>();
        index.forEach((key, sequences) -> {
            List<RecordedSequence> shared = new java.util.ArrayList<>();
            for (int i = 0; i < sequences.size(); i++) {
                shared.add(sequences.get(i).countedBy(cursors, kind + key + " #" + i));
            }
            result.put(key, List.copyOf(shared));
        });
        return result;
    }

    /**
     * The recorded answer for a request the router matched, or empty when nothing was recorded for its operation.
     *
     * @param note a remark already made about the request (validation warnings), kept in the answer's note
     */
    public Optional<Answer> answer(RoutedRequest routed, String note) {
        List<RecordedSequence> recorded = byOperation.get(routed.operation().id());
        if (recorded == null) {
            return Optional.empty();
        }
        TwinRequest request = routed.request();
        RequestShape shape = RequestShape.of(request.rawQuery(), routed.pathParams(), request.header("content-type"),
                request.body());
        return Optional.of(replay(ClosestSequence.among(recorded, shape), note));
    }

    /**
     * The recorded answer for a request no operation matched, when one was recorded with the same method and path.
     *
     * @param rawPath the path as sent (percent-encoding kept), without the query
     */
    public Optional<Answer> answerUnrouted(TwinRequest request, String rawPath) {
        if (byExactPath.isEmpty()) {
            return Optional.empty();
        }
        List<RecordedSequence> recorded = byExactPath.get(exactPathKey(request.method(), rawPath));
        if (recorded == null && request.method().equals("HEAD")) {
            recorded = byExactPath.get(exactPathKey("GET", rawPath)); // as the router routes HEAD to GET
        }
        if (recorded == null) {
            return Optional.empty();
        }
        RequestShape shape = RequestShape.of(request.rawQuery(), Map.of(), request.header("content-type"),
                request.body());
        return Optional.of(replay(ClosestSequence.among(recorded, shape), null));
    }

    /** Every sequence starts again from its first recorded response. */
    public void rewind() {
        if (shared != null) {
            shared.rewind();
            return;
        }
        byOperation.values().forEach(list -> list.forEach(RecordedSequence::rewind));
        byExactPath.values().forEach(list -> list.forEach(RecordedSequence::rewind));
    }

    /** How many recorded responses can be replayed. */
    public int size() {
        return count(byOperation) + count(byExactPath);
    }

    static String exactPathKey(String method, String rawPath) {
        return method + " " + rawPath;
    }

    private static Answer replay(ClosestSequence.Match match, String note) {
        RecordedReply reply = match.sequence().next();
        String source = "recording #" + reply.exchangeId() + " of session " + reply.session()
                + (match.closeness() == 1 ? "" : String.format(" (closest recorded request, %.0f%% alike)",
                match.closeness() * 100));
        return new Answer(reply.response(), AnswerSource.RECORDING, note == null ? source : source + "; " + note);
    }

    private static int count(Map<String, List<RecordedSequence>> index) {
        return index.values().stream().flatMap(List::stream).mapToInt(RecordedSequence::size).sum();
    }
}
