package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the resources of one spec from its paths: every path ending in a parameter segment
 * ({@code /things/{id}}, optionally with an extension as Twilio writes {@code /Messages/{Sid}.json}) whose
 * collection ({@code /things}, {@code /Messages.json}) the spec also has. A resource is kept when rows can be made:
 * a POST to the collection, or else a PUT to an item (an upsert). Operations map to actions by method: collection
 * GET lists, POST creates; item GET reads, POST and PATCH merge (Stripe updates with POST), PUT replaces, DELETE
 * deletes. Paths deeper than the item ({@code /things/{id}/confirm}) are not part of it.
 */
final class ResourceFinder {
    /** An item path: everything before the last segment, the parameter, an optional extension, a trailing slash. */
    private static final Pattern ITEM = Pattern.compile("^(.*)/\\{([^{}/]+)}(\\.[A-Za-z0-9]+)?(/?)$");

    private ResourceFinder() {
    }

    /** The resources of one import's operations, in the order their item paths appear in the spec. */
    static List<SpecResource> find(String namespace, List<ApiOperation> operations) {
        Map<String, List<ApiOperation>> byPath = new LinkedHashMap<>();
        for (ApiOperation operation : operations) {
            if (operation.namespace().equals(namespace)) {
                byPath.computeIfAbsent(operation.pathTemplate(), path -> new ArrayList<>()).add(operation);
            }
        }
        List<SpecResource> resources = new ArrayList<>();
        byPath.forEach((itemPath, itemOperations) -> {
            Matcher item = ITEM.matcher(itemPath);
            if (!item.matches() || item.group(1).isEmpty()) {
                return;
            }
            String extension = item.group(3) == null ? "" : item.group(3);
            String collectionPath = item.group(1) + extension + item.group(4);
            List<ApiOperation> collectionOperations = byPath.get(collectionPath);
            if (collectionOperations == null && !item.group(4).isEmpty()) {
                collectionOperations = byPath.get(item.group(1) + extension);
                collectionPath = item.group(1) + extension;
            }
            if (collectionOperations == null) {
                return;
            }
            SpecResource resource = resource(namespace, collectionPath, itemPath, item.group(2),
                    collectionOperations, itemOperations);
            if (resource != null) {
                resources.add(resource);
            }
        });
        return resources;
    }

    private static SpecResource resource(String namespace, String collectionPath, String itemPath, String idParam,
                                         List<ApiOperation> collectionOperations, List<ApiOperation> itemOperations) {
        List<SpecResource.Operation> operations = new ArrayList<>();
        boolean posts = false;
        for (ApiOperation operation : collectionOperations) {
            switch (operation.method()) {
                case "GET" -> operations.add(new SpecResource.Operation(operation, Binding.Action.LIST));
                case "POST" -> {
                    operations.add(new SpecResource.Operation(operation, Binding.Action.CREATE));
                    posts = true;
                }
                default -> { }
            }
        }
        boolean puts = false;
        for (ApiOperation operation : itemOperations) {
            Binding.Action action = switch (operation.method()) {
                case "GET" -> Binding.Action.GET;
                case "POST", "PATCH" -> Binding.Action.PATCH;
                case "PUT" -> Binding.Action.UPDATE;
                case "DELETE" -> Binding.Action.DELETE;
                default -> null;
            };
            if (action != null) {
                operations.add(new SpecResource.Operation(operation, action));
                puts |= action == Binding.Action.UPDATE;
            }
        }
        if (!posts && !puts) {
            return null; // nothing makes rows: a list and reads of an empty table would only hide the spec's answers
        }
        List<String> parents = itemOperations.get(0).pathParameterNames().stream()
                .filter(name -> !name.equals(idParam)).toList();
        return new SpecResource(namespace, collectionPath, itemPath, idParam, parents, operations, !posts);
    }
}
