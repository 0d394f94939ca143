package dev.twin.recorder;

import java.util.List;

/** The response the upstream gave (after redaction, once stored). */
public record RecordedResponse(int status, List<Header> headers, Body body) {
    public RecordedResponse {
        headers = List.copyOf(headers);
        body = body == null ? Body.EMPTY : body;
    }
}
