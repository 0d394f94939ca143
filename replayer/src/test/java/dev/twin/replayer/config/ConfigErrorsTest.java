package dev.twin.replayer.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every mistake the loader catches, with the exact location and message the user sees. */
class ConfigErrorsTest {
    private static final String IMPORT = "imports: [{path: spec.yaml, as: stripe}]\n";

    @TempDir
    Path dir;

    /** Loads {@code yaml} as twin.yaml, expecting failure; locations shown relative to the temp dir. */
    private List<String> problems(String yaml) {
        Path file = ConfigFiles.twinYaml(dir, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(e.getMessage(), String.join("\n", e.problems().stream().map(ConfigProblem::toString).toList()));
        return e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void unknownKeyIsReportedWithTheClosestKnownKey() {
        assertEquals(List.of("twin.yaml:3:3: server.prot: unknown key (did you mean 'port'?)"),
                problems(IMPORT + "server:\n  prot: 8080\n"));
    }

    @Test
    void givenATenantByteQuotaThatIsNoSize_whenLoaded_thenTheFormsOfASizeAreNamed() {
        assertEquals(List.of("twin.yaml:3:13: tenancy.maxBytes: invalid size 'lots', expected a positive number of "
                        + "bytes, or with a unit: 65536, 512kb, 32mb, 1gb"),
                problems(IMPORT + "tenancy:\n  maxBytes: lots\n"));
    }

    @Test
    void unknownKeyWithoutACloseMatchListsTheAllowedKeys() {
        assertEquals(List.of("twin.yaml:2:1: plugins: unknown key; allowed here: version, imports, server, "
                + "tenancy, credentials, idempotency, conventions, tables, extend, customOperations, scenarios, "
                + "faults, rateLimits, events, webhooks, webhookEndpoints, magicValues, replay, stateful, state, "
                + "clock, lifecycles, callbacks"),
                problems(IMPORT + "plugins: []\n"));
    }

    @Test
    void givenATimeFormatTheTwinDoesNotWrite_whenLoaded_thenItIsReportedAtTheValueWithTheFormats() {
        List<String> problems = problems(IMPORT + "conventions:\n  fields:\n    times:\n      endsAt: millis\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("twin.yaml:5:15: conventions.fields.times.endsAt: "), problems.get(0));
        assertTrue(problems.get(0).contains("iso8601-millis"), problems.get(0));
    }

    @Test
    void givenAClockFieldNamingNoTime_whenLoaded_thenItIsReportedAtTheField() {
        List<String> problems = problems(IMPORT + "conventions:\n  fields:\n    byClock:\n      phase:\n"
                + "        before: scheduled\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("twin.yaml:6:9: conventions.fields.byClock.phase: names no time field"),
                problems.get(0));
    }

    @Test
    void givenAClockFieldWithAnAfterButNoUntil_whenLoaded_thenItIsReported() {
        List<String> problems = problems(IMPORT + "conventions:\n  fields:\n    byClock:\n      phase:\n"
                + "        from: opensAt\n        after: ended\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("twin.yaml:6:9: conventions.fields.byClock.phase: after needs until"),
                problems.get(0));
    }

    @Test
    void givenAClockFieldWithAnUnknownKey_whenLoaded_thenTheKnownKeysAreNamed() {
        List<String> problems = problems(IMPORT + "conventions:\n  fields:\n    byClock:\n      phase:\n"
                + "        from: opensAt\n        during: running\n        untill: closesAt\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("twin.yaml:8:9: conventions.fields.byClock.phase.untill: unknown key"),
                problems.get(0));
    }

    @Test
    void givenAClockFieldListOrderNamingAnUnknownValue_whenLoaded_thenTheValuesAreNamed() {
        List<String> problems = problems(IMPORT + "conventions:\n  fields:\n    byClock:\n      phase:\n"
                + "        from: opensAt\n        before: scheduled\n        during: running\n"
                + "        listOrder: [running, done]\n");
        assertEquals(List.of("twin.yaml:9:20: conventions.fields.byClock.phase.listOrder: 'done' is none of this "
                + "field's values [scheduled, running]"), problems);
    }

    @Test
    void givenNotBeforeNowThatIsNoList_whenLoaded_thenItIsReportedAtTheValue() {
        List<String> problems = problems(IMPORT + "conventions:\n  fields:\n    notBeforeNow: 5\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("twin.yaml:4:19: conventions.fields.notBeforeNow: "), problems.get(0));
    }

    @Test
    void givenAnUpsertThatIsNoBoolean_whenLoaded_thenItIsReportedAtTheValue() {
        List<String> problems = problems(IMPORT + "conventions:\n  create:\n    upsert: sometimes\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("twin.yaml:4:13: conventions.create.upsert: "), problems.get(0));
    }

    @Test
    void givenCreateDefaultsThatAreNoMappingOrAClampThatIsNoBoolean_whenLoaded_thenEachIsReportedAtTheValue() {
        List<String> problems = problems(IMPORT + "conventions:\n  create:\n    defaults: [done]\n"
                + "  list:\n    clampLimit: maybe\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("twin.yaml:4:15: conventions.create.defaults: "), problems.get(0));
        assertTrue(problems.get(1).startsWith("twin.yaml:6:17: conventions.list.clampLimit: "), problems.get(1));
    }

    @Test
    void givenACreateExistsRuleWithoutStatusOrOnAMissingTable_whenLoaded_thenEachIsReportedAtItsLine() {
        List<String> problems = problems(IMPORT + "tables:\n  - name: books\n    response:\n      create:\n"
                + "        exists:\n          author: {table: writers, status: 400}\n"
                + "          shelf: {table: books}\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("exists.shelf") && p.contains("status")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("exists.author.table") && p.contains("writers")),
                problems.toString());
    }

    @Test
    void givenAFieldRefusalWithoutABodyOrWithAStatusThatIsNoClientError_whenLoaded_thenEachIsReportedAtItsLine() {
        List<String> problems = problems(IMPORT + "conventions:\n  errors:\n    byParam:\n"
                + "      title: {required: {status: 400}}\n      email: {any: {status: 500, body: {}}}\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("byParam.title.required") && p.contains("body")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("byParam.email.any.status")), problems.toString());
    }

    @Test
    void givenAListCountPathWithAnEmptySegment_whenLoaded_thenItIsReportedAtTheValue() {
        assertEquals(List.of("twin.yaml:4:17: conventions.list.totalField: expected a field name or a dotted path "
                + "such as meta.total, got 'meta..total'"),
                problems(IMPORT + "conventions:\n  list:\n    totalField: meta..total\n"));
    }

    @Test
    void givenAnUnknownListStyle_whenLoaded_thenTheFourStylesAreNamed() {
        List<String> problems = problems(IMPORT + "conventions:\n  list:\n    style: keyset\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("twin.yaml:4:12: conventions.list.style: ")
                && problems.get(0).contains("cursor") && problems.get(0).contains("offset")
                && problems.get(0).contains("none"), problems.toString());
    }

    @Test
    void givenServerLimitsThatCannotBe_whenLoaded_thenEachIsAProblemAtItsLine() {
        assertEquals(List.of(
                        "twin.yaml:4:19: server.limits.maxUrlLength: must be between 16 and 2147483647, got 8",
                        "twin.yaml:5:20: server.limits.maxHeaderSize: must be between 256 bytes and 2gb, got 3gb",
                        "twin.yaml:6:17: server.limits.maxHeaders: expected an integer, got 'many'",
                        "twin.yaml:7:18: server.limits.bodyTimeout: invalid duration '0s', expected a positive number "
                                + "and a unit: 90s, 30m, 24h, 7d",
                        "twin.yaml:8:5: server.limits.maxBodySiz: unknown key (did you mean 'maxBodySize'?)"),
                problems(IMPORT + """
                        server:
                          limits:
                            maxUrlLength: 8
                            maxHeaderSize: 3gb
                            maxHeaders: many
                            bodyTimeout: 0s
                            maxBodySiz: 1mb
                        """));
    }

    @Test
    void givenAnApiHeaderWithALineBreak_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems(IMPORT + "server:\n  headers: {X-Api: \"a\\nb\"}\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("must be printable ASCII on one line"), problems.toString());
    }

    @Test
    void givenARandomTemplateTooLongOrOfAnUnknownAlphabet_whenLoaded_thenEachIsAProblemAtLoad() {
        List<String> problems = problems(IMPORT + "conventions:\n  create:\n    generate: {a: \"{{random 100000}}\", "
                + "b: \"x{{random 8 \\\"octal\\\"}}\"}\n");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("random: length must be 1-256, got 100000"), problems.toString());
        assertEquals(true, problems.get(1).contains("unknown alphabet 'octal'"), problems.toString());
    }

    @Test
    void givenCreateHeadersThatAreNoHeadersOrABodyBesideEmptyBody_whenLoaded_thenEachIsAProblemAtItsLine() {
        List<String> problems = problems(IMPORT + "conventions:\n  create:\n    emptyBody: true\n    body: {ok: true}\n"
                + "    headers: {\"Bad Name\": x, Range: \"0-0\"}\n");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("emptyBody: a create answers either body or no body"),
                problems.toString());
        assertEquals(true, problems.get(1).contains("'Bad Name' is not a header name"), problems.toString());
    }

    @Test
    void givenAMediaTypeThatIsNoJsonTypeOrHoldsALineBreak_whenLoaded_thenItIsAProblemNamingWhatWasWritten() {
        for (String written : List.of("text/html", "text/json", "application/vnd.api+json\\r\\nX-Evil: 1",
                "application/json; charset=utf-8")) {
            List<String> problems = problems(IMPORT + "conventions:\n  mediaType: \"" + written + "\"\n");
            assertEquals(1, problems.size(), problems.toString());
            assertEquals(true, problems.get(0).contains("mediaType: expected a JSON media type"), problems.toString());
        }
    }

    @Test
    void givenAnItemEnvelope_whenLoaded_thenTheModelHoldsItsMemberActionsAndConstants() throws Exception {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir, IMPORT + "conventions:\n  itemEnvelope:\n"
                + "    field: node\n    actions: [get, create]\n    extraFields: {get: {action: get}}\n"
                + "    previous: {delete: prevNode}\n"));
        ItemEnvelope envelope = config.conventions().itemEnvelope();
        assertEquals("node", envelope.field());
        assertEquals(true, envelope.wraps(Binding.Action.CREATE));
        assertEquals(false, envelope.wraps(Binding.Action.DELETE));
        assertEquals("get", envelope.extraFields(Binding.Action.GET).path("action").asText());
        assertEquals(null, envelope.extraFields(Binding.Action.CREATE));
        assertEquals("prevNode", envelope.previous(Binding.Action.DELETE));
    }

    @Test
    void givenAnItemEnvelopeWrittenWrong_whenLoaded_thenEachProblemIsAtItsLine() {
        assertEquals(List.of("twin.yaml:4:5: conventions.itemEnvelope.field: required key is missing"),
                problems(IMPORT + "conventions:\n  itemEnvelope:\n    actions: [get]\n"));
        List<String> problems = problems(IMPORT + "conventions:\n  itemEnvelope:\n    field: node\n"
                + "    actions: [gett]\n    extraFields: {list: {a: 1}, get: {node: 1}}\n"
                + "    previous: {get: prev, delete: node}\n");
        assertEquals(5, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("twin.yaml:5:15: conventions.itemEnvelope.actions[0]: not an "
                + "item action, expected create | delete | get | patch | update (did you mean 'get'?)"),
                problems.toString());
        assertEquals(true, problems.get(1).contains("conventions.itemEnvelope.extraFields.list: not an item action"),
                problems.toString());
        assertEquals(true, problems.get(2).contains("conventions.itemEnvelope.extraFields.get.node: the row's own "
                + "member"), problems.toString());
        assertEquals(true, problems.get(3).contains("conventions.itemEnvelope.previous.get: not a write of an "
                + "existing row, expected delete | patch | update"), problems.toString());
        assertEquals(true, problems.get(4).contains("conventions.itemEnvelope.previous.delete: expected a member "
                + "other than the row's ('node')"), problems.toString());
    }

    @Test
    void givenAWriteIndexWrittenWrong_whenLoaded_thenItIsAProblem() {
        assertEquals(1, problems(IMPORT + "conventions:\n  writeIndex: {}\n").size());
        List<String> problems = problems(IMPORT + "conventions:\n  writeIndex: {created: n, modified: n}\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("writeIndex.modified: 'n' is already the created field"),
                problems.toString());
        problems = problems(IMPORT + "tables:\n  - name: t\n    response:\n      delete: {omit: value}\n");
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void givenCreateLookupsReplacementsAndLimitsWrittenWrong_whenLoaded_thenEachIsAProblemAtItsLine() {
        List<String> problems = problems(IMPORT + "tables:\n  - name: accounts\n  - name: moves\n    response:\n"
                + "      create:\n"
                + "        lookup: {currency: {table: acounts, by: account, field: currency}, x: {table: accounts}}\n"
                + "        replace: {ref: {with: \"r_{{random 8}}\", keep: \"r_[\"}}\n"
                + "        limits: {amount: {table: accounts, by: account, max: balance, "
                + "error: {message: \"{{left}}\"}}}\n");
        assertEquals(List.of(
                "twin.yaml:7:36: tables[1].response.create.lookup.currency.table: no table 'acounts' "
                        + "(did you mean 'accounts'?)",
                "twin.yaml:7:79: tables[1].response.create.lookup.x.by: required key is missing",
                "twin.yaml:7:79: tables[1].response.create.lookup.x.field: required key is missing",
                "twin.yaml:8:55: tables[1].response.create.replace.ref.keep: invalid regular expression: "
                        + "Unclosed character class near index 2",
                "twin.yaml:9:88: tables[1].response.create.limits.amount.error.message: unknown variable 'left'; "
                        + "this template can read sent, remaining and row (the row the create named) in \"{{left}}\""),
                problems);
    }

    @Test
    void givenABareArrayOnCursorPaging_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems(IMPORT + "conventions:\n  list:\n    bareArray: true\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("bareArray needs style offset or none"), problems.toString());
    }

    @Test
    void givenIntegerIdsOnAPrefixTable_whenLoaded_thenItIsAProblem() {
        List<String> problems = problems(IMPORT + "tables:\n  - name: posts\n    idPrefix: p_\n    idType: integer\n");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("integer ids need idStrategy: sequence"), problems.toString());
    }

    @Test
    void givenAnUnpagedListWithANestedCount_whenLoaded_thenTheModelHoldsBoth() throws Exception {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir,
                IMPORT + "conventions:\n  list: {style: none, dataField: mappings, totalField: meta.total}\n"));
        assertEquals(ListStyle.Style.NONE, config.conventions().list().style());
        assertEquals("meta.total", config.conventions().list().totalField());
        assertEquals("mappings", config.conventions().list().dataField());
    }

    @Test
    void givenAnUnknownKindInEmptyBody_whenLoaded_thenTheEntryIsReportedWithTheClosestKind() {
        assertEquals(List.of("twin.yaml:4:27: conventions.errors.emptyBody[1]: unknown error kind, expected "
                + "NOT_FOUND | VALIDATION_ERROR | CONFLICT | UNAUTHORIZED | RATE_LIMITED | QUOTA_EXCEEDED | "
                + "IDEMPOTENCY_MISMATCH | UNAVAILABLE (did you mean 'NOT_FOUND'?)"),
                problems(IMPORT + "conventions:\n  errors:\n    emptyBody: [CONFLICT, NOT_FOUD]\n"));
    }

    @Test
    void givenAMalformedBodyAnswerWithAnUnknownDialectOrBothADialectAndABody_whenLoaded_thenEachIsAProblemAtItsLine() {
        List<String> problems = problems(IMPORT + "conventions:\n  errors:\n    malformedBody:\n"
                + "      dialect: cobol\n      status: 200\n");
        assertEquals(List.of("twin.yaml:5:16: conventions.errors.malformedBody.dialect: unknown value 'cobol', "
                + "expected go | node", "twin.yaml:6:15: conventions.errors.malformedBody.status: must be between 400 and "
                + "499, got 200"), problems);
        List<String> both = problems(IMPORT + "conventions:\n  errors:\n    malformedBody: {dialect: go, body: x}\n");
        assertEquals(1, both.size(), both.toString());
        assertTrue(both.get(0).startsWith("twin.yaml:4:") && both.get(0).contains("malformedBody.body: a dialect "
                + "computes the message"), both.toString());
        List<String> neither = problems(IMPORT + "conventions:\n  errors:\n    malformedBody: {status: 400}\n");
        assertEquals(1, neither.size(), neither.toString());
        assertTrue(neither.get(0).contains("malformedBody: expected a dialect (go | node) or a constant body"),
                neither.toString());
    }

    @Test
    void givenAMalformedBodyAnswer_whenLoaded_thenTheModelHoldsItAndAnswersGosWording() throws Exception {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir, IMPORT + "conventions:\n  errors:\n"
                + "    malformedBody: {status: 422, dialect: go, prefix: \"bad: \", suffix: \"\\n\"}\n"));
        MalformedBody answer = config.conventions().errors().malformedBody();
        assertEquals(new MalformedBody(422, "text/plain; charset=utf-8", JsonSyntaxDialect.GO, "bad: ", "\n", null),
                answer);
        assertEquals("bad: invalid character 'x' looking for beginning of value\n",
                new String(answer.answerFor("x".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(null, ErrorRules.DEFAULTS.malformedBody());
    }

    @Test
    void givenCreateFormsWithABadPatternAMissingOneAndAnUnknownVariable_whenLoaded_thenEachIsAProblemAtItsLine() {
        List<String> problems = problems(IMPORT + "conventions:\n  create:\n    forms:\n"
                + "      key: {pattern: \"[A-F\", status: 422}\n"
                + "      code: {status: 400}\n"
                + "      serial: {pattern: \"[0-9]{8}\", body: \"bad {{sent}} {{nosuch}}\"}\n");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("twin.yaml:5:") && problems.get(0).contains(
                "conventions.create.forms.key.pattern: invalid regular expression"), problems.toString());
        assertTrue(problems.get(1).startsWith("twin.yaml:6:") && problems.get(1).contains(
                "conventions.create.forms.code.pattern: required key is missing"), problems.toString());
        assertTrue(problems.get(2).startsWith("twin.yaml:7:") && problems.get(2).contains("nosuch"),
                problems.toString());
    }

    @Test
    void givenCreateForms_whenLoaded_thenTheModelHoldsThem() throws Exception {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir, IMPORT + "conventions:\n  create:\n"
                + "    forms: {key: {pattern: \"[0-9A-F]{4}\", status: 422, body: \"bad key {{sent}}\"}}\n"));
        CreateRule.Form form = config.conventions().create().forms().get("key");
        assertEquals("[0-9A-F]{4}", form.pattern().pattern());
        assertEquals(422, form.status());
        assertEquals("bad key {{sent}}", form.body().textValue());
    }

    @Test
    void givenEmptyBodyKinds_whenLoaded_thenTheModelHoldsThemAndDefaultsHaveNone() throws Exception {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir,
                IMPORT + "conventions:\n  errors: {emptyBody: [NOT_FOUND]}\n"));
        assertEquals(List.of(dev.twin.replayer.internal.http.ErrorKind.NOT_FOUND), config.conventions().errors().emptyBody());
        assertEquals(List.of(), ErrorRules.DEFAULTS.emptyBody());
    }

    @Test
    void givenARevisionWithoutItsField_whenLoaded_thenTheMissingKeyIsReportedAtItsLine() {
        List<String> found = problems(IMPORT + "conventions:\n  revision: {param: rev}\n");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("twin.yaml:3:") && found.get(0).contains("conventions.revision.field")
                && found.get(0).contains("required key is missing"), found.toString());
    }

    @Test
    void givenRevisionSplitAndAnUpdateBody_whenLoaded_thenTheModelHoldsThem() throws Exception {
        TwinConfig config = ConfigLoader.load(ConfigFiles.twinYaml(dir, IMPORT + "conventions:\n"
                + "  revision: {field: _rev, param: rev, enforce: false}\n"
                + "  fields: {split: [tags]}\n"
                + "  update: {upsert: true, body: {ok: true, rev: \"{{item._rev}}\"}}\n"));
        assertEquals(new RevisionRule("_rev", "rev", false), config.conventions().revision());
        assertEquals(List.of("tags"), config.conventions().fields().split());
        assertEquals("{{item._rev}}", config.conventions().update().body().path("rev").asText());
    }

    @Test
    void wrongTypeNamesWhatWasWritten() {
        assertEquals(List.of("twin.yaml:3:9: server.port: expected an integer, got 'abc'"),
                problems(IMPORT + "server:\n  port: abc\n"));
    }

    @Test
    void missingImportPathIsReportedAtItsEntry() {
        assertEquals(List.of("twin.yaml:2:5: imports[0].path: required key is missing"),
                problems("imports:\n  - as: stripe\n"));
    }

    @Test
    void missingImportsSectionIsReported() {
        assertEquals(List.of("twin.yaml:1:1: imports: required key is missing"), problems("server: {port: 1}\n"));
    }

    @Test
    void missingImportFileIsReportedAtItsPath() {
        assertEquals(List.of("twin.yaml:2:11: imports[0].path: file not found: specs/nope.yaml"),
                problems("imports:\n  - path: specs/nope.yaml\n"));
    }

    @Test
    void duplicateNamespaceNamesTheFirstOne() {
        assertEquals(List.of("twin.yaml:3:38: imports[1].as: duplicate namespace 'stripe' (also at twin.yaml:2:38)"),
                problems("imports:\n  - {path: spec.yaml,            as: stripe}\n"
                        + "  - {path: spec.yaml,            as: stripe}\n"));
    }

    @Test
    void duplicateTableNamesTheFirstOne() {
        assertEquals(List.of("twin.yaml:4:11: tables[1].name: duplicate table 'customers' (also at twin.yaml:3:11)"),
                problems(IMPORT + "tables:\n  - name: customers\n  - name: customers\n"));
    }

    @Test
    void bindingToAMissingTableSuggestsTheClosestTable() {
        assertEquals(List.of("twin.yaml:4:41: extend[0].table: no table 'custmers' (did you mean 'customers'?)"),
                problems(IMPORT + "tables: [{name: customers}]\nextend:\n"
                        + "  - {mock: stripe.PostCustomers, table: custmers, action: create}\n"));
    }

    @Test
    void unknownActionListsTheActions() {
        assertEquals(List.of("twin.yaml:4:60: extend[0].action: unknown value 'creat', expected list | create | get "
                        + "| patch | update | delete | custom | search (did you mean 'create'?)"),
                problems(IMPORT + "tables: [{name: customers}]\nextend:\n"
                        + "  - {mock: stripe.PostCustomers, table: customers, action: creat}\n"));
    }

    @Test
    void customActionWithoutOperationIsReportedAtTheBinding() {
        assertEquals(List.of("twin.yaml:4:5: extend[0].operation: required when action is custom "
                        + "(the name of one of customOperations)"),
                problems(IMPORT + "tables: [{name: pis}]\nextend:\n"
                        + "  - {mock: stripe.Confirm, table: pis, action: custom}\n"));
    }

    @Test
    void customActionWithAnUnknownOperationSuggestsTheClosest() {
        assertEquals(List.of("twin.yaml:4:67: extend[0].operation: no custom operation 'ConfirmPI' "
                        + "(did you mean 'ConfirmPi'?)"),
                problems(IMPORT + "tables: [{name: pis}]\nextend:\n"
                        + "  - {mock: stripe.Confirm, table: pis, action: custom, operation: ConfirmPI}\n"
                        + "customOperations:\n  - name: ConfirmPi\n"
                        + "    steps: [{type: read, table: pis, id: input.id, as: pi}]\n    response: pi\n"));
    }

    @Test
    void bindingToAnUnknownNamespaceNamesTheImports() {
        assertEquals(List.of("twin.yaml:4:11: extend[0].mock: unknown namespace 'strpe'; imports are: stripe "
                        + "(did you mean 'stripe'?)"),
                problems(IMPORT + "tables: [{name: customers}]\nextend:\n"
                        + "  - mock: strpe.PostCustomers\n    table: customers\n    action: create\n"));
    }

    @Test
    void expressionThatDoesNotParseIsLocatedInsideTheExpression() {
        assertEquals(List.of("twin.yaml:5:69: customOperations[0].steps[0].check: expression does not parse: "
                        + "parsing error in '==' at column 11 of \"pi.status == \""),
                problems(IMPORT + "customOperations:\n  - name: Check\n    steps:\n"
                        + "      - {type: validate, error: {kind: CONFLICT}, check: \"pi.status == \"}\n"
                        + "    response: input\n"));
    }

    @Test
    void expressionWithAssignmentIsRejected() {
        assertEquals(List.of("twin.yaml:5:16: customOperations[0].response: expression does not parse: "
                        + "global assign/modify error in 'x' at column 1 of \"x = 1\""),
                problems(IMPORT + "customOperations:\n  - name: Check\n"
                        + "    steps: [{type: set, as: x, value: '1'}]\n    response: 'x = 1'\n"));
    }

    @Test
    void bareWordMeantAsAStringGetsAQuotingHint() {
        assertEquals(List.of("twin.yaml:7:61: customOperations[0].steps[1].set.status: unknown variable "
                        + "'succeeded' (known here: input, request, magic, pi); to write the string succeeded, "
                        + "quote it inside: \"'succeeded'\""),
                problems(IMPORT + "tables: [{name: pis}]\ncustomOperations:\n  - name: Confirm\n    steps:\n"
                        + "      - {type: read, table: pis, id: input.id, as: pi}\n"
                        + "      - {type: update, table: pis, id: pi.id, set: {status: succeeded}}\n"
                        + "    response: pi\n"));
    }

    @Test
    void stepWithoutItsRequiredKeysIsReported() {
        assertEquals(List.of("twin.yaml:5:9: customOperations[0].steps[0].table: required key is missing",
                        "twin.yaml:5:9: customOperations[0].steps[0].as: required key is missing",
                        "twin.yaml:5:36: customOperations[0].steps[0].where: unknown key; allowed here: "
                                + "type, table, id, as, error, optional, when, each"),
                problems(IMPORT + "customOperations:\n  - name: Get\n    steps:\n"
                        + "      - {type: read, id: input.id, where: {}}\n    response: input\n"));
    }

    @Test
    void templateThatDoesNotParseIsLocatedInsideTheTemplate() {
        assertEquals(List.of("twin.yaml:3:33: conventions.delete.body.id: template does not parse: found: '}' "
                        + "at column 10 of \"{{item.id}\""),
                problems(IMPORT + "conventions:\n  delete: {body: {id: \"{{item.id}\"}, status: 200}\n"));
    }

    @Test
    void badRegexInCredentialsIsReportedWithItsPosition() {
        assertEquals(List.of("twin.yaml:3:11: credentials.reject: invalid regular expression: Unclosed group "
                + "near index 8"), problems(IMPORT + "credentials:\n  reject: \"sk_(live\"\n"));
    }

    @Test
    void badIdPatternIsReported() {
        assertEquals(List.of("twin.yaml:3:26: tables[0].idPattern: invalid regular expression: Unclosed "
                        + "character class near index 5"),
                problems(IMPORT + "tables:\n  - {name: m, idPattern: \"SM[0-9\"}\n"));
    }

    @Test
    void idKeysOfAnotherStrategyAreReported() {
        assertEquals(List.of("twin.yaml:3:43: tables[0].idPrefix: only used with idStrategy: prefix "
                + "(this table uses uuid)"), problems(IMPORT + "tables:\n  - {name: m, idStrategy: uuid, idPrefix: m_}\n"));
    }

    @Test
    void badDurationShowsTheAcceptedForms() {
        assertEquals(List.of("twin.yaml:3:11: idempotency.window: invalid duration '24 hours', expected a positive "
                + "number and a unit: 90s, 30m, 24h, 7d"), problems(IMPORT + "idempotency:\n  window: 24 hours\n"));
    }

    @Test
    void yamlSyntaxErrorUsesTheParsersPosition() {
        assertEquals(List.of("twin.yaml:2:1: YAML syntax error: while parsing a flow sequence, expected ',' or ']', "
                + "but got <scalar>"), problems("imports: [{path: spec.yaml}\nserver: 1\n"));
    }

    @Test
    void duplicateKeyIsReported() {
        assertEquals(List.of("twin.yaml:4:3: server.port: duplicate key (first at twin.yaml:3:3)"),
                problems(IMPORT + "server:\n  port: 1\n  port: 2\n"));
    }

    @Test
    void deleteBodyWithStatus204IsReported() {
        assertEquals(List.of("twin.yaml:3:3: conventions.delete: a 204 response has no body: set delete.status "
                + "to 200 or remove delete.body"), problems(IMPORT + "conventions:\n  delete:\n    status: 204\n"
                + "    body: {deleted: true}\n"));
    }

    @Test
    void referenceToAMissingTableSuggestsTheClosest() {
        assertEquals(List.of("twin.yaml:4:40: tables[1].references.customer: no table 'customer' "
                        + "(did you mean 'customers'?)"),
                problems(IMPORT + "tables:\n  - name: customers\n  - {name: pis, references: {customer: customer}}\n"));
    }

    @Test
    void bindingTheSameOperationTwiceNamesTheFirstBinding() {
        assertEquals(List.of("twin.yaml:5:12: extend[1].mock: stripe.GetCustomers is already bound "
                        + "(at twin.yaml:4:12)"),
                problems(IMPORT + "tables: [{name: customers}]\nextend:\n"
                        + "  - {mock: stripe.GetCustomers, table: customers, action: list}\n"
                        + "  - {mock: stripe.GetCustomers, table: customers, action: get}\n"));
    }

    @Test
    void mockWithoutNamespaceIsReported() {
        assertEquals(List.of("twin.yaml:4:12: extend[0].mock: expected <namespace>.<operationId>, "
                        + "got 'PostCustomers'"),
                problems(IMPORT + "tables: [{name: customers}]\nextend:\n"
                        + "  - {mock: PostCustomers, table: customers, action: create}\n"));
    }

    @Test
    void operationOnANonCustomBindingIsReported() {
        assertEquals(List.of("twin.yaml:4:79: extend[0].operation: only used with action: custom"),
                problems(IMPORT + "tables: [{name: customers}]\nextend:\n"
                        + "  - {mock: stripe.PostCustomers, table: customers, action: create, operation: X}\n"));
    }

    @Test
    void builtInVariableCannotBeAStepName() {
        assertEquals(List.of("twin.yaml:5:51: customOperations[0].steps[0].as: 'input' is a built-in variable; "
                        + "choose another name"),
                problems(IMPORT + "customOperations:\n  - name: X\n    steps:\n"
                        + "      - {type: set, value: '1',               as: input}\n    response: '1'\n"));
    }

    @Test
    void variableOfALaterStepIsNotInScope() {
        assertEquals(List.of("twin.yaml:5:35: customOperations[0].steps[0].value: unknown variable 'b' "
                        + "(known here: input, request, magic)"),
                problems(IMPORT + "customOperations:\n  - name: X\n    steps:\n"
                        + "      - {type: set, as: a, value: b + 1}\n      - {type: set, as: b, value: '2'}\n"
                        + "    response: a\n"));
    }

    @Test
    void outOfRangeIntegerIsReported() {
        assertEquals(List.of("twin.yaml:2:16: server.port: must be between 0 and 65535, got 70000"),
                problems(IMPORT + "server: {port: 70000}\n"));
    }

    @Test
    void unsupportedVersionIsReported() {
        assertEquals(List.of("twin.yaml:1:10: version: unsupported version 2; this twin reads version 1"),
                problems("version: 2\n" + IMPORT));
    }

    @Test
    void yamlAliasIsReported() {
        assertEquals(List.of("twin.yaml:4:12: tables[1].name: YAML aliases (*n) are not supported; repeat the value"),
                problems(IMPORT + "tables:\n  - {name: &n a}\n  - {name: *n}\n").subList(0, 1));
    }

    @Test
    void secondYamlDocumentIsReported() {
        assertEquals(List.of("twin.yaml:3:1: only one YAML document is allowed (found a second one)"),
                problems(IMPORT + "---\nimports: []\n"));
    }

    @Test
    void missingConfigFileIsReportedWithoutPosition() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir));
        assertEquals(dir.resolve("twin.yaml") + ": no such file", e.getMessage());
    }

    @Test
    void fourMistakesAreAllReportedInOneException() {
        assertEquals(List.of(
                        "twin.yaml:3:9: server.port: expected an integer, got 'abc'",
                        "twin.yaml:5:11: idempotency.window: invalid duration 'soon', expected a positive number "
                                + "and a unit: 90s, 30m, 24h, 7d",
                        "twin.yaml:6:1: plugins: unknown key; allowed here: version, imports, server, tenancy, "
                                + "credentials, idempotency, conventions, tables, extend, customOperations, "
                                + "scenarios, faults, rateLimits, events, webhooks, webhookEndpoints, magicValues, "
                                + "replay, stateful, state, clock, lifecycles, callbacks",
                        "twin.yaml:8:41: extend[0].table: no table 'customer'"),
                problems(IMPORT + "server:\n  port: abc\nidempotency:\n  window: soon\nplugins: []\nextend:\n"
                        + "  - {mock: stripe.PostCustomers, table: customer, action: create}\n"));
    }

    @Test
    void laterChecksReportThroughTheSourceMapLikeTheLoader() throws Exception {
        Path file = ConfigFiles.twinYaml(dir, IMPORT + "tables: [{name: customers}]\nextend:\n"
                + "  - mock: stripe.PostCustomerz\n    table: customers\n    action: create\n");
        TwinConfig config = ConfigLoader.load(file);
        Binding binding = config.extend().get(0);

        ConfigProblem problem = ConfigProblems.at(config.sourceMap(), binding.pointer() + "/mock",
                ConfigProblems.withSuggestion("no operation " + binding.mock(), binding.mock(),
                        List.of("stripe.PostCustomers", "stripe.GetCustomers")));

        assertEquals(file + ":4:11: extend[0].mock: no operation stripe.PostCustomerz "
                + "(did you mean 'stripe.PostCustomers'?)", problem.toString());
        assertEquals(problem.location(), binding.location());
    }
}
