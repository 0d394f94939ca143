package dev.twin.inference.operation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Whether the API writes every JSON object's members sorted by name ({@code server.json.sortKeys}). Two members in
 * name order happen by chance half the time, and one kind of object answered a hundred times is still one
 * observation, so the evidence is the distinct member lists seen: sorted when none was out of order and together
 * they held {@value #PAIRS_NEEDED} neighbouring pairs at least (a fixed unsorted order passing by chance: under
 * one in two hundred).
 */
final class MemberOrder {
    static final int PAIRS_NEEDED = 8;
    private static final int MAX_LISTS = 500;

    private final Set<String> sortedLists = new HashSet<>();
    private int pairs;
    private boolean unsortedSeen;

    void accept(JsonNode tree) {
        if (unsortedSeen) {
            return;
        }
        if (tree.isObject() && tree.size() >= 2) {
            StringBuilder list = new StringBuilder();
            String previous = null;
            for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (previous != null && previous.compareTo(name) > 0) {
                    unsortedSeen = true;
                    return;
                }
                list.append(name).append((char) 0);
                previous = name;
            }
            if (sortedLists.size() < MAX_LISTS && sortedLists.add(list.toString())) {
                pairs += tree.size() - 1;
            }
        }
        for (JsonNode child : tree) {
            if (child.isContainerNode()) {
                accept(child);
            }
        }
    }

    boolean sorted() {
        return !unsortedSeen && pairs >= PAIRS_NEEDED;
    }

    String describe() {
        return sortedLists.size() + " distinct member lists in the recorded answers, " + pairs
                + " neighbouring pairs, every one in name order";
    }
}
