package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns swagger-parser's messages ({@code attribute paths.'/pets'(get).responses is missing}) into problems at a
 * JSON Pointer, so each can be shown at its line in the spec. A member of the wrong type makes the document
 * unreadable (an error); everything else swagger-parser notes (a missing or unknown member, a repeated one) is a
 * warning twin serves around.
 */
final class SwaggerMessages {
    private static final String PREFIX = "attribute ";
    private static final String WRONG_TYPE = " is not of type `";
    private static final String MISSING = " is missing";
    private static final String UNEXPECTED = " is unexpected";
    private static final String UNSUPPORTED = " is unsupported";
    private static final String REPEATED = " is repeated";
    private static final String RESERVED = " is reserved by The OpenAPI Initiative";
    private static final int MAX_SHOWN = 40;

    private SwaggerMessages() {
    }

    /** The pointer a message names, or null when it names none (read without the document). */
    static String pointer(String message) {
        if (message == null || !message.startsWith(PREFIX)) {
            return null;
        }
        String place = message.substring(PREFIX.length());
        int space = place.indexOf(' ');
        List<String> segments = segments(space < 0 ? place : place.substring(0, space));
        return segments == null || segments.isEmpty() ? null : PointerLocator.pointer(segments.toArray(String[]::new));
    }

    /**
     * The problem {@code message} describes, its place found in {@code document}; null for what twin checks itself
     * (repeated operationIds, references that point at nothing).
     */
    static SpecProblem problem(String message, JsonNode document) {
        if (message == null) {
            return null;
        }
        if (!message.startsWith(PREFIX)) {
            return sentence(message, document);
        }
        String rest = message.substring(PREFIX.length());
        int wrongType = rest.indexOf(WRONG_TYPE);
        if (wrongType > 0 && rest.endsWith("`")) {
            Place place = Place.of(rest.substring(0, wrongType), document);
            String type = rest.substring(wrongType + WRONG_TYPE.length(), rest.length() - 1);
            if (type.equals("schema")) {
                return null; // a schema $ref to nothing: SpecReferences says which operations it keeps from serving
            }
            JsonNode value = place.complete() ? document.at(place.pointer()) : null;
            String not = value == null || value.isMissingNode() ? "" : ", not " + shown(value);
            String words = words(type);
            // a value outside an enumeration (in: body, an unknown style) is served around; a wrong JSON type is not
            return words == null ? SpecProblem.warning(place.pointer(), place.named("must be " + choices(type) + not))
                    : SpecProblem.error(place.pointer(), place.named("must be " + words + not));
        }
        if (rest.endsWith(MISSING)) {
            Place place = Place.of(rest.substring(0, rest.length() - MISSING.length()), document);
            if (place.missing().startsWith("#/")) {
                return null; // a $ref to nothing: SpecReferences says which operations it keeps from being served
            }
            return SpecProblem.warning(place.pointer(), place.named("'" + place.missing() + "' is missing"));
        }
        if (rest.endsWith(REPEATED)) {
            Place place = Place.of(rest.substring(0, rest.length() - REPEATED.length()), document);
            if (place.pointer().endsWith("/operationId") || place.missing().equals("operationId")) {
                return null; // SpecDocument serves the later one under another id, and says so
            }
            return SpecProblem.warning(place.pointer(), place.named("repeated"));
        }
        if (rest.endsWith(UNEXPECTED)) {
            Place place = Place.of(rest.substring(0, rest.length() - UNEXPECTED.length()), document);
            return SpecProblem.warning(place.pointer(), place.named("not an OpenAPI member here (a typo? "
                    + "extensions start with x-)"));
        }
        if (rest.endsWith(UNSUPPORTED)) {
            Place place = Place.of(rest.substring(0, rest.length() - UNSUPPORTED.length()), document);
            return SpecProblem.warning(place.pointer(), place.named("a value OpenAPI does not allow here"));
        }
        if (rest.endsWith(RESERVED)) {
            Place place = Place.of(rest.substring(0, rest.length() - RESERVED.length()), document);
            return SpecProblem.warning(place.pointer(), place.named("an extension name reserved by the OpenAPI "
                    + "Initiative"));
        }
        return SpecProblem.warning("", "swagger-parser: " + message);
    }

