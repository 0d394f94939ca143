package dev.twin.inference.output;

import dev.twin.inference.InferredTwin;
import dev.twin.inference.operation.OperationStats;
import dev.twin.inference.path.PathTemplate;
import dev.twin.inference.resource.Resource;

import java.util.Map;

/** inference-report.md: what was found, the evidence and confidence of each decision, and what is left for a human. */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static String write(InferredTwin twin, OpenApiWriter openApi) {
        StringBuilder md = new StringBuilder();
        md.append("# Inference report\n\n");
        md.append("Source: ").append(twin.source());
        if (twin.options().host() != null) {
            md.append(", host ").append(twin.options().host());
        }
        if (twin.spec() != null) {
            md.append(", official spec ").append(twin.spec().getFileName());
        }
        md.append(". Seeds: ").append(twin.options().seedMode().name().toLowerCase()).append(" state.\n\n");
        md.append("| exchanges | count |\n|---|---|\n");
        twin.counts().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        long operations = twin.operations().values().stream().mapToLong(Map::size).sum();
        md.append("\n").append(twin.inferredPaths().size()).append(" inferred paths, ").append(operations)
                .append(" operations (").append(twin.specOperationIds().size())
                .append(" matched to the official spec), ").append(twin.resources().size()).append(" tables.\n");

        md.append("\n## Paths\n\n");
        for (PathTemplate path : twin.inferredPaths()) {
            md.append("- `").append(path.template()).append("`");
            Map<String, OperationStats> ops = twin.operations().get(path.template());
            if (ops != null) {
                md.append(" — ");
                ops.forEach((method, op) -> md.append(method).append(" ×").append(op.count()).append(" (")
                        .append(openApi.operationIdOf(op)).append(") "));
            }
            md.append("\n");
            for (String evidence : path.evidence()) {
                md.append("  - ").append(evidence).append(evidence.contains("evidence:") ? " — medium confidence"
                        : " — high confidence").append("\n");
            }
        }
        if (!twin.specOperationIds().isEmpty()) {
            md.append("\nMatched to the official spec (not re-inferred):\n\n");
            twin.specOperationIds().forEach((k, id) -> md.append("- `").append(k).append("` → ").append(id)
                    .append("\n"));
        }

        md.append("\n## Tables\n\n");
        if (twin.resources().isEmpty()) {
            md.append("No collection/item pair with a successful get or create was found: no tables.\n");
        }
        for (Resource resource : twin.resources()) {
            md.append("### ").append(resource.table()).append("\n\n");
            md.append("- collection `").append(resource.collectionPath()).append("`, item `")
                    .append(resource.itemPath()).append("`\n");
            md.append("- actions: ");
            resource.actions().forEach((action, op) -> md.append(action).append(" = `").append(op.method())
                    .append(" ").append(op.path().template()).append("`; "));
            md.append("\n- schema component: `").append(resource.componentName()).append("`\n");
            for (String evidence : resource.evidence()) {
                md.append("- ").append(evidence).append("\n");
            }
            md.append("\n");
        }

        md.append("## Conventions\n\n");
        md.append("- timestamps: ").append(twin.timestampFormat() == null ? "no timestamp field recognised"
                : twin.timestampFormat() + " (the most common format among the tables)").append("\n");
        for (String evidence : twin.evidence()) {
            md.append("- ").append(evidence).append("\n");
        }
        if (!twin.replayed().isEmpty()) {
            long requests = twin.replayed().stream().map(e -> e.request().method() + " " + e.request().path())
                    .distinct().count();
            md.append("- ").append(twin.replayed().size()).append(" recorded exchanges (").append(requests)
                    .append(" distinct requests) of operations no table answers are in ")
                    .append(TwinFiles.RECORDINGS_FILE).append(" (`replay:`): the twin answers such a request with"
                            + " the recorded answer to the closest recorded request, in recorded order\n");
        }
        if (!twin.apiHeaders().isEmpty()) {
            md.append("- headers on every answer, with one value each time (sent by the twin too): ")
                    .append(twin.apiHeaders()).append("\n");
        }

        md.append("\n## Left for a human\n\n");
        if (twin.forHuman().isEmpty()) {
            md.append("Nothing: every operation seen is bound to a table and every path was unambiguous.\n");
        }
        for (String item : twin.forHuman()) {
            md.append("- ").append(item).append("\n");
        }
        md.append("\nSeed rows and specs are scrubbed: emails moved to example.com, phone numbers replaced by "
                + "+15005550006, card-like numbers by 4242424242424242, secrets and redacted credentials by "
                + "'scrubbed'.\n");
        return md.toString();
    }
}
