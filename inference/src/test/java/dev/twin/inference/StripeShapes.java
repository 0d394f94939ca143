package dev.twin.inference;

/** Stripe-shaped traffic: a customer flow with a customer that existed before the recording. */
final class StripeShapes {
    private StripeShapes() {
    }

    static String customer(String id, String name, String email, long created) {
        return """
                {"id":"%s","object":"customer","address":null,"balance":0,"created":%d,"email":"%s",
                 "livemode":false,"metadata":{},"name":"%s","phone":null}""".formatted(id, created, email, name);
    }

    static Traffic customerFlow() {
        Traffic t = new Traffic("api.stripe.com");
        String[] ids = {"cus_NffrFeUfNV2Hib", "cus_Og7sKq2LmZpA9x", "cus_Pq8tLr3MnAqB0y"};
        // a customer that existed before the recording: only read, never created
        t.form("GET", "/v1/customers/cus_SEEDseedSEED01", null, 200,
                customer("cus_SEEDseedSEED01", "Old Customer", "old.customer@gmail.com", 1690000000L));
        for (int i = 0; i < ids.length; i++) {
            t.form("POST", "/v1/customers", "name=Jenny+" + i + "&email=jenny" + i + "%40acme.io&metadata[order]=" + i,
                    200, customer(ids[i], "Jenny " + i, "jenny" + i + "@acme.io", 1700000000L + i));
        }
        t.form("GET", "/v1/customers?limit=3", null, 200, """
                {"object":"list","url":"/v1/customers","has_more":false,"data":[%s,%s]}"""
                .formatted(customer(ids[1], "Jenny 1", "jenny1@acme.io", 1700000001L),
                        customer(ids[0], "Jenny 0", "jenny0@acme.io", 1700000000L)));
        t.form("GET", "/v1/customers?limit=10", null, 200, """
                {"object":"list","url":"/v1/customers","has_more":false,"data":[%s]}"""
                .formatted(customer(ids[2], "Jenny 2", "jenny2@acme.io", 1700000002L)));
        for (String id : ids) {
            t.form("GET", "/v1/customers/" + id, null, 200, customer(id, "Jenny", "jenny@acme.io", 1700000000L));
        }
        t.form("POST", "/v1/customers/" + ids[0], "name=Jenny+Rosen", 200,
                customer(ids[0], "Jenny Rosen", "jenny0@acme.io", 1700000000L));
        t.form("GET", "/v1/customers/search?query=name%3A%27Jenny%27", null, 200, """
                {"object":"search_result","url":"/v1/customers/search","has_more":false,"data":[]}""");
        t.form("DELETE", "/v1/customers/" + ids[0], null, 200,
                "{\"id\":\"" + ids[0] + "\",\"object\":\"customer\",\"deleted\":true}");
        t.form("GET", "/v1/customers/" + ids[0], null, 404, """
                {"error":{"code":"resource_missing","doc_url":"https://stripe.com/docs/error-codes/resource-missing",
                "message":"No such customer: '%s'","param":"id","request_log_url":"https://dashboard.stripe.com/logs/req_1",
                "type":"invalid_request_error"}}""".formatted(ids[0]));
        t.form("POST", "/v1/customers", "email=not-an-email", 400, """
                {"error":{"code":"email_invalid","doc_url":"https://stripe.com/docs/error-codes/email-invalid",
                "message":"Invalid email address: not-an-email","param":"email","request_log_url":"https://dashboard.stripe.com/logs/req_2",
                "type":"invalid_request_error"}}""");
        t.form("POST", "/v1/payment_intents", "amount=2000&currency=usd&customer=" + ids[1], 200, """
                {"id":"pi_3MtwBwLkdIwHu7ix28a3tqPa","object":"payment_intent","amount":2000,"currency":"usd",
                 "customer":"%s","status":"requires_payment_method","created":1700000100}""".formatted(ids[1]));
        t.form("GET", "/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa", null, 200, """
                {"id":"pi_3MtwBwLkdIwHu7ix28a3tqPa","object":"payment_intent","amount":2000,"currency":"usd",
                 "customer":"%s","status":"requires_payment_method","created":1700000100,
                 "shipping":{"object":"shipping_details","name":"Jenny","carrier":"ups"}}""".formatted(ids[1]));
        t.form("POST", "/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/confirm", "payment_method=pm_card_visa", 200, """
                {"id":"pi_3MtwBwLkdIwHu7ix28a3tqPa","object":"payment_intent","amount":2000,"currency":"usd",
                 "customer":"%s","status":"succeeded","created":1700000100}""".formatted(ids[1]));
        return t;
    }
}
