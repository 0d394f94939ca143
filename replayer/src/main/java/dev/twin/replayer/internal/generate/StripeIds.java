package dev.twin.replayer.internal.generate;

import java.util.Map;
import java.util.Random;

/** Object ids shaped like Stripe's: a per-resource prefix, an underscore and 14 base62 characters. */
final class StripeIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("account", "acct"),
            Map.entry("application", "ca"),
            Map.entry("application_fee", "fee"),
            Map.entry("balance_transaction", "txn"),
            Map.entry("bank_account", "ba"),
            Map.entry("card", "card"),
            Map.entry("charge", "ch"),
            Map.entry("checkout.session", "cs_test"),
            Map.entry("credit_note", "cn"),
            Map.entry("customer", "cus"),
            Map.entry("customer_balance_transaction", "cbtxn"),
            Map.entry("discount", "di"),
            Map.entry("dispute", "dp"),
            Map.entry("event", "evt"),
            Map.entry("file", "file"),
            Map.entry("file_link", "link"),
            Map.entry("invoice", "in"),
            Map.entry("invoiceitem", "ii"),
            Map.entry("issuing.authorization", "iauth"),
            Map.entry("issuing.card", "ic"),
            Map.entry("issuing.cardholder", "ich"),
            Map.entry("issuing.transaction", "ipi"),
            Map.entry("line_item", "il"),
            Map.entry("mandate", "mandate"),
            Map.entry("payment_intent", "pi"),
            Map.entry("payment_link", "plink"),
            Map.entry("payment_method", "pm"),
            Map.entry("payout", "po"),
            Map.entry("person", "person"),
            Map.entry("plan", "plan"),
            Map.entry("price", "price"),
            Map.entry("product", "prod"),
            Map.entry("promotion_code", "promo"),
            Map.entry("quote", "qt"),
            Map.entry("refund", "re"),
            Map.entry("review", "prv"),
            Map.entry("setup_attempt", "setatt"),
            Map.entry("setup_intent", "seti"),
            Map.entry("source", "src"),
            Map.entry("subscription", "sub"),
            Map.entry("subscription_item", "si"),
            Map.entry("subscription_schedule", "sub_sched"),
            Map.entry("tax_id", "txi"),
            Map.entry("tax_rate", "txr"),
            Map.entry("test_helpers.test_clock", "clock"),
            Map.entry("token", "tok"),
            Map.entry("topup", "tu"),
            Map.entry("transfer", "tr"),
            Map.entry("transfer_reversal", "trr"),
            Map.entry("webhook_endpoint", "we"));

    /** Plain string properties that in Stripe's objects hold the id of another object, by object kind. */
    private static final Map<String, String> ID_PROPERTIES = Map.ofEntries(
            Map.entry("balance_transaction", "balance_transaction"),
            Map.entry("charge", "charge"),
            Map.entry("checkout_session", "checkout.session"),
            Map.entry("customer", "customer"),
            Map.entry("dispute", "dispute"),
            Map.entry("invoice", "invoice"),
            Map.entry("invoice_item", "invoiceitem"),
            Map.entry("payment_intent", "payment_intent"),
            Map.entry("payment_method", "payment_method"),
            Map.entry("payout", "payout"),
            Map.entry("promotion_code", "promotion_code"),
            Map.entry("quote", "quote"),
            Map.entry("refund", "refund"),
            Map.entry("setup_intent", "setup_intent"),
            Map.entry("subscription", "subscription"),
            Map.entry("subscription_item", "subscription_item"),
            Map.entry("tax_rate", "tax_rate"),
            Map.entry("test_clock", "test_helpers.test_clock"),
            Map.entry("transfer", "transfer"));

    private StripeIds() {
    }

    /** The object kind whose id a plain string property of this name holds ({@code customer}), or null. */
    static String kindReferencedBy(String propertyName) {
        return propertyName == null ? null : ID_PROPERTIES.get(propertyName);
    }

    /** An id for an object of the given kind (a Stripe {@code object} value or x-resourceId); null kind = bare id. */
    static String id(String objectKind, Random random) {
        StringBuilder id = new StringBuilder(32);
        if (objectKind != null && !objectKind.isEmpty()) {
            id.append(PREFIXES.getOrDefault(objectKind, objectKind.replace('.', '_'))).append('_');
        }
        for (int i = 0; i < 14; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }
}
