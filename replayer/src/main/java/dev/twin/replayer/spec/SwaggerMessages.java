package dev.twin.replayer.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the place out of swagger-parser's messages ({@code attribute paths.'/pets'(get).responses is missing}) as
 * a JSON Pointer, so the problem can be shown at its line in the spec.
 */
final class SwaggerMessages {
    private static final String PREFIX = "attribute ";

    private SwaggerMessages() {
    }

    /** The pointer a message names, or null when it names none. */
    static String pointer(String message) {
        if (message == null || !message.startsWith(PREFIX)) {
            return null;
        }
        String path = message.substring(PREFIX.length());
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\'') {
                int end = path.indexOf('\'', i + 1);
                if (end < 0) {
                    return null;
                }
                segment.append(path, i + 1, end);
                i = end;
            } else if (c == '(') {
                int end = path.indexOf(')', i + 1);
                if (end < 0) {
                    return null;
                }
                add(segments, segment);
                segment.append(path, i + 1, end);
                i = end;
            } else if (c == '.') {
                add(segments, segment);
            } else if (c == ' ') {
                break;
            } else {
                segment.append(c);
            }
        }
        add(segments, segment);
        return segments.isEmpty() ? null : PointerLocator.pointer(segments.toArray(String[]::new));
    }

    private static void add(List<String> segments, StringBuilder segment) {
        if (segment.length() > 0) {
            segments.add(segment.toString());
            segment.setLength(0);
        }
    }
}
