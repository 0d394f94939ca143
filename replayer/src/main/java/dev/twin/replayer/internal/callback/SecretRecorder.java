package dev.twin.replayer.internal.callback;

import dev.twin.replayer.internal.http.BasicAuth;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.state.TenantResolver;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.util.Optional;

/**
 * The pipeline link that notes each tenant's password ({@link TenantSecrets}) as its requests pass, for signing its
 * callbacks; it answers nothing itself. In the pipeline only when a callback is signed.
 */
public final class SecretRecorder implements Responder {
    private final TenantSecrets secrets;
    private final TenantResolver tenants;
    private final Responder next;

    SecretRecorder(TenantSecrets secrets, TenantResolver tenants, Responder next) {
        this.secrets = secrets;
        this.tenants = tenants;
        this.next = next;
    }

    @Override
    public Optional<TwinResponse> respond(RoutedRequest routed, DecodedRequest decoded) {
        secrets.remember(tenants.tenantOf(routed.request()), BasicAuth.password(routed.request()));
        return next.respond(routed, decoded);
    }

    @Override
    public Optional<TwinResponse> rejection(RoutedRequest routed, TwinError error) {
        return next.rejection(routed, error);
    }
}
