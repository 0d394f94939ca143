package dev.twin.replayer.internal.resource;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.twilio.base.Resource;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.twin.replayer.internal.binding.TwinTwilioHttpClient;
import dev.twin.replayer.config.Binding;
import dev.twin.replayer.internal.spec.ApiOperation;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Twilio resource {@code twin serve --spec twilio_api_v2010.json --stateful} makes stateful, walked through
 * the Twilio Java SDK's typed API with no twin.yaml at all: {@code X.creator(..).create(client)}, {@code fetcher},
 * {@code updater}, {@code reader}, {@code deleter}, whichever the resource has. The SDK class of each resource is
 * the one whose fetcher asks for the resource's item path; the arguments are built by type (a phone number, a
 * URL, TwiML, an enum's first value …) and the path's sids by the spec's patterns. The counts are written to
 * {@code target/stateful-auto-twilio.txt} (docs/stateful-auto.md).
 */
class TwilioRoundTripTest {
    private static final Path SPEC = Path.of("..", "examples", "twilio", "twilio_api_v2010.json");
    private static final String ACCOUNT = "AC" + "1".repeat(32);
    private static final String SDK_PACKAGE = "com/twilio/rest/api/v2010/";
    private static AutoTwin twin;
    private static TwilioRestClient client;
    /** Item path with its parameters as {@code {}} → the SDK resource class whose fetcher asks for it. */
    private static Map<String, Class<?>> sdkClasses;
    /** Collection path likewise → the SDK class whose creator posts to it (Keys are made by {@code NewKey}). */
    private static Map<String, Class<?>> sdkCreators;

    @BeforeAll
    static void start() throws Exception {
        twin = AutoTwin.ofSpec(SPEC);
        client = new TwilioRestClient.Builder(ACCOUNT, "token").httpClient(new TwinTwilioHttpClient(twin.baseUrl()))
                .build();
        sdkClasses = sdkClassesByPath("fetcher", "fetch");
        sdkCreators = sdkClassesByPath("creator", "create");
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void everyResourceWithACreateAndAFetchRoundTripsThroughTheTwilioSdk() throws Exception {
        List<ResourceTable> resources = twin.resources();
        List<String> passed = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        int walked = 0;
        for (ResourceTable resource : resources) {
            if (!resource.does(Binding.Action.CREATE) || !resource.does(Binding.Action.GET)) {
                continue;
            }
            walked++;
            List<String> steps = new ArrayList<>();
            try {
                roundTrip(resource, steps);
                passed.add(resource.table() + " " + String.join("/", steps));
            } catch (AssertionError | Exception e) {
                failed.put(resource.table(), "after " + steps + ": " + describe(e));
            }
        }
        report(resources.size(), walked, passed, failed);

        assertEquals(Map.of(), failed, "resources whose round trip failed");
    }

    private void roundTrip(ResourceTable resource, List<String> steps) throws Exception {
        Class<?> sdk = sdkClasses.get(normalized(resource.resource().itemPath()));
        Class<?> maker = sdkCreators.get(normalized(resource.resource().collectionPath()));
        if (sdk == null || maker == null) {
            throw new AssertionError("no SDK class fetches " + resource.resource().itemPath() + " or creates in "
                    + resource.resource().collectionPath());
        }
        List<String> parents = parentValues(resource);
        List<Object> required = requiredBody(resource);
        String idGetter = "get" + camel(twin.config().table(resource.table()).orElseThrow().idField());

        Resource created = (Resource) invoke(builder(maker, "creator", parents, required), "create");
        String sid = (String) maker.getMethod(idGetter).invoke(created);
        steps.add(maker.getSimpleName() + ".creator");
        List<String> withSid = new ArrayList<>(parents);
        withSid.add(sid);

        Resource fetched = (Resource) invoke(builder(sdk, "fetcher", withSid, null), "fetch");
        assertEquals(sid, sdk.getMethod(idGetter).invoke(fetched), "fetch answers the created resource");
        steps.add("fetcher");
        if (resource.does(Binding.Action.PATCH) && hasStatic(sdk, "updater")) {
            Resource updated = (Resource) invoke(builder(sdk, "updater", withSid, List.of()), "update");
            assertEquals(sid, sdk.getMethod(idGetter).invoke(updated), "update answers the resource");
            steps.add("updater");
        }
        if (resource.does(Binding.Action.LIST) && hasStatic(sdk, "reader")) {
            ResourceSet<?> read = (ResourceSet<?>) invoke(builder(sdk, "reader", parents, null), "read");
            List<Object> sids = new ArrayList<>();
            for (Object item : read) {
                sids.add(sdk.getMethod(idGetter).invoke(item));
            }
            assertEquals(List.of(sid), sids, "read lists the created resource");
            steps.add("reader");
        }
        if (resource.does(Binding.Action.DELETE) && hasStatic(sdk, "deleter")) {
            assertEquals(true, invoke(builder(sdk, "deleter", withSid, null), "delete"), "delete");
            try {
                invoke(builder(sdk, "fetcher", withSid, null), "fetch");
                throw new AssertionError("fetch after delete answered the resource");
            } catch (ApiException gone) {
                assertEquals(404, gone.getStatusCode(), "fetch after delete");
            }
            steps.add("deleter");
        }
    }

    /**
     * The SDK's builder for one action: its static method taking the path's sids (the account's left to the
     * client) and then, unless {@code body} is null, the fewest other arguments the SDK requires: a string is the
     * value the spec's request schema gives the required field in its place, anything else a sample of its type.
     */
    private static Object builder(Class<?> sdk, String action, List<String> sids, List<Object> body) throws Exception {
        Method chosen = Arrays.stream(sdk.getMethods())
                .filter(m -> m.getName().equals(action) && Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() >= sids.size())
                .filter(m -> Arrays.stream(m.getParameterTypes()).limit(sids.size()).allMatch(t -> t == String.class))
                .filter(m -> body != null || m.getParameterCount() == sids.size())
                .min(Comparator.comparingInt(Method::getParameterCount)
                        .thenComparingInt(m -> (int) Arrays.stream(m.getParameterTypes())
                                .filter(List.class::isAssignableFrom).count()))
                .orElseThrow(() -> new AssertionError(sdk.getSimpleName() + " has no " + action + " taking "
                        + sids.size() + " sids"));
        Object[] arguments = new Object[chosen.getParameterCount()];
        Class<?>[] types = chosen.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            int field = i - sids.size();
            arguments[i] = i < sids.size() ? sids.get(i)
                    : types[i] == String.class && body != null && field < body.size() ? String.valueOf(body.get(field))
                    : sample(types[i]);
        }
        return chosen.invoke(null, arguments);
    }

