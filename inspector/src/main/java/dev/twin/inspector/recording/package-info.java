/**
 * The inspector page of {@code twin record}: the session's exchanges as they are recorded, redacted, one in
 * detail, the session as HAR, and inference of a twin from it. Served by a small admin-only twin server on
 * loopback beside the proxy, so that the proxied API's own paths are never shadowed.
 */
package dev.twin.inspector.recording;
