package dev.twin.replayer;

import dev.twin.replayer.internal.admin.AdminAccess;
import dev.twin.replayer.internal.server.ConnectionLimits;
import dev.twin.replayer.internal.server.HttpLimits;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What users touch stays in the public packages: every public method and constructor of the entry point names only
 * JDK types, types of {@code dev.twin.replayer} itself and of the {@code twin.yaml} model ({@code .config}), and a few
 * settings records chosen on purpose; every other package is under {@code dev.twin.replayer.internal} and may change
 * in any release.
 */
class PublicApiTest {
    private static final List<Class<?>> PUBLIC = List.of(Twin.class, Twin.Builder.class, ServedRequest.class,
            TwinEvent.class);
    /** Settings the builder takes, kept stable although their packages are internal. */
    private static final Set<Class<?>> SETTINGS = Set.of(HttpLimits.class, ConnectionLimits.class, AdminAccess.class);
    /** The one door to the internals, for twin's own command line and tests; documented as not public. */
    private static final Set<String> INTERNAL_DOORS = Set.of("internals");

    @Test
    void everyPackageButThePublicOnesIsNamedInternal() throws Exception {
        // read from the sources: a build directory may still hold classes of packages that were moved
        Path sources = Path.of("src", "main", "java");
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).map(file -> sources.relativize(file.getParent())
                            .toString().replace(java.io.File.separatorChar, '.'))
                    .distinct()
                    .filter(pkg -> !pkg.equals("dev.twin.replayer") && !pkg.equals("dev.twin.replayer.config")
                            && !pkg.equals("dev.twin.replayer.internal")
                            && !pkg.startsWith("dev.twin.replayer.internal."))
                    .forEach(outside::add);
        }
        assertEquals(List.of(), outside, "packages outside dev.twin.replayer.internal but not public");
    }

    @Test
    void theEntryPointExposesOnlyPublicTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC) {
            List<Executable> members = new ArrayList<>(List.of(type.getConstructors()));
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == type && !INTERNAL_DOORS.contains(method.getName())) {
                    members.add(method);
                }
            }
            for (Executable member : members) {
                if (!Modifier.isPublic(member.getModifiers())) {
                    continue;
                }
                List<Type> named = new ArrayList<>(List.of(member.getGenericParameterTypes()));
                named.addAll(List.of(member.getGenericExceptionTypes()));
                if (member instanceof Method method) {
                    named.add(method.getGenericReturnType());
                }
                for (Type each : named) {
                    checkType(each, type.getSimpleName() + "." + member.getName(), leaks);
                }
            }
        }

        assertEquals(List.of(), leaks);
    }

    private static void checkType(Type type, String where, List<String> leaks) {
        if (type instanceof ParameterizedType parameterized) {
            checkType(parameterized.getRawType(), where, leaks);
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkType(argument, where, leaks);
            }
            return;
        }
        if (!(type instanceof Class<?> raw)) {
            return;
        }
        while (raw.isArray()) {
            raw = raw.getComponentType();
        }
        String pkg = raw.getPackageName();
        boolean allowed = raw.isPrimitive() || pkg.startsWith("java.") || pkg.equals("dev.twin.replayer")
                || pkg.equals("dev.twin.replayer.config") || SETTINGS.contains(raw);
        if (!allowed) {
            leaks.add(where + " names " + raw.getName());
        }
    }
}
