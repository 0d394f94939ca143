package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.Conventions;
import dev.twin.replayer.config.ListStyle;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one resource's spec says about its table, whatever twin.yaml writes: everything {@code stateful: auto} reads
 * off the spec (the costly part: the operations' models, the default row, the documented errors), so it is read once
 * per version of a spec and kept in the start-up cache ({@link ResourceFactsCache}). {@link ResourceTables} puts
 * twin.yaml's tables, bindings and conventions on top.
 *
 * @param schemaName         the component the item schema is, or null
 * @param parentFields       parent path parameter → the item property holding it (itself when none does)
 * @param list               how lists look, or null when the resource has no list the table can answer
 * @param conventions        the conventions the spec shows, its documented errors included
 * @param uploadFields       item property → the expression taking it from the create's upload ({@link UploadFields})
 * @param referenceBranches  item property → the components it may embed, for {@code expand[]}
 * @param createAnswersArray the collection's POST answers a list (a batch, a search): not a create
 */
record ResourceFacts(SpecResource resource, String schemaName, String idField, Map<String, String> parentFields,
                     ListStyle list, IdShape id, Conventions conventions, Map<String, String> uploadFields,
                     Map<String, List<String>> referenceBranches, boolean createAnswersArray) {
    ResourceFacts {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(idField, "idField");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conventions, "conventions");
        parentFields = Map.copyOf(parentFields);
        uploadFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(uploadFields));
        referenceBranches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(referenceBranches));
    }
}
