package dev.twin.replayer.internal.resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the table of each resource after its collection path, in snake case, as short as it can be while unique:
 * the last word ({@code /v1/customers} → {@code customers}, {@code …/IncomingPhoneNumbers.json} →
 * {@code incoming_phone_numbers}), with the words before it when another resource has that name already
 * ({@code /v1/customers/{customer}/sources} → {@code customers_sources} beside {@code /v1/sources}). Resources with
 * fewer words choose first; version segments ({@code v1}, {@code 2010-04-01}) are not words. These are the names
 * {@code /__twin/reset?table=}, snapshots and the state file use, and the names twin.yaml writes to take a
 * resource's table over.
 */
final class TableNames {
    private static final Pattern VERSION = Pattern.compile("(?i)v\\d+(\\.\\d+)*|\\d{4}-\\d{2}-\\d{2}|api");
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]+$");
    private static final Pattern NOT_A_NAME = Pattern.compile("[^a-z0-9_]");

    private TableNames() {
    }

    /** Each resource's name, none of them in {@code taken}. */
    static Map<SpecResource, String> assign(List<SpecResource> resources, Set<String> taken) {
        Map<SpecResource, List<String>> wordsOf = new IdentityHashMap<>();
        resources.forEach(resource -> wordsOf.put(resource, words(resource)));
        List<SpecResource> fewestWordsFirst = new ArrayList<>(resources);
        fewestWordsFirst.sort(Comparator.comparingInt(resource -> wordsOf.get(resource).size()));
        Set<String> used = new HashSet<>(taken);
        Map<SpecResource, String> names = new IdentityHashMap<>();
        for (SpecResource resource : fewestWordsFirst) {
            List<String> words = wordsOf.get(resource);
            String name = null;
            for (int count = 1; count <= words.size() && name == null; count++) {
                String candidate = String.join("_", words.subList(words.size() - count, words.size()));
                if (!used.contains(candidate)) {
                    name = candidate;
                }
            }
            if (name == null) {
                String base = resource.namespace() + "_" + String.join("_", words);
                name = base;
                for (int n = 2; used.contains(name); n++) {
                    name = base + "_" + n;
                }
            }
            used.add(name);
            names.put(resource, name);
        }
        return names;
    }

    /** The literal segments of the collection path, extension and versions dropped, in snake case. */
    static List<String> words(SpecResource resource) {
        List<String> words = new ArrayList<>();
        for (String segment : resource.collectionPath().split("/")) {
            if (segment.isEmpty() || segment.contains("{")) {
                continue;
            }
            String word = EXTENSION.matcher(segment).replaceFirst("");
            if (VERSION.matcher(word).matches()) {
                continue;
            }
            word = NOT_A_NAME.matcher(FieldNames.snake(word)).replaceAll("_");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            words.add("items");
        }
        return words;
    }
}
