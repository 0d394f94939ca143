/**
 * The recorded exchange model shared by every module: immutable records describing one HTTP request and what came
 * back. The store, redaction and HAR live in sub-packages.
 */
package dev.twin.recorder;
