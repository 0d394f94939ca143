package dev.twin.replayer.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds {@code imports:}: each spec path resolved against the config's directory, namespaces unique. */
final class ImportsBinder {
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private ImportsBinder() {
    }

    static List<Import> bind(YamlMapping root) {
        if (!root.require("imports")) {
            return List.of();
        }
        List<YamlMapping> entries = root.mappings("imports");
        if (entries.isEmpty() && root.raw("imports").isArray()) {
            root.problem("imports", "at least one import is required");
        }
        List<Import> imports = new ArrayList<>();
        Map<String, SourceLocation> namespaces = new HashMap<>();
        for (YamlMapping entry : entries) {
            Import bound = bindOne(entry, namespaces);
            if (bound != null) {
                imports.add(bound);
            }
        }
        return imports;
    }

    private static Import bindOne(YamlMapping entry, Map<String, SourceLocation> namespaces) {
        entry.allowOnly("path", "as");
        String path = entry.requiredString("path");
        String as = entry.string("as");
        if (path == null) {
            return null;
        }
        Path resolved = entry.context().baseDir().resolve(path).toAbsolutePath().normalize();
        boolean ok = true;
        if (!Files.isRegularFile(resolved)) {
            entry.problem("path", Files.isDirectory(resolved) ? "is a directory, expected a spec file: " + path
                    : "file not found: " + path);
            ok = false;
        }
        String namespace = as != null ? as : namespaceFromFileName(resolved);
        if (as != null && !NAMESPACE.matcher(as).matches()) {
            entry.problem("as", "invalid namespace '" + as + "': use letters, digits, '_' and '-' (no dots)");
            ok = false;
        }
        SourceLocation here = entry.location(as != null ? "as" : "path");
        SourceLocation earlier = namespaces.putIfAbsent(namespace, here);
        if (earlier != null) {
            entry.problem("as", "duplicate namespace '" + namespace + "' (also at " + earlier + ")"
                    + (as == null ? "; set 'as' to tell them apart" : ""));
            ok = false;
        }
        return ok ? new Import(resolved, namespace, entry.location("path")) : null;
    }

    /** {@code specs/spec3.json} → {@code spec3}; {@code stripe.v1.yaml} → {@code stripe_v1}. */
    static String namespaceFromFileName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : new String[] {".yaml", ".yml", ".json"}) {
            if (lower.endsWith(extension)) {
                name = name.substring(0, name.length() - extension.length());
                break;
            }
        }
        String namespace = name.replaceAll("[^A-Za-z0-9_-]", "_");
        if (namespace.isEmpty() || !Character.isLetter(namespace.charAt(0)) && namespace.charAt(0) != '_') {
            namespace = "_" + namespace;
        }
        return namespace;
    }
}
