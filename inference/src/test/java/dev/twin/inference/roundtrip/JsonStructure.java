package dev.twin.inference.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Compares two JSON answers by structure: the same fields at every level with values of the same JSON type. */
final class JsonStructure {
    private JsonStructure() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, out);
        return out;
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.getNodeType() != actual.getNodeType()) {
            out.add(at + ": " + expected.getNodeType() + " expected, got " + actual.getNodeType());
            return;
        }
        if (expected.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.has(name)) {
                    out.add(at + "." + name + ": not expected");
                } else if (!actual.has(name)) {
                    out.add(at + "." + name + ": missing");
                } else {
                    compare(at + "." + name, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(at + ": " + expected.size() + " items expected, got " + actual.size());
            }
            Iterator<JsonNode> e = expected.iterator();
            Iterator<JsonNode> a = actual.iterator();
            int i = 0;
            while (e.hasNext() && a.hasNext()) {
                compare(at + "[" + i++ + "]", e.next(), a.next(), out);
            }
        }
    }
}
