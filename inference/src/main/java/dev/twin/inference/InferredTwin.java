package dev.twin.inference;

import dev.twin.inference.operation.AnswerLayout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.operation.WriteCounterHeader;
import dev.twin.inference.path.PathTemplate;
import dev.twin.inference.resource.ErrorConventions;
import dev.twin.inference.resource.Resource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything inference decided, ready to be written.
 *
 * @param operations       template → method → merged operation (inferred and spec-matched)
 * @param specOperationIds "METHOD template" → official operationId, for operations the official spec covers
 * @param errors           the `conventions.errors` section (empty: defaults)
 * @param seeds            table → rows for its seed file (scrubbed)
 * @param counts           exchanges read, used, skipped (failed, other host, not JSON …), for the report
 * @param evidence         global decisions and what was left for a human
 * @param writeCounter     the header counting accepted writes, or null when the API sends none
 * @param replayed         the recorded exchanges of operations no table answers, for the twin to replay
 */
public record InferredTwin(String source, InferenceOptions options, List<PathTemplate> inferredPaths,
                           TreeMap<String, TreeMap<String, OperationStats>> operations,
                           Map<String, String> specOperationIds, List<Resource> resources,
                           ErrorConventions errors, String timestampFormat,
                           Map<String, List<ObjectNode>> seeds, Map<String, Long> counts,
                           List<String> evidence, List<String> forHuman, Path spec,
                           List<dev.twin.inference.transition.Transition> transitions,
                           Map<String, String> apiHeaders, AnswerLayout.Result answerLayout,
                           List<String> ownOrigins, WriteCounterHeader.Found writeCounter,
                           List<dev.twin.recorder.Exchange> replayed) {
}
