package dev.twin.inference.path;

import java.util.TreeMap;
import java.util.TreeSet;

/** One position of the inferred path tree: literal children by value, variable children by file suffix. */
final class TemplateNode {
    final TreeMap<String, TemplateNode> literals = new TreeMap<>();
    /** Key: the suffix kept after the value ("" or ".json"). */
    final TreeMap<String, TemplateNode> variables = new TreeMap<>();
    final TreeSet<String> methods = new TreeSet<>();
    String paramName;
    /** Why this variable was recognised, for the report. */
    String evidence;
    int distinctValues;
    /** Answer fields that held this variable's values, when they are names (see {@link EchoedSegments}). */
    TreeSet<String> echoedAs = new TreeSet<>();
}
