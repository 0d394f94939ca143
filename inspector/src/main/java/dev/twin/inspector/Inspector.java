package dev.twin.inspector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.http.Delivery;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Adds the inspector page to a twin's admin API: {@code /__twin/ui} and its files, {@code GET /__twin/inspector}
 * (what the page shows here) and, with a report file, {@code GET /__twin/verify/report}. Everything else the page
 * reads is the admin API every twin has.
 */
public final class Inspector {
    /** What {@code GET /__twin/inspector} tells the page: which views it has. */
    public enum Mode { SERVE, RECORD }

    private Inspector() {
    }

    /**
     * The page of {@code twin serve}.
     *
     * @param verifyReport a {@code twin verify --report} file the page shows, read anew on every request (so a new
     *                     verify run shows on reload), or null
     */
    public static void serve(AdminRoutes routes, Path verifyReport) {
        register(routes, Mode.SERVE, verifyReport);
    }

    /** The page with the views of {@code mode}; {@code twin record} adds its own routes. */
    public static void register(AdminRoutes routes, Mode mode, Path verifyReport) {
        new UiAssets().register(routes);
        routes.add("GET", "/__twin/inspector", (request, params) -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                    .put("mode", mode.name().toLowerCase(java.util.Locale.ROOT))
                    .put("verifyReport", verifyReport != null);
            return TwinResponse.json(200, body.toString());
        });
        routes.add("GET", "/__twin/verify/report", (request, params) -> verifyReport == null
                ? ErrorResponses.error(404, "not_found", "This twin shows no verify report; start it with"
                        + " --verify-report FILE (a report written by twin verify --report FILE), or open one in"
                        + " the page.", null)
                : new TwinResponse(200, Map.of(), new byte[0], Delivery.deferred(Background.run(
                        () -> readReport(verifyReport)))));
    }

    private static TwinResponse readReport(Path file) {
        try {
            return new TwinResponse(200, Map.of("Content-Type", "application/json"), Files.readAllBytes(file));
        } catch (IOException e) {
            return ErrorResponses.error(404, "not_found", "Cannot read the verify report " + file + ": "
                    + e.getMessage() + " (write it with twin verify --report " + file + ").", null);
        }
    }
}
