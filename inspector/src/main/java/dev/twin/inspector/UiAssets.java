package dev.twin.inspector;

import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's files, read from the jar once: {@code /__twin/ui} is the page, {@code /__twin/ui/NAME} its scripts
 * and style. Served as page files ({@link AdminRoutes#addPage}: no token needed, they hold no data) with a
 * content security policy that lets the page load nothing from anywhere but the twin and run no inline script.
 */
final class UiAssets {
    static final List<String> FILES = List.of("index.html", "style.css", "app.js", "api.js", "dom.js",
            "traffic.js", "state.js", "sandbox.js", "fidelity.js", "recording.js");
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final Map<String, TwinResponse> files = new LinkedHashMap<>();

    UiAssets() {
        for (String name : FILES) {
            files.put(name, new TwinResponse(200, headers(name), read(name)));
        }
    }

    void register(AdminRoutes routes) {
        routes.addPage("/__twin/ui", (request, params) -> files.get("index.html"));
        routes.addPage("/__twin/ui/{file}", (request, params) -> {
            TwinResponse file = files.get(params.get("file"));
            return file != null ? file : ErrorResponses.error(404, "not_found", "The inspector page has no file '"
                    + params.get("file") + "'.", null);
        });
    }

    private static Map<String, String> headers(String name) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        headers.put("Cache-Control", "no-cache");
        headers.put("Content-Security-Policy", POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }

    private static byte[] read(String name) {
        try (InputStream in = UiAssets.class.getResourceAsStream("ui/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the inspector's file ui/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
