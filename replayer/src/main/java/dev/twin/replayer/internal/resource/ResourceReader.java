package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.internal.spec.SpecDocument;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@link ResourceFacts} of every resource a spec describes that something makes rows of: a create
 * answering one of its items, or a PUT to an item. The one costly step of {@code stateful: auto}.
 */
final class ResourceReader {
    private ResourceReader() {
    }

    static List<ResourceFacts> read(SpecDocument spec) {
        SchemaLookup schemas = new SchemaLookup(spec.components());
        SpecAnswers answers = new SpecAnswers(spec.components(), schemas);
        List<ResourceFacts> facts = new ArrayList<>();
        for (SpecResource found : ResourceFinder.find(spec.namespace(), spec.operations())) {
            Optional<ItemShape> shape = ItemShape.of(found, schemas);
            if (shape.isEmpty()) {
                continue;
            }
            ItemShape item = shape.get();
            boolean creates = ItemShape.createMakesItem(found, item, schemas);
            if (!creates && found.operation(Binding.Action.UPDATE).isEmpty()) {
                continue;
            }
            SpecResource resource = creates ? found : withoutCreate(found);
            Optional<ListStyle> list = resource.operation(Binding.Action.LIST)
                    .flatMap(operation -> ListShape.of(operation, item, schemas));
            DefaultRow defaults = DefaultRow.of(resource, item, schemas, answers);
            Schema<?> idSchema = schemas.resolve(item.properties().get(item.idField()));
            facts.add(new ResourceFacts(resource, item.schemaName(), item.idField(), item.parentFields(),
                    list.orElse(null), IdShape.of(idSchema, defaults.exampleId()),
                    ResourceConventions.of(resource, item, defaults, list, schemas, answers),
                    UploadFields.sources(resource, item, defaults, schemas), referenceBranches(item, schemas),
                    resource.operation(Binding.Action.CREATE)
                            .map(create -> schemas.items(OperationBodies.schema(create)) != null).orElse(false)));
        }
        return facts;
    }

    /** The resource without its POST, which makes something else than its items. */
    private static SpecResource withoutCreate(SpecResource resource) {
        return new SpecResource(resource.namespace(), resource.collectionPath(), resource.itemPath(),
                resource.idParam(), resource.parentParams(), resource.operations().stream()
                .filter(operation -> operation.action() != Binding.Action.CREATE).toList(), true);
    }

    /**
     * Properties that hold another resource's id or that resource's object (Stripe's {@code customer: anyOf
     * [string, $ref customer]}): the components each may embed.
     */
    private static Map<String, List<String>> referenceBranches(ItemShape item, SchemaLookup schemas) {
        Map<String, List<String>> references = new LinkedHashMap<>();
        item.properties().forEach((name, property) -> {
            Schema<?> resolved = schemas.resolve(property);
            if (resolved == null) {
                return;
            }
            List<Schema> branches = new ArrayList<>();
            if (resolved.getAnyOf() != null) {
                branches.addAll(resolved.getAnyOf());
            }
            if (resolved.getOneOf() != null) {
                branches.addAll(resolved.getOneOf());
            }
            boolean holdsId = branches.stream().anyMatch(b -> "string".equals(SchemaLookup.type(schemas.resolve(b))));
            List<String> components = branches.stream().map(SchemaLookup::refName)
                    .filter(java.util.Objects::nonNull).toList();
            if (holdsId && !components.isEmpty()) {
                references.put(name, components);
            }
        });
        return references;
    }
}
