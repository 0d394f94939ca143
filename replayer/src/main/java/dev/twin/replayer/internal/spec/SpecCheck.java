package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.util.OpenAPIDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The full check of one version of a spec, everything the lazy start-up leaves for later: swagger-parser's reading
 * of the whole document, swagger's model reader over every part twin would read, every {@code $ref}, and the
 * operations the index already showed cannot be served as written (a route taken twice, an id used twice). Costs
 * about as much as building the whole model (seconds on Stripe's spec), so {@link SpecLoader} runs it once per
 * content checksum and keeps the {@link SpecVerdict}.
 */
final class SpecCheck {
    /** A broken generated spec can hold thousands of problems; the first ones say what is wrong. */
    static final int MAX_PER_SEVERITY = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecCheck() {
    }

    /**
     * @param original          the file as written, where problems are located
     * @param document          the document as served (for Swagger 2.0, its OpenAPI 3 conversion)
     * @param swagger2          the Swagger 2.0 document as JSON and the converter's messages about it; null for
     *                          OpenAPI 3 documents
     * @param routing           what the index showed about routes taken twice
     */
    static SpecVerdict run(SpecText original, SpecDocument document, Swagger2 swagger2, List<SpecProblem> routing) {
        JsonNode served = tree(document.json());
        // a Swagger 2.0 document's references are followed in the document as written, so each is shown at its
        // own pointer (#/definitions/Pet); operations have the same pointers in both
        JsonNode written = swagger2 == null ? served : tree(swagger2.json());
        List<SpecProblem> references = SpecReferences.problems(written);
        // swagger-parser's reading and swagger's model reader each take about half: side by side on two threads
        CompletableFuture<List<SpecProblem>> swaggerParser = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                swaggerParser.complete(swagger2 == null ? swaggerParserProblems(served)
                        : messageProblems(swagger2.messages(), written));
            } catch (RuntimeException | StackOverflowError e) {
                // swagger-parser's failure, not the spec's verdict: said, and the rest of the check stands
                swaggerParser.complete(List.of(SpecProblem.warning("", "swagger-parser could not read the whole "
                        + "document (" + e.getClass().getSimpleName() + "); its checks were skipped")));
            }
        }, "twin-spec-check");
        reader.setDaemon(true);
        reader.start();
        List<SpecProblem> unreadable = document.unreadableParts();
        List<SpecProblem> errors = new ArrayList<>();
        List<SpecProblem> warnings = new ArrayList<>(routing);
        warnings.addAll(document.renamings());
        for (SpecProblem problem : swaggerParser.join()) {
            (problem.isError() ? errors : warnings).add(problem);
        }
        for (SpecProblem part : unreadable) {
            if (errors.stream().noneMatch(e -> overlaps(e.pointer(), part.pointer()))) {
                errors.add(part);
            }
        }
        warnings.addAll(references);
        List<SpecProblem> problems = new ArrayList<>(located(original, capped(distinct(errors))));
        problems.addAll(located(original, capped(distinct(warnings))));
        return new SpecVerdict(problems);
    }

    /** What swagger-parser's reading of a whole OpenAPI 3 document says about it. */
    private static List<SpecProblem> swaggerParserProblems(JsonNode document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return messageProblems(new OpenAPIDeserializer().deserialize(document, null, options).getMessages(),
                document);
    }

    private static List<SpecProblem> messageProblems(List<String> messages, JsonNode about) {
        List<SpecProblem> problems = new ArrayList<>();
        for (String message : messages == null ? List.<String>of() : messages) {
            SpecProblem problem = SwaggerMessages.problem(message, about);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** A Swagger 2.0 document as JSON, and what swagger-parser's converter said about it. */
    record Swagger2(byte[] json, List<String> messages) {
    }

    /** One problem per place and wording (swagger-parser repeats some). */
    private static List<SpecProblem> distinct(List<SpecProblem> problems) {
        Map<String, SpecProblem> unique = new LinkedHashMap<>();
        problems.forEach(p -> unique.putIfAbsent(p.pointer() + "\n" + p.message(), p));
        return new ArrayList<>(unique.values());
    }

    private static List<SpecProblem> capped(List<SpecProblem> problems) {
        if (problems.size() <= MAX_PER_SEVERITY) {
            return problems;
        }
        List<SpecProblem> first = new ArrayList<>(problems.subList(0, MAX_PER_SEVERITY));
        SpecProblem last = first.get(first.size() - 1);
        first.add(new SpecProblem(last.severity(), "", 0, 0, "... and " + (problems.size() - MAX_PER_SEVERITY)
                + " more " + (last.isError() ? "errors" : "warnings") + " like these", List.of()));
        return first;
    }

    /** Each problem at its line in the file as written (one pass for all), in the order of the file. */
    private static List<SpecProblem> located(SpecText original, List<SpecProblem> problems) {
        Map<String, PointerLocator.Position> positions = PointerLocator.locateAll(original.bytes(), original.json(),
                problems.stream().map(SpecProblem::pointer).toList());
        List<SpecProblem> result = new ArrayList<>();
        for (SpecProblem problem : problems) {
            PointerLocator.Position at = positions.get(problem.pointer());
            result.add(problem.message().startsWith("... and ") ? problem : problem.at(at.line(), at.column()));
        }
        result.sort(Comparator.comparingInt((SpecProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                .thenComparingInt(SpecProblem::column));
        return result;
    }

    /** The same place, or one inside the other: one problem is enough there. */
    private static boolean overlaps(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() && (a.equals(b) || b.startsWith(a + "/") || a.startsWith(b + "/"));
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a spec that indexed cannot be read again", e);
        }
    }
}
