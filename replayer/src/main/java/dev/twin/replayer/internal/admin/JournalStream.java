package dev.twin.replayer.internal.admin;

import dev.twin.replayer.internal.http.ResponseStream;

import java.util.List;

/**
 * {@code GET /__twin/requests/stream}: the journal as server-sent events, one {@code request} event per entry
 * (its summary as {@code /__twin/requests} lists it, {@code id} its {@code seq}): first the entries kept with a
 * {@code seq} above {@code ?after=} (default: all kept), oldest first, then each new one as it is added. An entry
 * added while the kept ones are sent may come twice; clients keep one per {@code seq}. While a stream is open the
 * journal captures each request's detail.
 */
final class JournalStream implements ResponseStream {
    private final RequestJournal journal;
    private final JournalJson json;
    private final long after;

    JournalStream(RequestJournal journal, JournalJson json, long after) {
        this.journal = journal;
        this.json = json;
        this.after = after;
    }

    @Override
    public void open(Sink sink) {
        Runnable unsubscribe = journal.subscribe((sequence, entry) ->
                // serialised on the stream's own loop, not on the thread that answered the request
                sink.schedule(() -> send(sink, sequence, entry), 0));
        sink.onClose(unsubscribe);
        List<RequestJournal.Numbered> kept = journal.recentNumbered();
        for (int i = kept.size() - 1; i >= 0; i--) {
            RequestJournal.Numbered numbered = kept.get(i);
            if (numbered.sequence() > after && !send(sink, numbered.sequence(), numbered.entry())) {
                return;
            }
        }
        ServerSentEvents.heartbeat(sink);
    }

    private boolean send(Sink sink, long sequence, JournalEntry entry) {
        return sink.write(ServerSentEvents.event("request", sequence, json.summary(sequence, entry).toString()));
    }
}
