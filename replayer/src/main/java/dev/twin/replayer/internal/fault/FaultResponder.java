package dev.twin.replayer.internal.fault;

import dev.twin.replayer.internal.journal.AnswerOrigin;
import dev.twin.replayer.internal.journal.RequestCapture;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.state.TenantResolver;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.util.Optional;
import java.util.function.Function;

/**
 * Injects the {@link FaultBoard}'s decisions. A fault is decided before the operation runs and replaces it, so a
 * faulted request never reaches the tables: stored state is exactly as if the request had not been sent. A
 * latency-only decision lets the operation run and delays its answer.
 */
public final class FaultResponder implements Responder {
    private final FaultBoard board;
    private final Responder next;
    private final TenantResolver tenants;
    private final Function<RoutedRequest, TwinResponse> specAnswer;

    public FaultResponder(FaultBoard board, Responder next, TenantResolver tenants,
                          Function<RoutedRequest, TwinResponse> specAnswer) {
        this.board = board;
        this.next = next;
        this.tenants = tenants;
        this.specAnswer = specAnswer;
    }

    @Override
    public Optional<TwinResponse> respond(RoutedRequest routed, DecodedRequest decoded) {
        Optional<FaultBoard.Decision> decision = board.decide(routed.operation().id(),
                tenants.tenantOf(routed.request()));
        if (decision.isEmpty()) {
            return next.respond(routed, decoded);
        }
        FaultBoard.Decision d = decision.get();
        TwinResponse response = d.fault() != null ? d.fault().response()
                : next.respond(routed, decoded).orElseGet(() -> specAnswer.apply(routed));
        RequestCapture.answeredBy(d.fault() != null ? AnswerOrigin.Kind.FAULT : AnswerOrigin.Kind.LATENCY, d.rule());
        return Optional.of(response.delayedBy(d.delayMs()).withHeader("Twin-Fault", d.rule()));
    }

    @Override
    public Optional<TwinResponse> rejection(RoutedRequest routed, TwinError error) {
        return next.rejection(routed, error);
    }
}
