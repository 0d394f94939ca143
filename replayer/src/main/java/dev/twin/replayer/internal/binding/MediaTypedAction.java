package dev.twin.replayer.internal.binding;

import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.TenantTables;

/**
 * A table action whose JSON answers carry the table's own media type ({@code mediaType}: a Docker manifest's
 * {@code application/vnd.docker.distribution.manifest.v2+json}, JSON:API's {@code application/vnd.api+json}).
 * Error answers and answers with no body keep theirs.
 */
final class MediaTypedAction implements BindingAction {
    private final BindingAction action;
    private final String mediaType;

    MediaTypedAction(BindingAction action, String mediaType) {
        this.action = action;
        this.mediaType = mediaType;
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        TwinResponse response = action.run(request, tables);
        return response.status() < 300 && "application/json".equals(response.header("Content-Type"))
                ? response.withHeader("Content-Type", mediaType) : response;
    }
}
