package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A CouchDB-compatible API: pouchdb-server 4.2.0 (npm, pinned in corpus/package-lock.json), its databases in memory,
 * its config and log in the work dir. The flow does what a CouchDB client (nano, PouchDB's replicator) does: create
 * databases, PUT documents under chosen ids and POST documents whose ids the server mints, read them (also at a
 * given {@code rev}), update with the current {@code _rev} (by PUT, and by POST naming {@code _id}) and with a stale
 * one (409), page {@code _all_docs} with {@code limit}, {@code skip}, {@code startkey}/{@code endkey} and
 * {@code include_docs}, delete with {@code ?rev=}, and read what is gone (a deleted document, a missing database).
 */
final class PouchDbServerApi implements CorpusApi {
    private static final NodeProgram POUCHDB_SERVER = new NodeProgram("pouchdb-server", "bin/pouchdb-server");

    @Override
    public String name() {
        return "pouchdb-server";
    }

    @Override
    public String unavailable() {
        return POUCHDB_SERVER.unavailable();
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        int port = FreePort.pick();
        return ProcessUpstream.start(POUCHDB_SERVER.command("--in-memory", "--host", "127.0.0.1", "--port",
                        String.valueOf(port), "--dir", workDir.toString(), "--config",
                        workDir.resolve("config.json").toString(), "--no-color"),
                workDir, URI.create("http://127.0.0.1:" + port), "/", workDir.resolve("pouchdb-server.log"));
    }

    @Override
    public Map<String, String> unrevealable() {
        return Map.of("db-info-books  $.instance_start_time", "when the server started, in unix milliseconds as a "
                + "string: a server clock reading (the twin answers the recorded one, or 4242424242424242 in about "
                + "1 run of 10, when inference's Scrubber takes the 13 digits for a card number that passes Luhn)");
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        // CouchDB clients ask for JSON; without it CouchDB and pouchdb-server label their JSON text/plain
        client.withDefaultHeader("Accept", "application/json");
        client.send("create-db-books", "PUT", "/books", Map.of(), null);
        client.send("create-db-authors", "PUT", "/authors", Map.of(), null);
        client.send("create-db-books-again", "PUT", "/books", Map.of(), null);

        // _all_docs sorts by id: the chosen ids start past 'f', so the one minted (hex) id always sorts first
        JsonNode dune = client.putJson("put-book-dune", "/books/novel-dune",
                Json.object("title", "Dune", "author", "Frank Herbert", "year", 1965)).json();
        JsonNode emma = client.putJson("put-book-emma", "/books/novel-emma",
                Json.object("title", "Emma", "author", "Jane Austen", "year", 1815)).json();
        client.putJson("put-book-ulysses", "/books/novel-ulysses",
                Json.object("title", "Ulysses", "author", "James Joyce", "year", 1922));
        JsonNode beloved = client.postJson("post-book-beloved", "/books",
                Json.object("title", "Beloved", "author", "Toni Morrison", "year", 1987)).json();
        JsonNode austen = client.postJson("post-author-1", "/authors",
                Json.object("name", "Jane Austen", "born", 1775)).json();
        client.postJson("post-author-2", "/authors", Json.object("name", "Toni Morrison", "born", 1931));

        client.get("get-book-dune", "/books/novel-dune");
        client.get("get-book-beloved", "/books/" + beloved.path("id").asText());
        client.get("get-author-1", "/authors/" + austen.path("id").asText());
        client.get("get-book-dune-at-rev", "/books/novel-dune?rev=" + dune.path("rev").asText());

        // an update names the revision it replaces; a stale one is a conflict
        JsonNode duneEdited = client.putJson("update-book-dune", "/books/novel-dune", Json.object("_rev",
                dune.path("rev"), "title", "Dune", "author", "Frank Herbert", "year", 1965, "edition", 2)).json();
        client.putJson("update-book-dune-stale-rev", "/books/novel-dune", Json.object("_rev", dune.path("rev"),
                "title", "Dune (stale)", "author", "Frank Herbert", "year", 1965));
        client.get("get-updated-book-dune", "/books/novel-dune");
        client.postJson("update-book-beloved-by-post", "/books", Json.object("_id", beloved.path("id"), "_rev",
                beloved.path("rev"), "title", "Beloved", "author", "Toni Morrison", "year", 1987, "pages", 324));
        client.get("get-updated-book-beloved", "/books/" + beloved.path("id").asText());
        client.putJson("put-book-emma-without-rev", "/books/novel-emma",
                Json.object("title", "Emma", "author", "Jane Austen", "year", 1816));

        client.get("all-docs", "/books/_all_docs");
        client.get("all-docs-limit-2-skip-1", "/books/_all_docs?limit=2&skip=1");
        client.get("all-docs-include-docs", "/books/_all_docs?include_docs=true");
        client.get("all-docs-from-startkey", "/books/_all_docs?startkey=%22novel-e%22&include_docs=true");
        client.get("all-docs-key-range", "/books/_all_docs?startkey=%22novel-d%22&endkey=%22novel-e%22");
        client.get("all-docs-descending", "/books/_all_docs?descending=true&limit=2");

        client.delete("delete-book-emma", "/books/novel-emma?rev=" + emma.path("rev").asText());
        client.delete("delete-book-dune-stale-rev", "/books/novel-dune?rev=" + dune.path("rev").asText());
        client.get("get-deleted-book-emma", "/books/novel-emma");
        client.get("get-never-existing-book", "/books/novel-nope");
        client.get("all-docs-after-delete", "/books/_all_docs");
        client.get("db-info-books", "/books");

        client.delete("delete-book-dune", "/books/novel-dune?rev=" + duneEdited.path("rev").asText());
        client.send("delete-db-authors", "DELETE", "/authors", Map.of(), null);
        client.get("get-deleted-db-authors", "/authors");
        client.get("get-missing-db", "/nope");
        client.putJson("put-doc-in-missing-db", "/nope/novel-x", Json.object("title", "x"));
    }
}
