package dev.twin.recorder.redact;

/**
 * What the value of one named field (form, query, JSON or multipart) becomes when it is recorded: card data is
 * masked ({@link PaymentCard}), a field named like a secret is fingerprinted ({@link Fingerprint}), anything else
 * stays. The same rules serve every body format, so a name or a card number is treated alike wherever it appears.
 */
final class FieldRedaction {
    private final NameMatcher secretNames;

    FieldRedaction(NameMatcher secretNames) {
        this.secretNames = secretNames;
    }

    /**
     * The value to record, or {@code value} itself (the same instance) when it may be kept.
     *
     * @param name            the field name (form names percent-decoded), or null for a value with no name (an array
     *                        element)
     * @param cardInDocument  true when the same body or query holds a card number, which makes expiry fields secret
     */
    String redact(String name, String value, boolean cardInDocument) {
        if (value.isEmpty() || Fingerprint.isRedacted(value) || PaymentCard.isMark(value)) {
            return value;
        }
        if (PaymentCard.isNumber(value)) {
            String masked = PaymentCard.maskNumber(value);
            return masked.equals(value) ? value : masked;
        }
        if (name == null) {
            return value;
        }
        if (PaymentCard.isSecurityCodeName(name)) {
            return PaymentCard.SECURITY_CODE_MARK;
        }
        if (cardInDocument && PaymentCard.isExpiryName(name)) {
            return PaymentCard.EXPIRY_MARK;
        }
        if (secretNames.matchesField(name)) {
            return Fingerprint.of(value);
        }
        return value;
    }

    /** True when a value with this name could change, whatever the value: lets callers skip untouched bodies. */
    boolean mayRedactName(String name) {
        return PaymentCard.isSecurityCodeName(name) || PaymentCard.isExpiryName(name)
                || secretNames.matchesField(name);
    }

    /** True when the secret-name rules (defaults and {@code --redact}) name this field, e.g. a multipart file part. */
    boolean namesSecret(String name) {
        return secretNames.matchesField(name);
    }
}