    /** The values of the fields the create's request schema requires, in the order it lists them. */
    private static List<Object> requiredBody(ResourceTable resource) {
        ApiOperation create = resource.resource().operation(Binding.Action.CREATE).orElseThrow();
        SchemaLookup schemas = new SchemaLookup(create.components());
        var schema = schemas.resolve(OperationBodies.requestSchema(create));
        List<Object> values = new ArrayList<>();
        if (schema != null && schema.getRequired() != null) {
            var properties = schemas.properties(schema);
            SampleParams samples = new SampleParams(schemas);
            for (String name : schema.getRequired()) {
                values.add(samples.value(properties.get(name), name, 1));
            }
        }
        return values;
    }

    private static String camel(String field) {
        StringBuilder out = new StringBuilder();
        for (String part : field.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "twin";
        }
        if (type == PhoneNumber.class || type == com.twilio.type.Endpoint.class) {
            return new PhoneNumber("+15005550006");
        }
        if (type == URI.class) {
            return URI.create("https://example.com/twin");
        }
        if (type == Twiml.class) {
            return new Twiml("<Response><Say>twin</Say></Response>");
        }
        if (type == HttpMethod.class) {
            return HttpMethod.POST;
        }
        if (type == Integer.class || type == int.class) {
            return 1;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == Boolean.class || type == boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (List.class.isAssignableFrom(type)) {
            return List.of(URI.create("https://example.com/twin.png"));
        }
        throw new AssertionError("no sample value of " + type.getName());
    }

    private static Object invoke(Object builder, String verb) throws Exception {
        Method method = builder.getClass().getMethod(verb, TwilioRestClient.class);
        try {
            return method.invoke(builder, client);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean hasStatic(Class<?> sdk, String name) {
        return Arrays.stream(sdk.getMethods()).anyMatch(m -> m.getName().equals(name)
                && Modifier.isStatic(m.getModifiers()));
    }

    /** Values for the path's parent sids after the account's, each matching the pattern the spec gives it. */
    private static List<String> parentValues(ResourceTable resource) {
        Map<String, String> patterns = new HashMap<>();
        for (SpecResource.Operation operation : resource.resource().operations()) {
            List<Parameter> declared = operation.operation().operation().getParameters() == null ? List.of()
                    : operation.operation().operation().getParameters();
            for (Parameter parameter : declared) {
                if ("path".equals(parameter.getIn()) && parameter.getSchema() != null
                        && parameter.getSchema().getPattern() != null) {
                    patterns.put(parameter.getName(), parameter.getSchema().getPattern());
                }
            }
        }
        List<String> values = new ArrayList<>();
        for (String parent : resource.resource().parentParams()) {
            if (parent.equals("AccountSid")) {
                continue;
            }
            String pattern = patterns.get(parent);
            values.add(pattern == null ? "twin" : RgxGen.parse(pattern.replaceAll("^\\^|\\$$", ""))
                    .generate(new Random(parent.hashCode())));
        }
        return values;
    }

    /**
     * Every SDK resource class of API v2010 by the path its {@code builder} (fetcher, creator) sends to, found by
     * calling the builder with placeholders and stopping the request it makes.
     */
    private static Map<String, Class<?>> sdkClassesByPath(String builder, String verb) throws Exception {
        Map<String, Class<?>> classes = new HashMap<>();
        TwilioRestClient capturing = new TwilioRestClient.Builder(ACCOUNT, "token").httpClient(new Capture()).build();
        Path jar = Path.of(Message.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (!name.startsWith(SDK_PACKAGE) || !name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(name.replace('/', '.').substring(0, name.length() - 6));
                Method method = Arrays.stream(type.getMethods())
                        .filter(m -> m.getName().equals(builder) && Modifier.isStatic(m.getModifiers()))
                        .filter(m -> m.getParameterCount() == 0 || m.getParameterTypes()[0] == String.class)
                        .max(Comparator.comparingInt(m -> (int) Arrays.stream(m.getParameterTypes())
                                .filter(t -> t == String.class).count())).orElse(null);
                if (method == null) {
                    continue;
                }
                Object[] arguments = new Object[method.getParameterCount()];
                Class<?>[] types = method.getParameterTypes();
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = types[i] == String.class ? "PARAM" + i : sample(types[i]);
                }
                Object built = method.invoke(null, arguments);
                try {
                    built.getClass().getMethod(verb, TwilioRestClient.class).invoke(built, capturing);
                } catch (InvocationTargetException e) {
                    String url = Capture.urlIn(e);
                    if (url != null) {
                        classes.putIfAbsent(normalized(URI.create(url).getPath().replaceAll("PARAM\\d+", "{p}")),
                                type);
                    }
                }
            }
        }
        return classes;
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    /** An HTTP client that sends nothing: it stops the SDK with the URL the request was for. */
    private static final class Capture extends NetworkHttpClient {
        @Override
        public Response makeRequest(Request request) {
            throw new Captured(request.getUrl());
        }

        static String urlIn(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof Captured captured) {
                    return captured.getMessage();
                }
            }
            return null;
        }
    }

    private static final class Captured extends RuntimeException {
        Captured(String url) {
            super(url, null, false, false);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof ApiException api) {
            return "ApiException " + api.getStatusCode() + " " + api.getCode() + ": " + api.getMessage()
                    + (api.getCause() == null ? "" : " (" + api.getCause() + ")");
        }
        String message = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static void report(int recognised, int walked, List<String> passed, Map<String, String> failed)
            throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("twilio-java 10.6.5 against twin serve --spec twilio_api_v2010.json --stateful\n");
        report.append("recognised resources: ").append(recognised).append('\n');
        report.append("with create and fetch: ").append(walked).append('\n');
        report.append("full round trip passed: ").append(passed.size()).append('\n');
        passed.forEach(line -> report.append("  ok   ").append(line).append('\n'));
        failed.forEach((table, why) -> report.append("  FAIL ").append(table).append(": ").append(why).append('\n'));
        Files.writeString(Path.of("target", "stateful-auto-twilio.txt"), report);
        System.out.print(report);
        assertTrue(walked > 0, "no resource was walked");
    }
}
