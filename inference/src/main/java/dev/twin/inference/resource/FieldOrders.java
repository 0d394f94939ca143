package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order in which the API sends a resource's fields ({@code fields.order}): verdaccio answers a version
 * {@code {name, version, description, ...}} where the twin would put its id first, and a digest ETag, a snapshot
 * test or a client hashing the body tells the two apart.
 *
 * <p>The evidence is every row the API answered (reads, and writes answering the row), as recorded: each row says
 * that each field came right before the next. Those orderings, taken together, give one order when they never
 * contradict each other; fields no row ordered against each other keep the order they were first seen in. When
 * they do contradict (a server that echoes each request's own field order), nothing is written.
 */
public final class FieldOrders {
    /** More fields than this in a resource's rows are not ordered (bounds the memory a wide recording takes). */
    private static final int MAX_FIELDS = 200;

    private static final class Evidence {
        final Map<String, Integer> firstSeen = new LinkedHashMap<>();
        final Map<String, Set<String>> next = new HashMap<>();
        int rows;
        boolean tooWide;
    }

    private final Map<Resource, Evidence> evidence = new LinkedHashMap<>();

    /** A row as the API answered it, its fields in the order sent. */
    public void row(Resource resource, JsonNode row) {
        if (row == null || !row.isObject() || row.size() < 2) {
            return;
        }
        Evidence seen = evidence.computeIfAbsent(resource, r -> new Evidence());
        if (seen.tooWide) {
            return;
        }
        seen.rows++;
        String previous = null;
        for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!seen.firstSeen.containsKey(name) && seen.firstSeen.size() >= MAX_FIELDS) {
                seen.tooWide = true;
                return;
            }
            seen.firstSeen.putIfAbsent(name, seen.firstSeen.size());
            if (previous != null) {
                seen.next.computeIfAbsent(previous, p -> new LinkedHashSet<>()).add(name);
            }
            previous = name;
        }
    }

    /** Writes {@code fields.order} into each resource whose rows agree on one order, with its evidence. */
    public void settle() {
        evidence.forEach((resource, seen) -> {
            if (seen.tooWide) {
                resource.evidence.add("field order: rows with more than " + MAX_FIELDS + " fields; not ordered");
                return;
            }
            List<String> order = order(seen);
            if (order == null) {
                resource.evidence.add("field order: the rows read sent their fields in orders that contradict "
                        + "each other (the server keeps each request's order?); the twin's own order is kept");
                return;
            }
            resource.fields = resource.fields.withOrder(order);
            resource.evidence.add("field order: " + order + " (" + seen.rows + " row" + (seen.rows == 1 ? "" : "s")
                    + " answered, none contradicting it)");
        });
    }

    /**
     * The fields sorted so each comes after every field some row sent right before it (Kahn's algorithm, the
     * earliest seen first among those free to go); null when the rows contradict each other (a cycle).
     */
    private static List<String> order(Evidence seen) {
        Map<String, Integer> before = new HashMap<>();
        seen.firstSeen.keySet().forEach(name -> before.put(name, 0));
        seen.next.values().forEach(after -> after.forEach(name -> before.merge(name, 1, Integer::sum)));
        PriorityQueue<String> free = new PriorityQueue<>(Comparator.comparing(seen.firstSeen::get));
        before.forEach((name, count) -> {
            if (count == 0) {
                free.add(name);
            }
        });
        List<String> order = new ArrayList<>();
        while (!free.isEmpty()) {
            String name = free.poll();
            order.add(name);
            for (String after : seen.next.getOrDefault(name, Set.of())) {
                if (before.merge(after, -1, Integer::sum) == 0) {
                    free.add(after);
                }
            }
        }
        return order.size() == seen.firstSeen.size() ? order : null;
    }
}
