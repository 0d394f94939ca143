package dev.twin.replayer.internal.scenario;

import dev.twin.replayer.internal.journal.AnswerOrigin;
import dev.twin.replayer.internal.journal.RequestCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.Expression;
import dev.twin.replayer.config.ScenarioAnswer;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.regex.RegexBudgetExceeded;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantResolver;
import dev.twin.replayer.internal.validation.DecodedRequest;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Answers requests a scenario applies to, after validation and before the tables: the scenario a client names in
 * {@code Twin-Scenario}, else the first scenario of the operation (file order) whose {@code when.match} is true.
 * Other requests go on to {@code next}. Without {@code set} the operation never runs; with {@code set} it runs
 * first and the row it wrote is changed afterwards (in a second transaction of the same tenant).
 */
public final class ScenarioResponder implements Responder {
    /** The request header that forces a named scenario for one request. */
    public static final String HEADER = "Twin-Scenario";
    private static final System.Logger LOG = System.getLogger(ScenarioResponder.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScenarioBook book;
    private final OperationTables tables;
    private final Responder next;
    private final StateStore store;
    private final TenantResolver tenants;
    private final Function<RoutedRequest, TwinResponse> specAnswer;
    private final ToLongFunction<dev.twin.replayer.config.LatencySpec> latency;
    private final Function<java.util.function.Supplier<TwinResponse>, TwinResponse> asOneChange;
    private final ScenarioErrors errors = new ScenarioErrors();
    private final java.util.Set<String> switchedOff;

    /**
     * @param specAnswer the spec's answer, for scenarios that only add latency to an operation no table answers
     * @param latency    draws a delay (the fault module's seeded random)
     * @param asOneChange runs an operation and its {@code set} so that listeners see one net change per row
     */
    public ScenarioResponder(ScenarioBook book, OperationTables tables, Responder next, StateStore store,
                             TenantResolver tenants, Function<RoutedRequest, TwinResponse> specAnswer,
                             ToLongFunction<dev.twin.replayer.config.LatencySpec> latency,
                             Function<java.util.function.Supplier<TwinResponse>, TwinResponse> asOneChange) {
        this(book, tables, next, store, tenants, specAnswer, latency, asOneChange, java.util.Set.of());
    }

    /**
     * @param switchedOff names of scenarios switched off at runtime: never chosen by their {@code when.match}
     *                    (a client naming one in {@code Twin-Scenario} still gets it); read on every request
     */
    public ScenarioResponder(ScenarioBook book, OperationTables tables, Responder next, StateStore store,
                             TenantResolver tenants, Function<RoutedRequest, TwinResponse> specAnswer,
                             ToLongFunction<dev.twin.replayer.config.LatencySpec> latency,
                             Function<java.util.function.Supplier<TwinResponse>, TwinResponse> asOneChange,
                             java.util.Set<String> switchedOff) {
        this.switchedOff = switchedOff;
        this.book = book;
        this.tables = tables;
        this.next = next;
        this.store = store;
        this.tenants = tenants;
        this.specAnswer = specAnswer;
        this.latency = latency;
        this.asOneChange = asOneChange;
    }

    @Override
    public Optional<TwinResponse> respond(RoutedRequest routed, DecodedRequest decoded) {
        String forced = routed.request().header(HEADER);
        String operationId = routed.operation().id();
        if (forced == null && book.forOperation(operationId).isEmpty()) {
            return next.respond(routed, decoded);
        }
        String tenant = tenants.tenantOf(routed.request());
        RequestFacts facts = new RequestFacts(routed, decoded, tenant, () -> storedRow(routed, tenant),
                book.magic());
        CompiledScenario chosen;
        if (forced != null) {
            Optional<CompiledScenario> named = book.named(forced.trim());
            if (named.isEmpty()) {
                return Optional.of(unknownScenario(routed, forced.trim()));
            }
            chosen = named.get();
        } else {
            try {
                chosen = firstMatching(operationId, facts);
            } catch (MatchOverBudget over) {
                return Optional.of(overBudget(routed, over));
            }
            if (chosen == null) {
                return next.respond(routed, decoded);
            }
        }
        CompiledScenario scenario = chosen;
        TwinResponse answer = asOneChange.apply(() -> answer(scenario, routed, decoded, tenant, facts));
        RequestCapture.answeredBy(AnswerOrigin.Kind.SCENARIO, scenario.name());
        return Optional.of(answer);
    }

    @Override
    public Optional<TwinResponse> rejection(RoutedRequest routed, TwinError error) {
        return next.rejection(routed, error);
    }

    private CompiledScenario firstMatching(String operationId, RequestFacts facts) {
        for (CompiledScenario scenario : book.forOperation(operationId)) {
            if (!switchedOff.isEmpty() && switchedOff.contains(scenario.name())) {
                continue;
            }
            Expression match = scenario.scenario().match();
            if (match == null) {
                return scenario;
            }
            try {
                if (Boolean.TRUE.equals(match.evaluate(facts.context(scenario.matchReadsRow())))) {
                    return scenario;
                }
            } catch (JexlException e) {
                RegexBudgetExceeded exceeded = RegexBudgetExceeded.in(e);
                if (exceeded != null) {
                    throw new MatchOverBudget(scenario, match, exceeded);
                }
                LOG.log(System.Logger.Level.WARNING, "scenario " + scenario.name() + ": when.match at "
                        + match.location() + " failed, treated as not matching: " + e.getMessage());
            }
        }
        return null;
    }

    /** A scenario's match stopped by the regex budget: no scenario can be chosen with certainty. */
    private static final class MatchOverBudget extends RuntimeException {
        private final CompiledScenario scenario;
        private final Expression match;

        MatchOverBudget(CompiledScenario scenario, Expression match, RegexBudgetExceeded cause) {
            super(cause.getMessage(), cause, false, false);
            this.scenario = scenario;
            this.match = match;
        }
    }

    /**
     * A 400 in the API's error shape: answering as if the scenario did not match could silently skip the error the
     * test wanted, and holding the request until the regex finished once took minutes.
     */
    private TwinResponse overBudget(RoutedRequest routed, MatchOverBudget over) {
        String message = "Scenario '" + over.scenario.name() + "' could not be decided for this request: its "
                + "when.match at " + over.match.location() + " was stopped: " + over.getMessage() + ".";
        LOG.log(System.Logger.Level.WARNING, message);
        return errors.render(routed.request(), tables.errors(routed.operation().id()), ErrorKind.VALIDATION_ERROR,
                message, null, null, 400, null, null, null);
    }

    private TwinResponse answer(CompiledScenario scenario, RoutedRequest routed, DecodedRequest decoded,
                                String tenant, RequestFacts facts) {
        ScenarioAnswer then = scenario.scenario().then();
        String operationId = routed.operation().id();
        TwinResponse response;
        if (then.fault() != null) {
            response = then.fault().response();
        } else {
            JsonNode result = null;
            TwinResponse operationAnswer = null;
            if (!then.set().isEmpty() && tables.target(operationId) != null) {
                operationAnswer = operate(routed, decoded);
                if (operationAnswer.status() >= 300) {
                    return operationAnswer; // the operation itself refused: its error, unchanged
                }
                result = applySet(then.set(), operationId, routed, tenant, facts, operationAnswer);
            }
            if (then.error() != null) {
                Map<String, Object> model = facts.model(resultVariable(result));
                String message = scenario.message().render(model).asText();
                JsonNode extra = scenario.extra() == null ? null : scenario.extra().render(model);
                response = errors.render(routed.request(), tables.errors(operationId), then.error(), message,
                        extra, result);
            } else if (scenario.body() != null) {
                JsonNode body = scenario.body().render(facts.model(resultVariable(result)));
                response = json(then.status() == null ? 200 : then.status(), body);
            } else {
                TwinResponse base = operationAnswer != null ? withBody(operationAnswer, result)
                        : operate(routed, decoded);
                response = then.status() == null ? base : base.withStatus(then.status());
            }
        }
        for (Map.Entry<String, String> header : then.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        if (then.latency() != null) {
            response = response.delayedBy(latency.applyAsLong(then.latency()));
        }
        return response.withHeader("Twin-Scenario", scenario.name());
    }

    /** The operation's usual answer: its table's, else the spec's. */
    private TwinResponse operate(RoutedRequest routed, DecodedRequest decoded) {
        return next.respond(routed, decoded).orElseGet(() -> specAnswer.apply(routed));
    }

    /** Merges {@code set} into the row the operation wrote; returns its answer's body with the same fields set. */
    private JsonNode applySet(Map<String, Expression> set, String operationId, RoutedRequest routed, String tenant,
                              RequestFacts facts, TwinResponse operationAnswer) {
        OperationTables.Target target = tables.target(operationId);
        JsonNode answered = parse(operationAnswer.body());
        String id = answered != null && answered.hasNonNull(target.table().idField())
                ? answered.get(target.table().idField()).asText()
                : target.idParam() == null ? null : routed.pathParams().get(target.idParam());
        if (id == null) {
            return answered;
        }
        ObjectNode changes = store.inTransaction(tenant, state -> {
            Optional<Row> row = state.get(target.table().name(), id);
            if (row.isEmpty()) {
                return null;
            }
            ObjectNode data = row.get().data();
            facts.row(PlainValues.toPlain(data));
            MapContext context = facts.context(true);
            ObjectNode values = JSON.createObjectNode();
            set.forEach((field, expression) -> values.set(field, PlainValues.toJson(expression.evaluate(context))));
            data.setAll(values);
            state.replace(target.table().name(), id, data);
            return values;
        });
        if (changes != null && answered instanceof ObjectNode object) {
            object.setAll(changes);
        }
        return answered;
    }

    private Object storedRow(RoutedRequest routed, String tenant) {
        OperationTables.Target target = tables.target(routed.operation().id());
        String id = target == null || target.idParam() == null ? null : routed.pathParams().get(target.idParam());
        if (id == null) {
            return null;
        }
        return store.inTransaction(tenant, state -> state.get(target.table().name(), id)
                .map(row -> PlainValues.toPlain(row.data())).orElse(null));
    }

    private TwinResponse unknownScenario(RoutedRequest routed, String name) {
        String known = book.names().isEmpty() ? "this twin has no scenarios"
                : "known: " + String.join(", ", book.names());
        return errors.render(routed.request(), tables.errors(routed.operation().id()), ErrorKind.VALIDATION_ERROR,
                "Unknown scenario '" + name
                + "' in the " + HEADER + " header; " + known, HEADER, null, 400, null, null, null);
    }

    private static TwinResponse withBody(TwinResponse response, JsonNode body) {
        if (body == null) {
            return response;
        }
        return json(response.status(), body);
    }

    private static TwinResponse json(int status, JsonNode body) {
        try {
            return new TwinResponse(status, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static Map<String, Object> resultVariable(JsonNode result) {
        Map<String, Object> extra = new java.util.HashMap<>();
        extra.put("result", plain(result));
        return extra;
    }

    private static Object plain(JsonNode node) {
        return node == null ? null : PlainValues.toPlain(node);
    }
}
