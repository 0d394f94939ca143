package dev.twin.inference.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.config.Binding.Action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The envelope a table's item answers wrap the row in ({@code {node: row}}): twin.yaml's
 * {@code response.itemEnvelope}.
 *
 * @param field       the member holding the row
 * @param actions     the actions wrapped, or empty when every item action bound is
 * @param extraFields per action, the constant members beside the row
 * @param previous    per write, the member holding the row as it was before the write ({@code prevNode})
 */
public record ItemEnvelopeRule(String field, List<Action> actions, Map<Action, Map<String, JsonNode>> extraFields,
                               Map<Action, String> previous) {

    public ItemEnvelopeRule withPrevious(Map<Action, String> previous) {
        return new ItemEnvelopeRule(field, actions, extraFields, previous);
    }

    /** The {@code itemEnvelope:} mapping. */
    public Map<String, Object> toYaml() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("field", field);
        if (!actions.isEmpty()) {
            rule.put("actions", actions.stream().map(Action::yamlName).toList());
        }
        if (!extraFields.isEmpty()) {
            Map<String, Object> extra = new TreeMap<>();
            extraFields.forEach((action, constants) -> extra.put(action.yamlName(), new TreeMap<>(constants)));
            rule.put("extraFields", extra);
        }
        if (!previous.isEmpty()) {
            Map<String, String> byName = new TreeMap<>();
            previous.forEach((action, member) -> byName.put(action.yamlName(), member));
            rule.put("previous", byName);
        }
        return rule;
    }
}
