package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.Set;

/** One JSON Schema compiled once, checking values and reporting violations under a parameter's name. */
final class SchemaCheck {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .regularExpressionFactory(BoundedPatternFactory.INSTANCE)
            .build();

    private final JsonSchema schema;
    private final ViolationTranslator translator;
    /** For simple scalar schemas: a check that recognises valid values without the validator; else null. */
    private final ScalarCheck quick;

    private SchemaCheck(JsonSchema schema, ViolationTranslator translator, ScalarCheck quick) {
        this.schema = schema;
        this.translator = translator;
        this.quick = quick;
    }

    /**
     * Compiles {@code jsonSchema}; a schema the validator cannot load throws {@link IllegalArgumentException} with
     * the validator's reason.
     */
    static SchemaCheck compile(JsonNode jsonSchema, String location, ParamNaming naming) {
        try {
            JsonSchema compiled = FACTORY.getSchema(jsonSchema, CONFIG);
            compiled.initializeValidators();
            return new SchemaCheck(compiled, new ViolationTranslator(location, naming), ScalarCheck.of(jsonSchema));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    void check(JsonNode value, List<Violation> out) {
        if (quick != null && quick.clearlyValid(value)) {
            return;
        }
        Set<ValidationMessage> messages = schema.validate(value);
        if (!messages.isEmpty()) {
            out.addAll(translator.translate(messages));
        }
    }
}
