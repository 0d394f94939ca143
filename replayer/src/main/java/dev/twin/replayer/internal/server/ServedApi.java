package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.SourceLocation;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.plain.PlainAnswers;
import dev.twin.replayer.internal.replay.RecordedAnswers;
import dev.twin.replayer.internal.response.SpecResponder;
import dev.twin.replayer.internal.routing.Router;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.spec.SpecProblem;
import dev.twin.replayer.internal.state.TenantResolver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the server answers from for one loaded configuration: the config, its specs, the router, the spec
 * responder and the per-operation request checks. Immutable as far as callers can tell (caches fill lazily);
 * {@code --watch} builds a new one and swaps it in whole.
 */
public final class ServedApi {
    private final TwinConfig config;
    private final List<SpecDocument> specs;
    private final Router router;
    private final Map<String, ApiOperation> operationsById;
    private final Map<String, String> unservable;
    private final List<ConfigProblem> specWarnings;
    private final SpecResponder responder = new SpecResponder();
    private final RequestChecks checks;
    private final ApiAnswerStyle style;
    private final TenantResolver tenants;
    private final Cors cors;
    private final boolean stripeMock;
    private volatile Responder stateful = Responder.NONE;
    private volatile RecordedAnswers replay = RecordedAnswers.NONE;
    private volatile PlainAnswers plainAnswers = PlainAnswers.NONE;

    ServedApi(TwinConfig config, List<SpecDocument> specs, Router router) {
        this.config = config;
        this.specs = List.copyOf(specs);
        this.router = router;
        this.operationsById = router.operations().stream()
                .collect(Collectors.toUnmodifiableMap(ApiOperation::id, Function.identity()));
        Map<String, String> broken = new HashMap<>();
        List<ConfigProblem> warnings = new ArrayList<>();
        for (SpecDocument spec : this.specs) {
            for (SpecProblem warning : spec.warnings()) {
                warnings.add(new ConfigProblem(new SourceLocation(spec.file(), warning.line(), warning.column()),
                        warning.message()));
            }
            for (ApiOperation operation : spec.operations()) {
                SpecProblem problem = spec.unservable(operation);
                if (problem != null) {
                    broken.put(operation.id(), operation.id() + " is not served: its spec has a problem at "
                            + new SourceLocation(spec.file(), problem.line(), problem.column()) + ": "
                            + problem.message());
                }
            }
        }
        this.unservable = Map.copyOf(broken);
        this.specWarnings = List.copyOf(warnings);
        this.checks = new RequestChecks(config.conventions().fieldLimits());
        this.style = ApiAnswerStyle.of(config.server());
        this.tenants = new TenantResolver(config.tenancy());
        this.cors = Cors.of(config.server().cors());
        this.stripeMock = StripeMockRoot.servesStripe(this.specs);
    }

    /** Whose state a request works on, by this configuration's {@code tenancy:}. */
    public TenantResolver tenants() {
        return tenants;
    }

    /** Whether {@code GET /} answers as stripe-mock does (a Stripe spec is served and no operation takes it). */
    boolean stripeMock() {
        return stripeMock;
    }

    /** CORS for the API's routes as {@code server.cors} asks (on by default). */
    Cors cors() {
        return cors;
    }

    /** What every API answer shares with the real API's: its constant headers, JSON layout and ETag. */
    ApiAnswerStyle style() {
        return style;
    }

    public TwinConfig config() {
        return config;
    }

    public List<SpecDocument> specs() {
        return specs;
    }

    public Router router() {
        return router;
    }

    /** Every operation of every import, in import and document order. */
    public List<ApiOperation> operations() {
        return router.operations();
    }

    /** By namespaced id, e.g. {@code stripe.PostCustomers}. */
    public ApiOperation operation(String id) {
        return operationsById.get(id);
    }

    /**
     * Why {@code operation} cannot be answered as its spec means it (a {@code $ref} twin cannot follow), naming
     * the spec file, line and pointer; null for every operation that can.
     */
    public String unservable(ApiOperation operation) {
        return unservable.isEmpty() ? null : unservable.get(operation.id());
    }

    /** What the full checks of the specs warned of, each at its place in its spec; printed once at start-up. */
    public List<ConfigProblem> specWarnings() {
        return specWarnings;
    }

    public SpecResponder responder() {
        return responder;
    }

    public RequestChecks checks() {
        return checks;
    }

    public Responder stateful() {
        return stateful;
    }

    void stateful(Responder responder) {
        this.stateful = responder;
    }

    /** The recorded responses of {@code replay:} ({@link RecordedAnswers#NONE} without one). */
    public RecordedAnswers replay() {
        return replay;
    }

    void replay(RecordedAnswers answers) {
        this.replay = answers;
    }

    /** Answers to plain requests stored by an earlier launch (the start-up cache). */
    public PlainAnswers plainAnswers() {
        return plainAnswers;
    }

    void plainAnswers(PlainAnswers answers) {
        this.plainAnswers = answers;
    }
}
