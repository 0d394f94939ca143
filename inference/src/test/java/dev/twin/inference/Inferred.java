package dev.twin.inference;

import dev.twin.inference.output.TwinFiles;
import dev.twin.inference.source.ListSource;
import dev.twin.replayer.Twin;

import java.nio.file.Path;

/** Test helper: infer from hand-made traffic, write the files, and serve them the way `twin serve` does. */
final class Inferred {
    private Inferred() {
    }

    static TwinFiles files(Traffic traffic, InferenceOptions options) {
        return TwinFiles.of(Inference.run(new ListSource(traffic.exchanges()), options, Progress.NONE));
    }

    /** swagger-parser's messages about the written openapi.yaml (resolved fully); empty when it is clean. */
    static java.util.List<String> parserMessages(TwinFiles files, Path dir) throws Exception {
        files.writeTo(dir);
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        var result = new io.swagger.parser.OpenAPIParser().readLocation(dir.resolve("openapi.yaml").toUri().toString(),
                null, options);
        return result.getMessages() == null ? java.util.List.of() : result.getMessages();
    }

    /** Writes the files to dir, loads twin.yaml and starts a twin on a free port (fails if serve rejects it). */
    static Twin serve(TwinFiles files, Path dir) throws Exception {
        files.writeTo(dir);
        return Twin.serve(dir);
    }
}
