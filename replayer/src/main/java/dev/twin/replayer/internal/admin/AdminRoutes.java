package dev.twin.replayer.internal.admin;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The admin endpoints under {@code /__twin/}. Anyone holding the server's registry may add one, e.g.
 * {@code adminRoutes.add("POST", "/__twin/snapshots/{name}/restore", handler)}; {@code {name}} matches one
 * segment. Imported specs never see these paths: the server asks this registry first, after {@link AdminPath}
 * and {@link AdminGate} let the request through.
 */
public final class AdminRoutes {
    public static final String PREFIX = "/__twin";

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public AdminRoutes add(String method, String path, AdminHandler handler) {
        return add(method, path, handler, false);
    }

    /**
     * Adds a {@code GET} route that serves a page's own files (HTML, scripts, styles): the same bytes for everyone,
     * holding no data. The {@link AdminGate} answers them without the admin token (every other check still
     * applies), so that a browser can load the page, which then asks for the token before it reads anything.
     */
    public AdminRoutes addPage(String path, AdminHandler handler) {
        return add("GET", path, handler, true);
    }

    private AdminRoutes add(String method, String path, AdminHandler handler, boolean page) {
        if (!path.startsWith(PREFIX + "/")) {
            throw new IllegalArgumentException("admin paths start with " + PREFIX + "/: " + path);
        }
        routes.add(new Route(method.toUpperCase(java.util.Locale.ROOT), path.split("/"), handler, page));
        return this;
    }

    /** Whether {@code request} asks for a page's file ({@link #addPage}), which needs no admin token. */
    public boolean isPage(TwinRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return false;
        }
        String[] segments = request.path().split("/");
        for (Route route : routes) {
            if (route.match(segments) != null) {
                return route.page; // the first route of the path answers it, as in handle
            }
        }
        return false;
    }

    /**
     * Also tells {@code listener} each time {@code method path} answered with a 2xx, e.g. so that a part of the
     * twin that keeps its own state (the replay cursors) starts over on {@code POST /__twin/reset}.
     */
    public AdminRoutes afterSuccess(String method, String path, Consumer<TwinRequest> listener) {
        listeners.add(new Listener(method.toUpperCase(java.util.Locale.ROOT), path, listener));
        return this;
    }

    /** Answers an admin path: the handler's response, or a JSON 404/405. */
    public TwinResponse handle(TwinRequest request) {
        String[] segments = request.path().split("/");
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params == null) {
                continue;
            }
            if (route.method.equals(request.method())
                    || (request.method().equals("HEAD") && route.method.equals("GET"))) {
                TwinResponse response = route.handler.handle(request, params);
                notifyListeners(request, response);
                return response;
            }
            allowed.add(route.method);
        }
        if (!allowed.isEmpty()) {
            return ErrorResponses.methodNotAllowed(request.method(), request.path(), allowed);
        }
        return ErrorResponses.notFound(request.method(), request.path());
    }

    private void notifyListeners(TwinRequest request, TwinResponse response) {
        if (listeners.isEmpty() || response.status() / 100 != 2) {
            return;
        }
        for (Listener listener : listeners) {
            if (listener.method.equals(request.method()) && listener.path.equals(request.path())) {
                listener.listener.accept(request);
            }
        }
    }

    private record Listener(String method, String path, Consumer<TwinRequest> listener) {
    }

    private record Route(String method, String[] segments, AdminHandler handler, boolean page) {
        Map<String, String> match(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < path.length; i++) {
                String template = segments[i];
                if (template.startsWith("{") && template.endsWith("}")) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    params.put(template.substring(1, template.length() - 1), path[i]);
                } else if (!template.equals(path[i])) {
                    return null;
                }
            }
            return params;
        }
    }
}
