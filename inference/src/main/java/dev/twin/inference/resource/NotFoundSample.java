package dev.twin.inference.resource;

/**
 * The first 404 message recorded, with what it may name: the path value it was about, the request path, and the
 * resource (its name once tables are known, the path template before).
 */
public record NotFoundSample(String message, String id, String path, String resource) {
    public NotFoundSample withResource(String name) {
        return new NotFoundSample(message, id, path, name);
    }
}
