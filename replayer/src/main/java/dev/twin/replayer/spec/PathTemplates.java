package dev.twin.replayer.spec;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for OpenAPI path templates such as {@code /v1/customers/{customer}}. */
public final class PathTemplates {
    private PathTemplates() {
    }

    /** The names inside braces, in order of appearance. */
    public static List<String> parameterNames(String template) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = template.indexOf('{', i)) >= 0) {
            int end = template.indexOf('}', i);
            if (end < 0) {
                break;
            }
            names.add(template.substring(i + 1, end));
            i = end + 1;
        }
        return names;
    }

    /** Joins a base path (from servers[0].url, may be empty or "/") and a path template. */
    public static String join(String basePath, String path) {
        String base = basePath == null ? "" : basePath;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String tail = path.startsWith("/") ? path : "/" + path;
        return base + tail;
    }
}
