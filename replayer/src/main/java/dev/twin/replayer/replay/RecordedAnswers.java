package dev.twin.replayer.replay;

import dev.twin.replayer.http.TwinRequest;
import dev.twin.replayer.response.Answer;
import dev.twin.replayer.response.AnswerSource;
import dev.twin.replayer.routing.RoutedRequest;

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

    RecordedAnswers(Map<String, List<RecordedSequence>> byOperation,
                    Map<String, List<RecordedSequence>> byExactPath) {
        this.byOperation = Map.copyOf(byOperation);
        this.byExactPath = Map.copyOf(byExactPath);
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
