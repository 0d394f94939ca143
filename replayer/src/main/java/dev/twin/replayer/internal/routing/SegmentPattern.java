package dev.twin.replayer.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One path segment with parameters mixed into literal text, such as {@code {Sid}.json}, {@code v{version}} or
 * {@code {a}-{b}}. Compiled once to a regex over the decoded segment (percent-escapes in the template's literal
 * text are decoded too); a segment that is a single whole parameter does not use this class.
 */
final class SegmentPattern {
    private final String source;
    private final Pattern pattern;
    private final List<String> names;
    private final int literalLength;

    SegmentPattern(String segment) {
        this.source = segment;
        StringBuilder regex = new StringBuilder();
        List<String> parameterNames = new ArrayList<>();
        int literal = 0;
        int i = 0;
        while (i < segment.length()) {
            int open = segment.indexOf('{', i);
            if (open < 0) {
                String text = Router.decode(segment.substring(i));
                regex.append(Pattern.quote(text));
                literal += text.length();
                break;
            }
            if (open > i) {
                String text = Router.decode(segment.substring(i, open));
                regex.append(Pattern.quote(text));
                literal += text.length();
            }
            int close = segment.indexOf('}', open);
            parameterNames.add(segment.substring(open + 1, close));
            regex.append("(.+?)");
            i = close + 1;
        }
        this.pattern = Pattern.compile(regex.toString());
        this.names = List.copyOf(parameterNames);
        this.literalLength = literal;
    }

    /** Adds the captured values to {@code into} and returns true when the segment matches. */
    boolean match(String segment, Map<String, String> into) {
        Matcher matcher = pattern.matcher(segment);
        if (!matcher.matches()) {
            return false;
        }
        for (int g = 0; g < names.size(); g++) {
            into.put(names.get(g), matcher.group(g + 1));
        }
        return true;
    }

    /** More literal text means a more specific pattern, tried first. */
    int literalLength() {
        return literalLength;
    }

    String source() {
        return source;
    }
}
