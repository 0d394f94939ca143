package dev.twin.replayer.internal.ratelimit;

import dev.twin.replayer.internal.journal.AnswerOrigin;
import dev.twin.replayer.internal.journal.RequestCapture;
import dev.twin.replayer.config.ErrorRules;
import dev.twin.replayer.internal.convention.ErrorBodies;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.state.TenantResolver;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Applies the {@link RateLimiter}: a request over its tenant's limit gets the provider's 429 (errors convention
 * kind {@code RATE_LIMITED}) with {@code Retry-After} in whole seconds and never reaches the tables; every answer of
 * a limited operation carries the configured {@code X-RateLimit-*} headers.
 */
public final class RateLimitResponder implements Responder {
    private final RateLimiter limiter;
    private final Responder next;
    private final TenantResolver tenants;
    private final Function<String, ErrorRules> errorRules;
    private final Function<RoutedRequest, TwinResponse> specAnswer;
    private final Map<ErrorRules, ErrorBodies> bodies = new ConcurrentHashMap<>();

    /** @param errorRules the error rules of an operation (its table's, else the global ones) */
    public RateLimitResponder(RateLimiter limiter, Responder next, TenantResolver tenants,
                              Function<String, ErrorRules> errorRules,
                              Function<RoutedRequest, TwinResponse> specAnswer) {
        this.limiter = limiter;
        this.next = next;
        this.tenants = tenants;
        this.errorRules = errorRules;
        this.specAnswer = specAnswer;
    }

    @Override
    public Optional<TwinResponse> respond(RoutedRequest routed, DecodedRequest decoded) {
        String operationId = routed.operation().id();
        Optional<RateLimiter.Verdict> verdict = limiter.take(operationId, tenants.tenantOf(routed.request()));
        if (verdict.isEmpty()) {
            return next.respond(routed, decoded);
        }
        RateLimiter.Verdict v = verdict.get();
        TwinResponse response;
        if (v.allowed()) {
            response = next.respond(routed, decoded).orElseGet(() -> specAnswer.apply(routed));
        } else {
            RequestCapture.answeredBy(AnswerOrigin.Kind.RATE_LIMIT, v.limit().name());
            ErrorBodies errors = bodies.computeIfAbsent(errorRules.apply(operationId), TableConventions::errors);
            response = errors.response(new TwinError(ErrorKind.RATE_LIMITED, v.limit().message(), null),
                    routed.request()).withHeader("Retry-After", Long.toString(Math.max(1,
                    (v.retryAfterMillis() + 999) / 1000)));
        }
        for (Map.Entry<String, String> header : RateLimiter.headers(v).entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return Optional.of(response);
    }

    @Override
    public Optional<TwinResponse> rejection(RoutedRequest routed, TwinError error) {
        return next.rejection(routed, error);
    }
}
