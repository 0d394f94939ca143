package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.admin.AdminAccess;
import dev.twin.replayer.internal.admin.AdminGate;
import dev.twin.replayer.internal.admin.AdminPath;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.admin.JournalEntry;
import dev.twin.replayer.internal.admin.RequestJournal;
import dev.twin.replayer.config.ValidationMode;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.journal.RequestCapture;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.plain.PlainAnswer;
import dev.twin.replayer.internal.response.Answer;
import dev.twin.replayer.internal.response.AnswerSource;
import dev.twin.replayer.internal.response.ErrorResponses;
import dev.twin.replayer.internal.response.Rejection;
import dev.twin.replayer.internal.routing.RouteMatch;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.spec.UnreadableSpecPart;
import dev.twin.replayer.internal.state.LoopAnswer;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.WouldBlock;
import dev.twin.replayer.internal.validation.DecodedRequest;
import dev.twin.replayer.internal.validation.OperationValidator;
import dev.twin.replayer.internal.validation.ValidationResult;
import dev.twin.replayer.internal.validation.Violation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What happens to every request, independent of Netty: admin paths first (through the {@link AdminGate}; a path
 * that is admin only after decoding is refused with 400); then routing (404/405), validation
 * (strict: the documented 401/422/400/415 or a problem, warn: noted), the stateful responder for bound
 * operations, then recorded responses
 * ({@code replay:}, also for paths no operation matches), else the spec's response. Each
 * answer to an imported path is recorded in the journal with the source that produced it.
 */
public final class RequestPipeline {
    private static final System.Logger LOG = System.getLogger(RequestPipeline.class.getName());

    private final Supplier<ServedApi> api;
    private final AdminRoutes admin;
    private final AdminGate adminGate;
    private final RequestJournal journal;
    private final ValidationMode validationOverride;
    private final Cors corsOverride;
    private final WriteCounts writeCounts;

    /** @param validationOverride the mode from the command line, or null to use the config's */
    public RequestPipeline(Supplier<ServedApi> api, AdminRoutes admin, RequestJournal journal,
                           ValidationMode validationOverride) {
        this(api, admin, new AdminGate(AdminAccess.OPEN_ON_LOOPBACK), journal, validationOverride, null,
                new WriteCounts());
    }

    /**
     * @param validationOverride the mode from the command line, or null to use the config's
     * @param corsOverride       CORS on or off from the command line, or null to use the config's
     */
    public RequestPipeline(Supplier<ServedApi> api, AdminRoutes admin, AdminGate adminGate, RequestJournal journal,
                           ValidationMode validationOverride, Boolean corsOverride) {
        this(api, admin, adminGate, journal, validationOverride, corsOverride, new WriteCounts());
    }

    /** @param writeCounts the writes counted for {@code server.writeCounter}, kept by the server across reloads */
    RequestPipeline(Supplier<ServedApi> api, AdminRoutes admin, AdminGate adminGate, RequestJournal journal,
                    ValidationMode validationOverride, Boolean corsOverride, WriteCounts writeCounts) {
        this.api = api;
        this.admin = admin;
        this.adminGate = adminGate;
        this.journal = journal;
        this.validationOverride = validationOverride;
        this.corsOverride = corsOverride == null ? null : Cors.of(corsOverride);
        this.writeCounts = writeCounts;
    }

