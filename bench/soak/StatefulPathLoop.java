import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.admin.RequestJournal;
import dev.twin.replayer.internal.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.sandbox.SandboxTwin;
import dev.twin.replayer.internal.server.RequestPipeline;
import dev.twin.replayer.internal.server.ServedApi;
import dev.twin.replayer.internal.server.ServedApiLoader;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's operations (bench/soak/stateful-mix.lua) run in-process through twin serve's request pipeline, without
 * Netty, sockets or a load generator: the CPU time and the bytes allocated per request of the stateful path alone,
 * measured on the calling thread, so that other load on the machine moves them much less than a wrk run.
 * Run: java -XX:+UseSerialGC -cp cli/target/twin.jar bench/soak/StatefulPathLoop.java examples/stripe [rounds]
 *
 * Per round and operation: 20,000 requests warm up, 50,000 are measured; the median round is printed. 100 tenants,
 * each with 50 kept rows (read, listed, updated) and rows created to be deleted; every answer must be a 200.
 */
public final class StatefulPathLoop {
    private static final int TENANTS = 100;
    private static final int KEPT = 50;
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 50_000;
    private static final Pattern ID = Pattern.compile("\"id\":\"(cus_[A-Za-z0-9]+)\"");
    private static final Map<String, List<String>> FORM = Map.of("content-type",
            List.of("application/x-www-form-urlencoded"));

    private final RequestPipeline pipeline;
    private final Random random = new Random(7919);
    private final List<List<String>> kept = new ArrayList<>();
    private final List<ArrayDeque<String>> doomed = new ArrayList<>();
    private long sent;

    private StatefulPathLoop(RequestPipeline pipeline) {
        this.pipeline = pipeline;
        for (int k = 0; k < TENANTS; k++) {
            kept.add(new ArrayList<>());
            doomed.add(new ArrayDeque<>());
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/stripe");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TwinConfig config = ConfigLoader.load(dir.resolve(ConfigLoader.FILE_NAME));
        SandboxTwin sandbox = new SandboxTwin(StatefulTwin.inMemory(config, Clock.systemUTC()));
        ServedApi api = ServedApiLoader.load(config, sandbox);
        StatefulPathLoop loop = new StatefulPathLoop(new RequestPipeline(() -> api, new AdminRoutes(),
                new RequestJournal(RequestJournal.DEFAULT_CAPACITY), null));
        for (int k = 0; k < TENANTS; k++) {
            for (int i = 0; i < KEPT; i++) {
                loop.create(k, false);
            }
        }
        Map<String, Supplier<Integer>> operations = new java.util.LinkedHashMap<>();
        operations.put("stateless", loop::stateless);
        operations.put("get", () -> loop.get(loop.tenant()));
        operations.put("list", () -> loop.list(loop.tenant()));
        operations.put("update", () -> loop.update(loop.tenant()));
        operations.put("create+delete", loop::createOrDelete);
        operations.put("mix", loop::mix);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        Map<String, double[][]> results = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Supplier<Integer>> operation : operations.entrySet()) {
                for (int i = 0; i < WARMUP; i++) {
                    check(operation.getValue().get());
                }
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getThreadAllocatedBytes(self);
                for (int i = 0; i < MEASURED; i++) {
                    check(operation.getValue().get());
                }
                double us = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / MEASURED;
                double bytes = (double) (threads.getThreadAllocatedBytes(self) - allocated) / MEASURED;
                results.computeIfAbsent(operation.getKey(), name -> new double[rounds][])[round] =
                        new double[]{us, bytes};
            }
        }
        StringBuilder line = new StringBuilder("median of " + rounds + " rounds (CPU us / allocated bytes per request):");
        results.forEach((name, perRound) -> {
            double[] us = Arrays.stream(perRound).mapToDouble(r -> r[0]).sorted().toArray();
            double[] bytes = Arrays.stream(perRound).mapToDouble(r -> r[1]).sorted().toArray();
            line.append(String.format(" %s %.1f us / %.0f B;", name, us[rounds / 2], bytes[rounds / 2]));
        });
        System.out.println(line);
        sandbox.close();
        System.exit(0);
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("answered " + status);
        }
    }

    private int tenant() {
        return random.nextInt(TENANTS);
    }

    /** The soak's mix: 20% create, 40% get, 10% list, 10% update, 20% delete (or create when none is doomed). */
    private int mix() {
        int k = tenant();
        int r = random.nextInt(100);
        if (r < 20) {
            return create(k, true);
        } else if (r < 60) {
            return get(k);
        } else if (r < 70) {
            return list(k);
        } else if (r < 80) {
            return update(k);
        }
        return doomed.get(k).isEmpty() ? create(k, true) : delete(k);
    }

    private int createOrDelete() {
        int k = tenant();
        return doomed.get(k).isEmpty() || random.nextBoolean() ? create(k, true) : delete(k);
    }

    private int stateless() {
        return send("GET", "/v1/tax_codes/txcd_soak" + sent, null, tenant(), Map.of()).status();
    }

    private int create(int k, boolean doom) {
        TwinResponse response = send("POST", "/v1/customers", "name=soak" + sent
                + "&email=soak%40example.com&metadata[t]=" + k + "&metadata[d]=" + (doom ? 1 : 0), k, Map.of());
        Matcher id = ID.matcher(new String(response.body(), StandardCharsets.UTF_8));
        if (id.find()) {
            (doom ? doomed.get(k) : kept.get(k)).add(id.group(1));
        }
        return response.status();
    }

    private int get(int k) {
        return send("GET", "/v1/customers/" + keptRow(k), null, k, Map.of()).status();
    }

    private int list(int k) {
        return send("GET", "/v1/customers", null, k, Map.of("limit", List.of("10"))).status();
    }

    private int update(int k) {
        return send("POST", "/v1/customers/" + keptRow(k), "name=Updated" + sent, k, Map.of()).status();
    }

    private int delete(int k) {
        return send("DELETE", "/v1/customers/" + doomed.get(k).poll(), null, k, Map.of()).status();
    }

    private String keptRow(int k) {
        List<String> rows = kept.get(k);
        return rows.get(random.nextInt(rows.size()));
    }

    private TwinResponse send(String method, String path, String form, int k, Map<String, List<String>> query) {
        sent++;
        Map<String, List<String>> headers = new java.util.HashMap<>(form == null ? Map.of() : FORM);
        headers.put("authorization", List.of("Bearer sk_test_soak_" + k));
        String rawQuery = query.isEmpty() ? null : query.entrySet().iterator().next().getKey() + "="
                + query.values().iterator().next().get(0);
        TwinRequest request = new TwinRequest(method, path, rawQuery, query, headers,
                form == null ? null : form.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        return pipeline.handle(request, path);
    }
}
