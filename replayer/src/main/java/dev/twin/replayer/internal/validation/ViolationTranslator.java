package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSON Schema validator messages into violations a client understands: one per offending parameter,
 * named as sent, with a one-line reason in the style of Stripe's errors ({@code Missing required param: email.},
 * {@code Invalid integer: abc}, {@code Received unknown parameter: foo}).
 */
final class ViolationTranslator {
    private static final Set<String> NAMES_A_PROPERTY = Set.of("required", "additionalProperties",
            "unevaluatedProperties", "dependentRequired", "dependencies");
    private static final int SHOWN_VALUE_LENGTH = 60;

    private final String location;
    private final ParamNaming naming;

    ViolationTranslator(String location, ParamNaming naming) {
        this.location = location;
        this.naming = naming;
    }

    private record Candidate(List<Object> path, String param, String reason, boolean alternative, int rank,
                             String rule) {
    }

    List<Violation> translate(Collection<ValidationMessage> messages) {
        List<Candidate> candidates = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            candidates.add(candidate(message));
        }
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            if (candidate.alternative() && hasDeeperAlternative(candidate, candidates)) {
                continue; // the branch that went deeper says more than "not an object"
            }
            best.merge(candidate.param(), candidate, (kept, next) -> next.rank() < kept.rank() ? next : kept);
        }
        List<Violation> violations = new ArrayList<>(best.size());
        best.values().forEach(c -> violations.add(new Violation(c.param(), location, c.reason(), false, c.rule())));
        return violations;
    }

    private Candidate candidate(ValidationMessage message) {
        List<Object> path = elements(message.getInstanceLocation());
        String type = message.getType();
        if (NAMES_A_PROPERTY.contains(type) && message.getProperty() != null) {
            path.add(message.getProperty());
        }
        String param = naming.name(path);
        String evaluation = String.valueOf(message.getEvaluationPath());
        boolean alternative = evaluation.contains("/anyOf/") || evaluation.contains("/oneOf/");
        String reason = reason(type, param, message);
        return new Candidate(path, param, reason, alternative, rank(type, alternative, message), type);
    }

    /** Among failed alternatives, a type mismatch that names the expected scalar reads best. */
    private static int rank(String type, boolean alternative, ValidationMessage message) {
        if (!alternative) {
            return 0;
        }
        if ("type".equals(type)) {
            return scalarTypeExpected(message) && message.getInstanceNode() != null
                    && message.getInstanceNode().isTextual() ? 1 : 2;
        }
        return 3;
    }

    private static boolean hasDeeperAlternative(Candidate candidate, List<Candidate> all) {
        for (Candidate other : all) {
            if (other.alternative() && other.path().size() > candidate.path().size()
                    && other.path().subList(0, candidate.path().size()).equals(candidate.path())) {
                return true;
            }
        }
        return false;
    }

    private static String reason(String type, String param, ValidationMessage message) {
        Object[] args = message.getArguments() == null ? new Object[0] : message.getArguments();
        JsonNode instance = message.getInstanceNode();
        JsonNode schemaValue = message.getSchemaNode();
        return switch (type) {
            case "required" -> "Missing required param: " + param + ".";
            case "additionalProperties", "unevaluatedProperties" -> "Received unknown parameter: " + param;
            case "type" -> typeReason(param, message, instance);
            case "enum" -> "Invalid " + param + ": must be one of " + listed(schemaValue) + ".";
            case "const" -> "Invalid " + param + ": must be " + shown(schemaValue) + ".";
            case "maxLength" -> "Invalid " + param + ": must be at most " + arg(args, 0) + " characters.";
            case "minLength" -> "Invalid " + param + ": must be at least " + arg(args, 0) + " characters.";
            case "minimum" -> "Invalid " + param + ": must be greater than or equal to " + arg(args, 0) + ".";
            case "maximum" -> "Invalid " + param + ": must be less than or equal to " + arg(args, 0) + ".";
            case "exclusiveMinimum" -> "Invalid " + param + ": must be greater than " + arg(args, 0) + ".";
            case "exclusiveMaximum" -> "Invalid " + param + ": must be less than " + arg(args, 0) + ".";
            case "multipleOf" -> "Invalid " + param + ": must be a multiple of " + arg(args, 0) + ".";
            case "pattern" -> "Invalid " + param + ": must match the pattern " + arg(args, 0) + ".";
            case "format" -> "Invalid " + param + ": " + shown(instance) + " is not a valid " + arg(args, 0) + ".";
            case "minItems" -> "Invalid " + param + ": must have at least " + arg(args, 0) + " items.";
            case "maxItems" -> "Invalid " + param + ": must have at most " + arg(args, 0) + " items.";
            case "uniqueItems" -> "Invalid " + param + ": items must be unique.";
            case "minProperties" -> "Invalid " + param + ": must have at least " + arg(args, 0) + " fields.";
            case "maxProperties" -> "Invalid " + param + ": must have at most " + arg(args, 0) + " fields.";
            case "oneOf", "anyOf" -> "Invalid " + param + ": does not match any of the allowed forms.";
            case "not" -> "Invalid " + param + ": this value is not allowed.";
            case "false" -> "Received unknown parameter: " + param;
            default -> "Invalid " + param + ": " + withoutLocation(message.getMessage());
        };
    }

    private static String typeReason(String param, ValidationMessage message, JsonNode instance) {
        String found = String.valueOf(arg(message.getArguments(), 0));
        String expected = String.valueOf(arg(message.getArguments(), 1));
        if (instance != null && instance.isTextual() && scalarTypeExpected(message)) {
            return "Invalid " + expected + ": " + shown(instance);
        }
        return "Invalid " + param + ": expected " + expected + ", got " + found + ".";
    }

    private static boolean scalarTypeExpected(ValidationMessage message) {
        String expected = String.valueOf(arg(message.getArguments(), 1));
        return expected.equals("integer") || expected.equals("number") || expected.equals("boolean");
    }

    private static List<Object> elements(JsonNodePath path) {
        List<Object> elements = new ArrayList<>(path.getNameCount() + 1);
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        return elements;
    }

    private static Object arg(Object[] args, int index) {
        return args != null && index < args.length ? args[index] : "";
    }

    private static String listed(JsonNode values) {
        if (values == null || !values.isArray()) {
            return String.valueOf(values);
        }
        List<String> shown = new ArrayList<>();
        values.forEach(value -> shown.add(!value.isTextual() ? value.toString()
                : value.asText().isEmpty() ? "\"\"" : value.asText()));
        return shown.toString();
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "";
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH) + "..." : text;
    }

    /** The validator prefixes its messages with the instance location ({@code /a/b: ...}); the param says it. */
    private static String withoutLocation(String message) {
        int colon = message == null ? -1 : message.indexOf(": ");
        return colon < 0 ? String.valueOf(message) : message.substring(colon + 2);
    }
}
