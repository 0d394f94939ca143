package dev.twin.inference.resource;

import dev.twin.inference.operation.FieldFormRefusals;
import dev.twin.inference.operation.OperationStats;
import dev.twin.replayer.config.CreateRule;
import dev.twin.replayer.config.Binding;

import java.util.regex.Pattern;

/**
 * Writes {@code create.forms} into a table whose creates show the server checks a text field's form: a create
 * refused whose one difference from the accepted ones is a value without the form all accepted values of that field
 * share. Low confidence in the report: one refusal may have had another cause, and the form is drawn from the values
 * seen, so the twin may refuse a value the server would take that looks unlike every recorded one.
 */
public final class CreateForms {
    private CreateForms() {
    }

    public static void infer(Resource resource) {
        OperationStats create = resource.actions().get(Binding.Action.CREATE);
        if (create == null || resource.create == null) {
            return;
        }
        for (FieldFormRefusals.Found found : create.checkedForms()) {
            resource.create.forms.put(found.field(), new CreateRule.Form(Pattern.compile(found.form().regex()),
                    found.status(), found.body()));
            resource.evidence.add("create: '" + found.field() + "' sent as " + found.refused().stream()
                    .map(v -> "'" + v + "'").toList() + " was refused (" + found.status() + ") and nothing else set "
                    + "that write apart; the " + found.accepted() + " values accepted all had one form (" + found.form()
                    .description() + "): the twin refuses a value not matching " + found.form().regex() + " with the "
                    + "recorded answer" + (found.body() != null && found.body().toString().contains("{{sent}}")
                    ? " (the value sent echoed in it)" : "") + " (low confidence: one refusal may have had another "
                    + "cause, and a value unlike every recorded one may be one the server takes)");
        }
    }
}
