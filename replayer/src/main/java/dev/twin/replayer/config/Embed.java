package dev.twin.replayer.config;

import java.util.Map;
import java.util.Objects;

/**
 * {@code tables[].embed} — rows of other tables a read can embed on request, as json-server's
 * {@code GET /posts/1?_embed=comments} answers the post with its comments.
 *
 * @param param    the query parameter naming what to embed ({@code _embed})
 * @param children child table → its field holding this row's id ({@code comments: postId}); the embedded array
 *                 is named after the child table
 */
public record Embed(String param, Map<String, String> children) {
    public Embed {
        Objects.requireNonNull(param, "param");
        children = Map.copyOf(children);
    }
}
