package dev.twin.replayer.internal.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report as JSON ({@code twin verify --report FILE}): the same facts as the text, one object per divergence. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static ObjectNode of(VerifyReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", report.score()).put("minScore", report.minScore()).put("passed", report.passed())
                .put("compared", report.compared().size()).put("skipped", report.skipped())
                .put("divergences", report.divergenceCount());
        ArrayNode sessions = root.putArray("sessions");
        for (SessionResult session : report.sessions()) {
            ArrayNode hosts = sessions.addObject().put("name", session.session())
                    .put("compared", session.compared().size()).put("skipped", session.skipped()).putArray("hosts");
            session.hosts().stream().sorted().forEach(hosts::add);
        }
        ObjectNode answeredBy = root.putObject("answeredBy");
        report.answeredBy().forEach(answeredBy::put);
        ArrayNode operations = root.putArray("operations");
        for (VerifyReport.OperationScore operation : report.byOperation()) {
            operations.addObject().put("operation", operation.operation()).put("exchanges", operation.exchanges())
                    .put("divergences", operation.divergences()).put("score", operation.score());
        }
        ArrayNode exchanges = root.putArray("exchanges");
        for (ExchangeResult result : report.compared()) {
            ObjectNode item = exchanges.addObject().put("id", result.exchangeId()).put("method", result.method())
                    .put("path", result.path()).put("operation", result.operation())
                    .put("source", result.source())
                    .put("recordedStatus", result.recordedStatus()).put("twinStatus", result.twinStatus())
                    .put("facets", result.facets()).put("equalFacets", result.equalFacets())
                    .put("score", result.score());
            ArrayNode divergences = item.putArray("divergences");
            for (Divergence divergence : result.divergences()) {
                divergences.addObject().put("kind", divergence.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .put("where", divergence.where()).put("recorded", divergence.recorded())
                        .put("twin", divergence.twin()).put("text", divergence.describe());
            }
        }
        return root;
    }

    public static void write(VerifyReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), of(report));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write the report " + file + ": " + e.getMessage(), e));
        }
    }
}