    /** A message in swagger-parser's own words, its place first: {@code paths.'/a/{id}'. Declared path ...}. */
    private static SpecProblem sentence(String message, JsonNode document) {
        int end = message.indexOf(". ");
        Place place = end > 0 ? Place.of(message.substring(0, end), document) : null;
        if (place == null || place.pointer().isEmpty()) {
            return SpecProblem.warning("", message);
        }
        return SpecProblem.warning(place.pointer(), place.pointer() + ": " + message.substring(end + 2));
    }

    /**
     * Where a message's place ({@code paths.'/pets'(get).parameters.[id].schema}) is in the document: the pointer
     * of the part found, and what of the place the document does not hold (a missing member's name).
     */
    private record Place(String pointer, String missing) {
        static Place of(String written, JsonNode document) {
            List<String> segments = segments(written);
            if (segments == null) {
                return new Place("", written);
            }
            StringBuilder pointer = new StringBuilder();
            JsonNode node = document;
            int i = 0;
            while (i < segments.size()) {
                int used = 0;
                JsonNode child = null;
                String segment = null;
                if (node.isObject()) {
                    // names with dots in them ("com.example.Pet") come in pieces: join until one is a member
                    StringBuilder name = new StringBuilder();
                    for (int j = i; j < segments.size() && child == null; j++) {
                        name.append(j > i ? "." : "").append(segments.get(j));
                        if (node.has(name.toString())) {
                            child = node.get(name.toString());
                            segment = name.toString();
                            used = j - i + 1;
                        }
                    }
                } else if (node.isArray()) {
                    int index = itemIndex(node, segments.get(i));
                    if (index >= 0) {
                        child = node.get(index);
                        segment = String.valueOf(index);
                        used = 1;
                    }
                }
                if (child == null) {
                    break;
                }
                pointer.append('/').append(PointerLocator.escape(segment));
                node = child;
                i += used;
            }
            return new Place(pointer.toString(), String.join(".", segments.subList(i, segments.size())));
        }

        boolean complete() {
            return missing.isEmpty();
        }

        /** {@code /pointer: words}; a member the document lacks is named in the words instead. */
        String named(String words) {
            String where = pointer.isEmpty() ? "" : pointer + ": ";
            return where + (complete() || words.contains("'" + missing + "'") ? words : "'" + missing + "' " + words);
        }
    }

    /** The item of a list that {@code segment} names: {@code [id]} is the parameter named id, {@code 2} the third. */
    private static int itemIndex(JsonNode list, String segment) {
        if (segment.startsWith("[") && segment.endsWith("]")) {
            String name = segment.substring(1, segment.length() - 1);
            for (int i = 0; i < list.size(); i++) {
                if (name.equals(list.get(i).path("name").asText(null))) {
                    return i;
                }
            }
            return -1;
        }
        if (!segment.isEmpty() && segment.length() < 10 && segment.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(segment);
            return index < list.size() ? index : -1;
        }
        return -1;
    }

    /** {@code paths.'/pets'(get).responses} as {@code [paths, /pets, get, responses]}; null when unbalanced. */
    private static List<String> segments(String place) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < place.length(); i++) {
            char c = place.charAt(i);
            if (c == '\'') {
                int end = place.indexOf('\'', i + 1);
                if (end < 0) {
                    return null;
                }
                segment.append(place, i + 1, end);
                i = end;
            } else if (c == '(') {
                int end = place.indexOf(')', i + 1);
                if (end < 0) {
                    return null;
                }
                add(segments, segment);
                segment.append(place, i + 1, end);
                i = end;
            } else if (c == '.') {
                add(segments, segment);
            } else {
                segment.append(c);
            }
        }
        add(segments, segment);
        return segments;
    }

    private static void add(List<String> segments, StringBuilder segment) {
        if (segment.length() > 0) {
            segments.add(segment.toString());
            segment.setLength(0);
        }
    }

    /** swagger-parser's JSON type names as a person says them; null for its other names (enumerations). */
    static String words(String type) {
        return switch (type) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "integer" -> "an integer";
            case "number", "bigDecimal" -> "a number";
            default -> null;
        };
    }

    /** {@code [query|header]} as "one of query, header"; {@code StyleEnum} as "a valid style". */
    private static String choices(String type) {
        return type.contains("|") ? "one of " + type.replace("[", "").replace("]", "").replace("|", ", ")
                : "a valid " + type.replace("Enum", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** A value as the user wrote it, cut short: {@code 5}, {@code 'yes'}, {@code a list}. */
    static String shown(JsonNode value) {
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        String text = value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    }
}
