package dev.twin.replayer.internal.plain;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.Answer;
import dev.twin.replayer.internal.response.SpecResponder;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.startup.StartupCache;
import dev.twin.replayer.internal.validation.DecodedRequest;
import dev.twin.replayer.internal.validation.OperationValidator;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link PlainAnswer}s of the specs one configuration serves: those an earlier launch stored, looked up per
 * request, and those this launch learns (off the event loop, after an operation's first answer) and stores for
 * the next one. One cache entry per spec and namespace (the namespace is part of every operation id and of the
 * seed of generated bodies).
 */
public final class PlainAnswers {
    /** No cache: never finds, never learns. */
    public static final PlainAnswers NONE = new PlainAnswers(StartupCache.DISABLED, Map.of(), Map.of());

    private final StartupCache cache;
    private final Map<String, PlainAnswer> stored;
    /** Namespace to the spec's cache key, for the specs that are cached. */
    private final Map<String, String> keys;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, PlainAnswer>> learned = new ConcurrentHashMap<>();

    private PlainAnswers(StartupCache cache, Map<String, PlainAnswer> stored, Map<String, String> keys) {
        this.cache = cache;
        this.stored = stored;
        this.keys = keys;
    }

    /** Reads the stored answers of every cached spec; a missing, stale or corrupt entry reads as none. */
    public static PlainAnswers load(StartupCache cache, List<SpecDocument> specs) {
        Map<String, String> keys = new HashMap<>();
        Map<String, PlainAnswer> stored = new HashMap<>();
        for (SpecDocument spec : specs) {
            if (spec.cacheKey() == null || !cache.enabled()) {
                continue;
            }
            keys.put(spec.namespace(), spec.cacheKey());
            cache.read(spec.cacheKey(), kind(spec.namespace())).ifPresent(in -> {
                try {
                    for (PlainAnswer answer : PlainAnswerCodec.read(in)) {
                        stored.put(answer.operationId(), answer);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // a corrupt entry: answer normally, learn again
                }
            });
        }
        return keys.isEmpty() ? NONE : new PlainAnswers(cache, Map.copyOf(stored), Map.copyOf(keys));
    }

    /** The stored answer for this request when it is a plain request the answer holds for, else null. */
    public PlainAnswer find(RoutedRequest routed) {
        if (stored.isEmpty()) {
            return null;
        }
        PlainAnswer answer = stored.get(routed.operation().id());
        return answer != null && routed.pathParams().isEmpty() && answer.fits(routed.request()) ? answer : null;
    }

    /**
     * After an operation answered through the full path: works out, once per operation and in the background,
     * how it answers a plain request, and stores that for the next launch. Cheap on the calling thread.
     */
    public void learn(RoutedRequest routed, Function<ApiOperation, OperationValidator> validators,
                      SpecResponder responder) {
        ApiOperation operation = routed.operation();
        String key = keys.get(operation.namespace());
        if (key == null || !operation.pathParameterNames().isEmpty() || stored.containsKey(operation.id())
                || !seen.add(operation.id())) {
            return;
        }
        cache.write(() -> {
            PlainAnswer answer = work(operation, validators, responder);
            if (answer == null) {
                return null;
            }
            Map<String, PlainAnswer> answers = learned.computeIfAbsent(operation.namespace(),
                    ns -> new ConcurrentHashMap<>());
            answers.put(operation.id(), answer);
            Map<String, PlainAnswer> all = new LinkedHashMap<>();
            stored.values().stream().filter(a -> a.operationId().startsWith(operation.namespace() + "."))
                    .forEach(a -> all.put(a.operationId(), a));
            all.putAll(answers);
            return new StartupCache.Entry(key, kind(operation.namespace()),
                    out -> PlainAnswerCodec.write(out, List.copyOf(all.values())));
        });
    }

    private static String kind(String namespace) {
        return "answers-" + namespace.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The plain answer of an operation, or null when it has none (invalid plain request, unusual parameters). */
    static PlainAnswer work(ApiOperation operation, Function<ApiOperation, OperationValidator> validators,
                            SpecResponder responder) {
        Operation model = operation.operation();
        if (declaresHeaderOrCookieParameters(model)) {
            return null;
        }
        List<List<PlainAnswer.Credential>> security = security(model.getSecurity(),
                operation.components().getSecuritySchemes());
        if (security == null) {
            return null;
        }
        OperationValidator validator = validators.apply(operation);
        Map<String, List<String>> credentials = new LinkedHashMap<>();
        if (!security.isEmpty()) {
            for (PlainAnswer.Credential credential : security.get(0)) {
                if (!credential.inHeader()) {
                    return null;
                }
                credentials.put(credential.name().toLowerCase(Locale.ROOT), List.of("twin-cache-probe"));
            }
        }
        TwinRequest anonymous = plainRequest(operation, Map.of());
        TwinRequest probe = plainRequest(operation, credentials);
        DecodedRequest decoded = validator.decode(probe, Map.of());
        if (!decoded.problems().isEmpty() || !decoded.queryParams().isEmpty() || !decoded.headerParams().isEmpty()
                || !decoded.cookieParams().isEmpty() || !validator.validate(decoded).isValid()) {
            return null;
        }
        // the stored credential rules must agree with the validator's
        if (validator.security().isSatisfiedBy(anonymous) != security.isEmpty()) {
            return null;
        }
        Answer answer = responder.respond(new RoutedRequest(probe, operation, Map.of()));
        if (answer.response().status() >= 300 || answer.note() != null) {
            return null;
        }
        Set<String> acceptValues = new LinkedHashSet<>();
        acceptValues.add("");
        String contentType = answer.response().headers().get("Content-Type");
        for (String accept : contentType == null ? List.of("*/*") : List.of("*/*", contentType)) {
            Map<String, List<String>> headers = new LinkedHashMap<>(credentials);
            headers.put("accept", List.of(accept));
            Answer other = responder.respond(new RoutedRequest(plainRequest(operation, headers), operation, Map.of()));
            if (same(answer, other)) {
                acceptValues.add(accept);
            }
        }
        PlainAnswer plain = new PlainAnswer(operation.id(), security, acceptValues,
                new PlainAnswer.DecodedBody(decoded.mediaType(), decoded.bodyFormat(), decoded.body()),
                answer.response(), answer.source());
        return plain.fits(probe) && plain.fits(anonymous) == security.isEmpty() ? plain : null;
    }

    private static boolean same(Answer a, Answer b) {
        return a.source() == b.source() && a.response().status() == b.response().status()
                && a.response().headers().equals(b.response().headers())
                && Arrays.equals(a.response().body(), b.response().body());
    }

    private static TwinRequest plainRequest(ApiOperation operation, Map<String, List<String>> headers) {
        return new TwinRequest(operation.method(), operation.pathTemplate(), null, Map.of(), headers, new byte[0],
                "127.0.0.1");
    }

    private static boolean declaresHeaderOrCookieParameters(Operation model) {
        if (model.getParameters() == null) {
            return false;
        }
        for (Parameter parameter : model.getParameters()) {
            String in = parameter.getIn() == null ? "" : parameter.getIn().toLowerCase(Locale.ROOT);
            if (in.equals("cookie") || (in.equals("header") && !Set.of("accept", "content-type", "authorization")
                    .contains(String.valueOf(parameter.getName()).toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The credential alternatives of the operation's (already merged) security, as the validator reads them;
     * empty = anyone may call; null = a scheme a plain request cannot show (a cookie), so no plain answer.
     */
    static List<List<PlainAnswer.Credential>> security(List<SecurityRequirement> requirements,
                                                      Map<String, SecurityScheme> schemes) {
        if (requirements == null || requirements.isEmpty()) {
            return List.of();
        }
        List<List<PlainAnswer.Credential>> alternatives = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            List<PlainAnswer.Credential> all = new ArrayList<>();
            for (String name : requirement.keySet()) {
                SecurityScheme scheme = schemes == null ? null : schemes.get(name);
                if (scheme == null || scheme.getType() == null) {
                    continue;
                }
                switch (scheme.getType()) {
                    case HTTP, OAUTH2, OPENIDCONNECT -> all.add(new PlainAnswer.Credential(true, "Authorization"));
                    case APIKEY -> {
                        if (scheme.getName() == null || scheme.getIn() == null) {
                            continue;
                        }
                        switch (scheme.getIn()) {
                            case HEADER -> all.add(new PlainAnswer.Credential(true, scheme.getName()));
                            case QUERY -> all.add(new PlainAnswer.Credential(false, scheme.getName()));
                            default -> {
                                return null;
                            }
                        }
                    }
                    default -> {
                        // mutual TLS: not visible in a request, as for the validator
                    }
                }
            }
            if (all.isEmpty()) {
                return List.of();
            }
            alternatives.add(all);
        }
        return alternatives;
    }

    /** The answers an earlier launch stored (for tests and diagnostics). */
    public Collection<PlainAnswer> stored() {
        return stored.values();
    }
}
