package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.convention.ErrorBodies;
import dev.twin.replayer.internal.custom.StepFailure;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.regex.BoundedRegex;
import dev.twin.replayer.internal.regex.RegexBudgetExceeded;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.state.AlreadyAnswered;
import dev.twin.replayer.internal.state.CredentialMemo;
import dev.twin.replayer.internal.state.IdempotencyCache;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantResolver;
import dev.twin.replayer.internal.state.TenantTables;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers the operations bound to tables: rejects live-looking credentials with the provider's 401, replays
 * idempotent POSTs, runs the bound action for the caller's tenant in one transaction, and turns client errors
 * into the provider's error bodies. Operations without a binding are left to the spec (empty answer).
 */
final class TableBindingResponder implements Responder {
    private static final String POST = "POST";
    /** Validation names JSON body fields {@code body.owner}; providers name them {@code owner}. */
    private static final String JSON_BODY_PREFIX = "body.";

    private final Map<String, CompiledBinding> bindings;
    private final ErrorBodies globalErrors;
    /** Whether twin.yaml declares the provider's error shape: then unbound operations refuse in it too. */
    private final boolean providerErrors;
    private final StateStore store;
    private final TenantResolver tenants;
    private final IdempotencyCache idempotency;
    /** Whether {@code credentials.reject} matches the whole credential; null without the setting. */
    private final CredentialMemo<Boolean> rejectedCredentials;

    TableBindingResponder(Map<String, CompiledBinding> bindings, ErrorBodies globalErrors, boolean providerErrors,
                          StateStore store, TenantResolver tenants, IdempotencyCache idempotency,
                          Pattern rejectPattern) {
        this.bindings = Map.copyOf(bindings);
        this.globalErrors = globalErrors;
        this.providerErrors = providerErrors;
        this.store = store;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.rejectedCredentials = rejectPattern == null ? null : new CredentialMemo<>(
                credential -> rejects(rejectPattern, credential), CredentialMemo.DEFAULT_CAPACITY);
    }

    /**
     * Whether the pattern matches the whole credential, within the regex step budget; a credential it cannot
     * decide within it is rejected (a sandbox refuses what it cannot tell from a live key).
     */
    private static boolean rejects(Pattern rejectPattern, String credential) {
        try {
            return BoundedRegex.matches(rejectPattern, credential);
        } catch (RegexBudgetExceeded undecided) {
            return true;
        }
    }

    @Override
    public Optional<TwinResponse> respond(RoutedRequest routed, DecodedRequest decoded) {
        TwinRequest request = routed.request();
        CompiledBinding binding = bindings.get(routed.operation().id());
        ErrorBodies errors = binding == null ? globalErrors : binding.errors();
        Optional<TwinResponse> rejected = rejectCredential(request, errors);
        if (rejected.isPresent() || binding == null) {
            return rejected;
        }
        String tenant = tenants.tenantOf(request);
        String key = POST.equals(request.method()) ? request.header(idempotency.header()) : null;
        String fingerprint = key == null ? null : IdempotencyCache.fingerprint(request);
        try {
            if (key != null) {
                Optional<TwinResponse> replay = idempotency.replay(tenant, key, fingerprint);
                if (replay.isPresent()) {
                    return replay;
                }
            }
            Answer answer = run(binding, routed, decoded, tenant, key, fingerprint);
            if (key != null && answer.response().status() < 500 && !answer.remembered()) {
                remember(tenant, key, fingerprint, answer.response());
            }
            return Optional.of(answer.response());
        } catch (AlreadyAnswered e) {
            return Optional.of(replayWinner(tenant, key, fingerprint, errors, request));
        } catch (StateException e) {
            return Optional.of(errors.response(e.error(), request));
        }
    }

    /** A request with the same key committed first on another replica: its answer (or the mismatch error). */
    private TwinResponse replayWinner(String tenant, String key, String fingerprint, ErrorBodies errors,
                                      TwinRequest request) {
        try {
            return idempotency.replay(tenant, key, fingerprint).orElseThrow(() -> new StateException(
                    ErrorKind.UNAVAILABLE, "A request with idempotency key '" + key + "' was answered meanwhile and"
                    + " its answer is gone; try again."));
        } catch (StateException e) {
            return errors.response(e.error(), request);
        }
    }

    /** A transaction's answer; {@code remembered}: its idempotency record went with its commit (shared state). */
    private record Answer(TwinResponse response, boolean remembered) {
    }

