package dev.twin.replayer.internal.resource;

import java.util.Collection;
import java.util.Locale;

/** Matching a parameter or request field name to a property of the item ({@code AccountSid} is {@code account_sid}). */
final class FieldNames {
    private FieldNames() {
    }

    /** {@code AccountSid} → {@code account_sid}, {@code SMSMessages} → {@code sms_messages}, {@code pet-id} → {@code pet_id}. */
    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char before = name.charAt(i - 1);
                boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before)
                        || Character.isUpperCase(before) && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (wordStart && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
            }
            out.append(c == '-' || c == '.' || c == ' ' ? '_' : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** The property {@code name} stands for: itself, the same ignoring case, or the same in snake case; else null. */
    static String match(String name, Collection<String> properties) {
        if (properties.contains(name)) {
            return name;
        }
        for (String property : properties) {
            if (property.equalsIgnoreCase(name)) {
                return property;
            }
        }
        String snake = snake(name);
        for (String property : properties) {
            if (snake(property).equals(snake)) {
                return property;
            }
        }
        return null;
    }

    /** Whether the name reads as an identifier in templates ({@code {{item.account_sid}}}) without brackets. */
    static boolean plain(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** {@code item.account_sid}, or {@code item.[odd-name]} for a name Handlebars would not read as one path step. */
    static String itemPath(String field) {
        return plain(field) ? "item." + field : "item.[" + field + "]";
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