    /** @param rawPath the path as sent (still percent-encoded); {@code request.path()} is the decoded one */
    public TwinResponse handle(TwinRequest request, String rawPath) {
        AdminPath.Kind kind = AdminPath.classify(rawPath, request.path());
        if (kind == AdminPath.Kind.OBSCURED) {
            return ErrorResponses.error(400, "invalid_request_error", "The path " + rawPath + " becomes an admin"
                    + " path only once decoded; write admin paths plainly, as /__twin/...", null);
        }
        if (kind == AdminPath.Kind.ADMIN) {
            LoopAnswer.beforeWait(); // admin calls read and reset the shared store: on a worker
            TwinResponse refusal = adminGate.refusal(request, admin.isPage(request));
            if (refusal != null) {
                return refusal;
            }
            try {
                return admin.handle(request);
            } catch (WouldBlock e) {
                throw e;
            } catch (StateException e) { // the shared state store cannot be reached: a 503 naming it
                return ErrorResponses.error(e.error().kind().defaultStatus(), "api_error", e.getMessage(), null);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "admin endpoint failed: " + request.path(), e);
                return ErrorResponses.error(500, "twin_error", "admin endpoint failed: " + e, null);
            }
        }
        ServedApi current = api.get();
        Cors cors = corsOverride != null ? corsOverride : current.cors();
        if (cors.isPreflight(request)) {
            return cors.preflight(request);
        }
        if (journal.capturesDetail()) {
            LoopAnswer.beforeWait(); // a capture is of the thread's request: its commits are told on that thread
        }
        RequestCapture capture = journal.capturesDetail() ? RequestCapture.open() : null;
        try {
            return answerApi(current, cors, request, rawPath, capture);
        } finally {
            if (capture != null) {
                capture.close();
            }
        }
    }

    private TwinResponse answerApi(ServedApi current, Cors cors, TwinRequest request, String rawPath,
                                   RequestCapture capture) {
        RouteMatch match = current.router().route(request.method(), rawPath);
        String tenant = current.tenants().tenantOf(request);
        Answer answer;
        String operationId = null;
        if (match instanceof RouteMatch.Found found) {
            operationId = found.operation().id();
            long writeIndex = writeCounts.next(current.config().server().writeCounter(), tenant);
            answer = answerSafely(current, new RoutedRequest(request, found.operation(), found.pathParams(),
                    writeIndex));
        } else if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            answer = current.replay().answerUnrouted(request, rawPath).orElseGet(() -> Answer.of(
                    ErrorResponses.methodNotAllowed(request.method(), request.path(), notAllowed.allowed()),
                    AnswerSource.ERROR));
        } else if (current.stripeMock() && StripeMockRoot.asks(request, rawPath)) {
            answer = Answer.of(StripeMockRoot.answer(), AnswerSource.SPEC_EXAMPLE);
        } else {
            answer = current.replay().answerUnrouted(request, rawPath).orElseGet(() -> Answer.of(
                    ErrorResponses.notFound(request.method(), request.path()), AnswerSource.ERROR));
        }
        TwinResponse counted = writeCounts.apply(current.config().server().writeCounter(), tenant, request,
                answer.response());
        TwinResponse response = cors.apply(request, current.style().apply(request, counted));
        JournalEntry entry = new JournalEntry(Instant.now(), request.method(), request.path(), tenant,
                answer.response().status(), operationId, answer.source(), answer.note(),
                capture == null ? null : capture.detail(request, response));
        LoopAnswer.whenAnswered(() -> journal.add(entry)); // a request run again on a worker is logged once
        return response;
    }

    private Answer answerSafely(ServedApi current, RoutedRequest routed) {
        String unservable = current.unservable(routed.operation());
        if (unservable != null) {
            // warned of at start-up: the spec's problem, named, instead of an answer the spec does not mean
            return Answer.of(ErrorResponses.error(501, "twin_error", unservable, null), AnswerSource.ERROR);
        }
        try {
            return answer(current, routed);
        } catch (UnreadableSpecPart e) {
            // the full check reads every part, so only a check that was skipped or wrong leads here: still the
            // spec's fault, not twin's, named in one line
            LOG.log(System.Logger.Level.WARNING, routed.operation().id() + " cannot be served: " + e.getMessage());
            return Answer.of(ErrorResponses.error(501, "twin_error", routed.operation().id()
                    + " is not served: its spec has a problem at " + e.getMessage(), null), AnswerSource.ERROR);
        } catch (WouldBlock e) {
            throw e; // answered on a worker instead
        } catch (StateException e) {
            // a sandbox control (a rate limit, a scenario) could not reach the shared state store: the provider's
            // error shape where twin.yaml gives one, never a 500
            TwinResponse shaped = current.stateful().rejection(routed, e.error()).orElseGet(() ->
                    ErrorResponses.error(e.error().kind().defaultStatus(), "api_error", e.getMessage(), null));
            return Answer.of(shaped, AnswerSource.ERROR);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed answering " + routed.operation().id(), e);
            return Answer.of(ErrorResponses.error(500, "twin_error", "twin failed answering "
                    + routed.operation().id() + ": " + e, null), AnswerSource.ERROR);
        }
    }

    private Answer answer(ServedApi current, RoutedRequest routed) {
        ValidationMode mode = validationOverride != null ? validationOverride
                : current.config().server().validate();
        Responder stateful = current.stateful();
        boolean needsDecoding = mode != ValidationMode.OFF || stateful != Responder.NONE;
        DecodedRequest decoded = null;
        String note = null;
        // a plain request an earlier launch answered: valid as it is, answered without validator or generator
        PlainAnswer plain = current.plainAnswers().find(routed);
        if (needsDecoding && plain != null) {
            decoded = plain.decode(routed.request());
        } else if (needsDecoding) {
            OperationValidator validator = current.checks().validator(routed.operation());
            decoded = validator.decode(routed.request(), routed.pathParams());
            if (decoded.overLimit() != null) {
                // too deep or too many to decode safely: refused in every validation mode, never half-answered
                RequestCapture.violations(List.of(decoded.overLimit()));
                return Answer.of(rejection(current, routed, ValidationResult.invalid(List.of(decoded.overLimit()))),
                        AnswerSource.ERROR);
            }
            if (mode != ValidationMode.OFF) {
                ValidationResult result = validator.validate(decoded);
                if (!result.isValid()) {
                    RequestCapture.violations(result.violations());
                    if (mode == ValidationMode.STRICT) {
                        return Answer.of(rejection(current, routed, result), AnswerSource.ERROR);
                    }
                    note = "invalid request (warn mode): " + summary(result.violations());
                    LOG.log(System.Logger.Level.WARNING, routed.operation().id() + ": " + note);
                }
            }
        }
        if (decoded != null) {
            Optional<TwinResponse> fromTable = stateful.respond(routed, decoded);
            if (fromTable.isPresent()) {
                return new Answer(fromTable.get(), AnswerSource.TABLE, note);
            }
        }
        Optional<Answer> recorded = current.replay().answer(routed, note);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        if (plain != null) {
            return plain.answer().withNote(note);
        }
        Answer answer = current.responder().respond(routed).withNote(note);
        current.plainAnswers().learn(routed, current.checks()::validator, current.responder());
        return answer;
    }

    /**
     * A refused request: in the provider's error shape when twin.yaml gives one (bound operations, provider error
     * conventions), else the operation's documented error response, else an RFC 9457 problem.
     */
    private static TwinResponse rejection(ServedApi current, RoutedRequest routed, ValidationResult result) {
        Violation first = result.first();
        Optional<TwinResponse> providerShaped = current.stateful().rejection(routed, new TwinError(
                result.unauthorized() ? ErrorKind.UNAUTHORIZED : ErrorKind.VALIDATION_ERROR, first.reason(),
                result.unauthorized() ? null : first.param(), !result.unauthorized() && first.malformedBody(),
                result.unauthorized() ? null : first.rule()));
        if (providerShaped.isPresent()) {
            return providerShaped.get();
        }
        Rejection rejection = switch (result.kind()) {
            case UNAUTHORIZED -> Rejection.UNAUTHORIZED;
            case UNSUPPORTED_MEDIA_TYPE -> Rejection.UNSUPPORTED_MEDIA_TYPE;
            default -> Rejection.INVALID;
        };
        return current.responder().reject(routed, rejection, result.violations());
    }

    private static String summary(List<Violation> violations) {
        return violations.stream().map(v -> v.param() + ": " + v.reason()).collect(Collectors.joining("; "));
    }
}
