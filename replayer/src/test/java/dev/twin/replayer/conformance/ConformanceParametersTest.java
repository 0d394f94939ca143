package dev.twin.replayer.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static dev.twin.replayer.conformance.ConformanceTwin.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every OpenAPI style and explode combination is read back into its value (Swagger 2.0's collection formats
 * too): each operation constrains the value ({@code Ids}: three or more integers; {@code Filter}: role admin and a
 * size of at least 1), so the spelling the style defines passes and a wrong item is refused naming the parameter.
 */
class ConformanceParametersTest {
    private static final Map<SpecVersion, ConformanceTwin> TWINS = new EnumMap<>(SpecVersion.class);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        for (SpecVersion version : SpecVersion.values()) {
            TWINS.put(version, ConformanceTwin.serve(version.file("parameters"), Files.createDirectory(
                    dir.resolve(version.name()))));
        }
    }

    @AfterAll
    static void stop() {
        TWINS.values().forEach(ConformanceTwin::close);
    }

    private static void accepted(SpecVersion version, String path, String... headers) {
        HttpResponse<String> response = TWINS.get(version).get(path, headers);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
    }

    private static void refused(SpecVersion version, String parameter, String path, String... headers) {
        HttpResponse<String> response = TWINS.get(version).get(path, headers);
        assertEquals(422, response.statusCode(), path + ": " + response.body());
        assertEquals(parameter, json(response).at("/violations/0/parameter").asText().replaceAll("[.\\[].*", ""),
                response.body());
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void formExplodedObjectIsReadFromItsPropertiesAsQueryParameters(SpecVersion version) {
        accepted(version, "/query/form-exploded-object?role=admin&size=3");
        refused(version, "filter", "/query/form-exploded-object?role=admin&size=0");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void formObjectNotExplodedIsReadFromCommaSeparatedNamesAndValues(SpecVersion version) {
        accepted(version, "/query/form-object?filter=role,admin,size,3");
        refused(version, "filter", "/query/form-object?filter=role,admin,size,x");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void deepObjectIsReadFromBracketedNames(SpecVersion version) {
        accepted(version, "/query/deep-object?filter%5Brole%5D=admin&filter%5Bsize%5D=3");
        refused(version, "filter", "/query/deep-object?filter%5Brole%5D=user&filter%5Bsize%5D=3");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void formExplodedArrayIsReadFromRepeatedNames(SpecVersion version) {
        accepted(version, "/query/form-array?ids=3&ids=4&ids=5");
        refused(version, "ids", "/query/form-array?ids=3&ids=4");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void formArrayNotExplodedIsSplitAtCommas(SpecVersion version) {
        accepted(version, "/query/form-array-unexploded?ids=3,4,5");
        refused(version, "ids", "/query/form-array-unexploded?ids=3,x,5");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void spaceDelimitedArrayIsSplitAtSpaces(SpecVersion version) {
        accepted(version, "/query/space-delimited?ids=3%204%205");
        refused(version, "ids", "/query/space-delimited?ids=3%204");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void pipeDelimitedArrayIsSplitAtPipes(SpecVersion version) {
        accepted(version, "/query/pipe-delimited?ids=3%7C4%7C5");
        refused(version, "ids", "/query/pipe-delimited?ids=3%7Cx%7C5");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void pipeDelimitedObjectIsReadFromNamesAndValues(SpecVersion version) {
        accepted(version, "/query/pipe-delimited-object?filter=role%7Cadmin%7Csize%7C3");
        refused(version, "filter", "/query/pipe-delimited-object?filter=role%7Cadmin%7Csize%7C0");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void simplePathArrayIsSplitAtCommas(SpecVersion version) {
        accepted(version, "/path/simple/3,4,5");
        refused(version, "ids", "/path/simple/3,4");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void simplePathObjectIsReadFromNamesAndValues(SpecVersion version) {
        accepted(version, "/path/simple-object/role,admin,size,3");
        refused(version, "filter", "/path/simple-object/role,user,size,3");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void simpleExplodedPathObjectIsReadFromNameValuePairs(SpecVersion version) {
        accepted(version, "/path/simple-exploded-object/role=admin,size=3");
        refused(version, "filter", "/path/simple-exploded-object/role=admin,size=0");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void labelArrayStartsWithADotAndIsSplitAtCommas(SpecVersion version) {
        accepted(version, "/path/label/.3,4,5");
        refused(version, "ids", "/path/label/3,4,5");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void labelExplodedArrayIsSplitAtDots(SpecVersion version) {
        accepted(version, "/path/label-exploded/.3.4.5");
        refused(version, "ids", "/path/label-exploded/.3.x.5");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void labelExplodedObjectIsReadFromDottedPairs(SpecVersion version) {
        accepted(version, "/path/label-exploded-object/.role=admin.size=3");
        refused(version, "filter", "/path/label-exploded-object/.role=admin.size=x");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void matrixScalarIsReadAfterItsName(SpecVersion version) {
        accepted(version, "/path/matrix/;id=5");
        refused(version, "id", "/path/matrix/;id=0");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void matrixExplodedArrayIsReadFromRepeatedNames(SpecVersion version) {
        accepted(version, "/path/matrix-exploded/;ids=3;ids=4;ids=5");
        refused(version, "ids", "/path/matrix-exploded/;ids=3;ids=4");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void matrixObjectIsReadFromNamesAndValuesAfterItsName(SpecVersion version) {
        accepted(version, "/path/matrix-object/;filter=role,admin,size,3");
        refused(version, "filter", "/path/matrix-object/;filter=role,admin,size,0");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void matrixExplodedObjectIsReadFromItsPropertiesAsPairs(SpecVersion version) {
        accepted(version, "/path/matrix-exploded-object/;role=admin;size=3");
        refused(version, "filter", "/path/matrix-exploded-object/;role=user;size=3");
    }

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void headerArrayIsSplitAtCommas(SpecVersion version) {
        accepted(version, "/header", "X-Ids", "3, 4, 5");
        refused(version, "X-Ids", "/header", "X-Ids", "3, 4");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void headerExplodedObjectIsReadFromNameValuePairs(SpecVersion version) {
        accepted(version, "/header-object", "X-Filter", "role=admin,size=3");
        refused(version, "X-Filter", "/header-object", "X-Filter", "role=admin,size=0");
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"OPENAPI_30", "OPENAPI_31"})
    void cookieArrayAndObjectAreReadFromCommaSeparatedValues(SpecVersion version) {
        accepted(version, "/cookie", "Cookie", "ids=3,4,5; filter=role,admin,size,3");
        refused(version, "filter", "/cookie", "Cookie", "ids=3,4,5; filter=role,admin,size,0");
    }
}
