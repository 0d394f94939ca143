package dev.twin.replayer.conformance;

/** The three forms a conformance spec is written in; each topic has one file per form it can express. */
enum SpecVersion {
    OPENAPI_30("openapi30"),
    OPENAPI_31("openapi31"),
    SWAGGER_20("swagger20");

    private final String suffix;

    SpecVersion(String suffix) {
        this.suffix = suffix;
    }

    /** {@code errors-openapi30.yaml} for topic {@code errors}. */
    String file(String topic) {
        return topic + "-" + suffix + ".yaml";
    }
}