    /**
     * Remembers an answer no transaction remembered (in memory; with shared state, an error answered outside one);
     * when a shared store cannot take it the answer is sent all the same and the key is left unremembered.
     */
    private void remember(String tenant, String key, String fingerprint, TwinResponse response) {
        try {
            idempotency.remember(tenant, key, fingerprint, response);
        } catch (StateException e) {
            System.getLogger(TableBindingResponder.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remember idempotency key " + key + ": " + e.getMessage());
        }
    }

    /**
     * Validation refused a request: a bound operation answers in its table's error shape (a binding
     * {@code stateful: auto} derived only when twin.yaml writes an errors convention for it), any other one in the
     * provider's ({@code conventions.errors}) when twin.yaml declares it; else empty (the spec's error response).
     */
    @Override
    public Optional<TwinResponse> rejection(RoutedRequest routed, TwinError error) {
        CompiledBinding binding = bindings.get(routed.operation().id());
        ErrorBodies errors = binding == null ? globalErrors : binding.errors();
        Optional<TwinResponse> rejected = rejectCredential(routed.request(), errors);
        if (rejected.isEmpty() && error.malformedBody()) {
            rejected = errors.malformedBody(routed.request());
        }
        boolean providerShaped = binding == null ? providerErrors : binding.shapesRejections();
        if (rejected.isPresent() || !providerShaped) {
            return rejected;
        }
        String param = error.param();
        if (param != null && param.startsWith(JSON_BODY_PREFIX)) {
            param = param.substring(JSON_BODY_PREFIX.length());
        }
        return Optional.of(errors.response(new TwinError(error.kind(), error.message(), param, false, error.rule()),
                routed.request()));
    }

    /**
     * Runs the binding in one transaction. With shared state and an idempotency key, an answer the transaction gives
     * is remembered in the commit of its writes ({@link TenantTables#rememberAnswer}): both land or neither.
     */
    private Answer run(CompiledBinding binding, RoutedRequest routed, DecodedRequest decoded, String tenant,
                       String key, String fingerprint) {
        String id = binding.idParam() == null ? null : routed.pathParams().get(binding.idParam());
        Map<String, String> parents = new LinkedHashMap<>();
        for (String name : binding.parentParams()) {
            String value = routed.pathParams().get(name);
            if (value != null) {
                parents.put(binding.parentField(name), value);
            }
        }
        BoundRequest bound = new BoundRequest(routed, decoded, id, parents, expandPaths(routed.request(), decoded));
        boolean withCommit = key != null && idempotency.isShared();
        try {
            return store.inTransaction(tenant, tables -> {
                TwinResponse response;
                try {
                    for (ParentRow parent : binding.parentRows()) {
                        Optional<TwinResponse> refused = parent.refusal(routed.pathParams(), bound, tables,
                                binding.errors().status(ErrorKind.NOT_FOUND));
                        if (refused.isPresent()) {
                            return new Answer(refused.get(), false);
                        }
                    }
                    response = binding.action().get().run(bound, tables);
                } catch (StepFailure e) {
                    if (!e.commits()) {
                        throw e;
                    }
                    response = failed(binding, e, routed); // the writes before the failure are kept
                }
                if (withCommit && response.status() < 500) {
                    tables.rememberAnswer(idempotency.record(key, fingerprint, response));
                    return new Answer(response, true);
                }
                return new Answer(response, false);
            });
        } catch (StateException e) {
            return new Answer(binding.errors().response(e.error(), routed.request()), false);
        } catch (StepFailure e) {
            return new Answer(failed(binding, e, routed), false);
        }
    }

    private static TwinResponse failed(CompiledBinding binding, StepFailure e, RoutedRequest routed) {
        return binding.errors().response(e.error(), e.code(), e.status(), e.type(), e.extra(), routed.request());
    }

    private Optional<TwinResponse> rejectCredential(TwinRequest request, ErrorBodies errors) {
        if (rejectedCredentials == null) {
            return Optional.empty();
        }
        String credential = tenants.credentialOf(request);
        if (credential == null || !rejectedCredentials.get(credential)) {
            return Optional.empty();
        }
        return Optional.of(errors.response(TwinError.of(ErrorKind.UNAUTHORIZED,
                "Invalid API Key provided: " + masked(credential)), request));
    }

    /** {@code sk_live_****1234}, as Stripe shows a key it refuses: never echo a whole secret. */
    static String masked(String credential) {
        int keep = Math.min(4, credential.length() / 4);
        int prefixEnd = credential.lastIndexOf('_') + 1;
        if (prefixEnd <= 0 || prefixEnd > credential.length() - keep) {
            prefixEnd = 0;
        }
        return credential.substring(0, prefixEnd) + "*".repeat(4) + credential.substring(credential.length() - keep);
    }

    /** {@code expand[]} from the query (either spelling) and from the body ({@code expand[]=...} in a POST form). */
    private static List<String> expandPaths(TwinRequest request, DecodedRequest decoded) {
        Set<String> paths = new LinkedHashSet<>();
        for (String name : List.of("expand[]", "expand")) {
            List<String> values = request.query().get(name);
            if (values != null) {
                paths.addAll(values);
            }
        }
        addAll(paths, decoded.queryParams().get("expand"));
        if (decoded.body() != null) {
            addAll(paths, decoded.body().get("expand"));
        }
        paths.removeIf(String::isBlank);
        return new ArrayList<>(paths);
    }

    private static void addAll(Set<String> paths, JsonNode value) {
        if (value == null) {
            return;
        }
        if (value.isArray() || value.isObject()) {
            // expand[]=a, and also expand[0]=a decoded as {"0": "a"} where a schema did not say array
            value.forEach(item -> paths.add(item.asText()));
        } else if (value.isTextual()) {
            paths.add(value.textValue());
        }
    }
}
