package dev.twin.inference.path;

import dev.twin.inference.InferenceException;
import dev.twin.replayer.internal.spec.SpecException;
import dev.twin.replayer.internal.spec.SpecLoader;
import dev.twin.replayer.internal.startup.StartupCache;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official spec as the prior: its path templates and operation ids, matched against recorded requests before
 * anything is inferred. Templates with more literal segments win ({@code /customers/search} over
 * {@code /customers/{customer}}).
 */
public final class SpecPaths {
    private record Entry(PathTemplate template, Pattern regex, int literals, Map<String, String> operationIds) {
    }

    private final List<Entry> entries = new ArrayList<>();

    private SpecPaths() {
    }

    public static SpecPaths load(Path spec) {
        try {
            // the official spec becomes an import of the inferred twin.yaml: refuse now what serve would refuse
            SpecLoader.load(spec, "official", StartupCache.DISABLED);
        } catch (SpecException e) {
            throw new InferenceException(e.getMessage(), e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIParser().readLocation(spec.toAbsolutePath().toUri().toString(), null,
                options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new InferenceException(spec + " is not an OpenAPI document: "
                    + (result.getMessages() == null || result.getMessages().isEmpty() ? "no paths"
                    : result.getMessages().get(0)));
        }
        SpecPaths paths = new SpecPaths();
        api.getPaths().forEach((template, item) -> paths.add(template, item));
        paths.entries.sort(Comparator.comparingInt((Entry e) -> -e.literals).thenComparing(e -> e.template.template()));
        return paths;
    }

    private void add(String template, PathItem item) {
        Map<String, String> ids = new java.util.TreeMap<>();
        for (Map.Entry<PathItem.HttpMethod, Operation> op : item.readOperationsMap().entrySet()) {
            String id = op.getValue().getOperationId();
            ids.put(op.getKey().name(), id == null ? op.getKey().name().toLowerCase() + template : id);
        }
        List<String> params = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+?)");
            params.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        for (String segment : PathTrie.segments(template)) {
            if (!segment.contains("{")) {
                literals++;
            }
        }
        entries.add(new Entry(new PathTemplate(template, params, List.of("official spec")),
                Pattern.compile(regex.toString()), literals, ids));
    }

    /** The spec's template for this request, when the spec has that path with that method. */
    public Optional<PathMatch> match(String method, String path) {
        for (Entry entry : entries) {
            if (!entry.operationIds.containsKey(method)) {
                continue;
            }
            Matcher m = entry.regex.matcher(path);
            if (m.matches()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    values.add(m.group(i));
                }
                return Optional.of(new PathMatch(entry.template, values));
            }
        }
        return Optional.empty();
    }

    public String operationId(String method, String template) {
        for (Entry entry : entries) {
            if (entry.template.template().equals(template)) {
                return entry.operationIds.get(method);
            }
        }
        return null;
    }
}
