package dev.twin.inference.path;

import java.util.Locale;

/**
 * Names a path parameter after the resource that holds it: {@code customers/{customer}}. Capitalised
 * (Twilio-style) resources get {@code {AccountSid}} inside the path and {@code {Sid}} in a file-like last
 * segment ({@code Messages/{Sid}.json}), as Twilio's own spec does.
 */
public final class ParamNames {
    private ParamNames() {
    }

    public static String forParent(String parentLiteral, String suffix) {
        if (parentLiteral == null || parentLiteral.isEmpty()) {
            return "id";
        }
        String parent = SegmentShape.stripSuffix(parentLiteral).replaceAll("[^A-Za-z0-9_]", "");
        if (parent.isEmpty()) {
            return "id";
        }
        if (Character.isUpperCase(parent.charAt(0))) {
            return suffix.isEmpty() ? singular(parent) + "Sid" : "Sid";
        }
        return singular(parent);
    }

    /** "payment_intent" → "PaymentIntent": the words of a name, each capitalised, for operation and schema names. */
    public static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    public static String singular(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ies") && word.length() > 3) {
            return word.substring(0, word.length() - 3) + (Character.isUpperCase(word.charAt(word.length() - 1)) ? "Y" : "y");
        }
        if (lower.endsWith("sses") || lower.endsWith("xes") || lower.endsWith("ches") || lower.endsWith("shes")
                || lower.endsWith("sses")) {
            return word.substring(0, word.length() - 2);
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && word.length() > 1) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
