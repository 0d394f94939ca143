package dev.twin.inference.bench;

import dev.twin.recorder.Body;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.store.RecordingStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a recording store for bench/infer.sh: N exchanges (default 100 000) over 50 Stripe-shaped resources —
 * creates, gets, lists, updates, deletes and 404s, each body a dozen fields. Deterministic (fixed seed).
 *
 * <p>Usage: {@code java -cp twin.jar:test-classes dev.twin.inference.bench.GenerateBenchStore STORE [N]}
 */
public final class GenerateBenchStore {
    static final String[] RESOURCES = {"accounts", "addresses", "alerts", "apps", "articles", "assets", "audits",
            "balances", "batches", "bills", "books", "brands", "budgets", "cards", "carts", "cases", "charges",
            "claims", "coupons", "credits", "customers", "deals", "devices", "disputes", "documents", "events",
            "exports", "files", "groups", "imports", "invoices", "items", "jobs", "leads", "licenses", "links",
            "mandates", "meters", "notes", "offers", "orders", "payments", "payouts", "plans", "prices", "products",
            "quotes", "refunds", "reports", "sessions"};
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private GenerateBenchStore() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Random random = new Random(42);
        List<List<String>> live = new ArrayList<>();
        for (int r = 0; r < RESOURCES.length; r++) {
            live.add(new ArrayList<>());
        }
        long started = System.nanoTime();
        try (RecordingStore store = RecordingStore.open(file)) {
            for (int i = 0; i < total; i++) {
                int r = random.nextInt(RESOURCES.length);
                String name = RESOURCES[r];
                String prefix = name.substring(0, 3) + "_";
                List<String> ids = live.get(r);
                int roll = random.nextInt(100);
                Exchange exchange;
                if (ids.isEmpty() || roll < 25) {
                    String id = prefix + randomId(random);
                    ids.add(id);
                    exchange = exchange(i, "POST", "/v1/" + name, null, "name=Row+" + i + "&metadata[order]=" + i
                            + "&email=user" + i + "%40example.org", 200, row(id, name, i, random));
                } else if (roll < 60) {
                    String id = ids.get(random.nextInt(ids.size()));
                    exchange = exchange(i, "GET", "/v1/" + name + "/" + id, null, null, 200, row(id, name, i, random));
                } else if (roll < 75) {
                    StringBuilder data = new StringBuilder();
                    for (int k = 0; k < Math.min(3, ids.size()); k++) {
                        data.append(k == 0 ? "" : ",").append(row(ids.get(ids.size() - 1 - k), name, i, random));
                    }
                    exchange = exchange(i, "GET", "/v1/" + name, "limit=3", null, 200,
                            "{\"object\":\"list\",\"url\":\"/v1/" + name + "\",\"has_more\":" + (ids.size() > 3)
                                    + ",\"data\":[" + data + "]}");
                } else if (roll < 88) {
                    String id = ids.get(random.nextInt(ids.size()));
                    exchange = exchange(i, "POST", "/v1/" + name + "/" + id, null, "description=Updated+" + i, 200,
                            row(id, name, i, random));
                } else if (roll < 95) {
                    String id = ids.remove(random.nextInt(ids.size()));
                    exchange = exchange(i, "DELETE", "/v1/" + name + "/" + id, null, null, 200,
                            "{\"id\":\"" + id + "\",\"object\":\"" + singular(name) + "\",\"deleted\":true}");
                } else {
                    String id = prefix + randomId(random);
                    exchange = exchange(i, "GET", "/v1/" + name + "/" + id, null, null, 404,
                            "{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such " + singular(name)
                                    + ": '" + id + "'\",\"param\":\"id\",\"type\":\"invalid_request_error\"}}");
                }
                store.append(exchange);
                if (i % 1000 == 999) {
                    store.commit();
                }
            }
            store.commit();
            System.out.printf("wrote %d exchanges over %d resources to %s in %.1f s%n", total, RESOURCES.length,
                    file, (System.nanoTime() - started) / 1e9);
        }
    }

    private static String row(String id, String name, int i, Random random) {
        return "{\"id\":\"" + id + "\",\"object\":\"" + singular(name) + "\",\"created\":" + (1_700_000_000L + i)
                + ",\"livemode\":false,\"name\":\"Row " + i + "\",\"email\":\"user" + i + "@example.org\","
                + "\"amount\":" + random.nextInt(100_000) + ",\"currency\":\"usd\",\"status\":\""
                + (random.nextBoolean() ? "active" : "inactive") + "\",\"description\":null,"
                + "\"metadata\":{\"order\":\"" + i + "\"},\"tags\":[\"a\",\"b\"],\"balance\":" + random.nextDouble()
                + "}";
    }

    private static String singular(String name) {
        return name.endsWith("sses") || name.endsWith("ches") ? name.substring(0, name.length() - 2)
                : name.substring(0, name.length() - 1);
    }

    private static String randomId(Random random) {
        StringBuilder out = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static Exchange exchange(int i, String method, String path, String query, String form, int status,
                                     String json) {
        List<Header> requestHeaders = form == null ? List.of(new Header("Authorization", "Bearer redacted:sha256:0123456789ab"))
                : List.of(new Header("Authorization", "Bearer redacted:sha256:0123456789ab"),
                new Header("Content-Type", "application/x-www-form-urlencoded"));
        RecordedRequest request = new RecordedRequest(method, "https", "api.example.com", 443, path, query,
                requestHeaders, form == null ? Body.EMPTY : Body.of(form));
        RecordedResponse response = new RecordedResponse(status,
                List.of(new Header("Content-Type", "application/json")), Body.of(json));
        return new Exchange(0, "bench", Instant.ofEpochSecond(1_700_000_000L + i), 1500, "127.0.0.1:5000", request,
                response, null, false);
    }
}
