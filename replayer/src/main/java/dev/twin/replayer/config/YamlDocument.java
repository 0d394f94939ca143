package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A parsed YAML file: its tree, where every node came from, and structural problems (duplicate keys...). */
record YamlDocument(JsonNode root, SourceMap sourceMap, List<ConfigProblem> problems) {
}
