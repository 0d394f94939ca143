package dev.twin.inference.diff;

import dev.twin.inference.Inference;
import dev.twin.inference.InferenceOptions;
import dev.twin.inference.Progress;
import dev.twin.inference.output.OpenApiWriter;
import dev.twin.inference.source.StoreSource;
import io.swagger.v3.oas.models.OpenAPI;

import java.nio.file.Path;
import java.util.List;

/** The spec inferred from one recorded session, as {@code twin infer --session NAME} would write it. */
public final class SessionSpec {
    private SessionSpec() {
    }

    /**
     * @param host only exchanges sent to this host (null: all)
     * @throws dev.twin.inference.InferenceException for a missing store, an unknown session (naming the known
     *                                               ones) or a session with nothing to infer from
     */
    public static OpenAPI infer(Path store, String session, String host) {
        try (StoreSource source = StoreSource.open(store, List.of(session))) {
            var twin = Inference.run(source, new InferenceOptions(host, null, InferenceOptions.SeedMode.INITIAL),
                    Progress.NONE);
            return SpecReader.parse(new OpenApiWriter(twin).write(), "session " + session);
        }
    }
}
