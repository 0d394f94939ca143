package dev.twin.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * An in-house API built with Django REST framework 3.14 on Django 3.2 (Debian's {@code python3-djangorestframework}
 * and {@code python3-django-filters}; the app is corpus/django-rest/app.py in the test resources, served by the
 * standard library's WSGI server): authors seeded at start and books. The flow does what a client of such an API
 * does: create books (the model fills in defaults), be refused per field (a missing title, an author that does not
 * exist, a genre not among the choices), read, merge (PATCH), PUT (DRF keeps what is not sent), be refused a PUT
 * without a required field, page with {@code limit}/{@code offset} ({@code {count, next, previous, results}}, the
 * neighbouring pages as absolute URLs), order and filter, delete (204), and hit DRF's errors ({@code {"detail":
 * "Not found."}}, a method not allowed) and Django's HTML 404 for an unknown path.
 */
final class DjangoRestApi implements CorpusApi {
    private static final PythonApp APP = new PythonApp("corpus/django-rest/app.py", "rest_framework, django_filters",
            "Django REST framework", "apt-get install python3-djangorestframework python3-django-filters",
            "/api/authors/");

    @Override
    public String name() {
        return "django-rest";
    }

    @Override
    public String unavailable() {
        return APP.unavailable();
    }

    @Override
    public Upstream start(Path workDir) throws Exception {
        return APP.start(workDir, "django-rest");
    }

    @Override
    public void flow(FlowClient client) throws Exception {
        client.get("list-authors", "/api/authors/");
        client.get("list-books-empty", "/api/books/");
        JsonNode first = client.postJson("create-book-1", "/api/books/",
                Json.object("title", "The Dispossessed", "author", 1, "pages", 387)).json().path("id");
        JsonNode second = client.postJson("create-book-2", "/api/books/",
                Json.object("title", "Six Memos for the Next Millennium", "author", 2, "genre", "essay")).json()
                .path("id");
        JsonNode third = client.postJson("create-book-3", "/api/books/",
                Json.object("title", "Always Coming Home", "author", 1, "genre", "poetry", "in_print", false))
                .json().path("id");
        client.postJson("create-book-without-title", "/api/books/", Json.object("author", 1));
        client.postJson("create-book-of-unknown-author", "/api/books/", Json.object("title", "Ghost", "author", 99));
        client.postJson("create-book-of-unknown-genre", "/api/books/",
                Json.object("title", "Invisible Cities", "author", 2, "genre", "drama"));
        client.get("read-book-1", "/api/books/" + first.asText() + "/");
        client.get("read-book-2", "/api/books/" + second.asText() + "/");

        client.patchJson("patch-book-1", "/api/books/" + first.asText() + "/", "{\"pages\":400}");
        client.get("read-patched-book-1", "/api/books/" + first.asText() + "/");
        // DRF's PUT validates the whole object but only sets the fields sent: genre stays essay
        client.putJson("put-book-2", "/api/books/" + second.asText() + "/",
                Json.object("title", "Six Memos", "author", 2));
        client.get("read-put-book-2", "/api/books/" + second.asText() + "/");
        client.putJson("put-book-2-without-title", "/api/books/" + second.asText() + "/", Json.object("author", 2));

        client.get("list-page-1", "/api/books/?limit=2&offset=0");
        client.get("list-page-2", "/api/books/?limit=2&offset=2");
        client.get("list-ordered-by-title", "/api/books/?ordering=title");
        client.get("list-ordered-by-pages-desc", "/api/books/?ordering=-pages");
        client.get("list-books-of-author-1", "/api/books/?author=1");
        client.get("list-essays", "/api/books/?genre=essay");
        client.postJson("create-author", "/api/authors/", Json.object("name", "Octavia E. Butler"));
        client.get("list-authors-again", "/api/authors/");

        client.delete("delete-book-3", "/api/books/" + third.asText() + "/");
        client.get("read-deleted-book-3", "/api/books/" + third.asText() + "/");
        client.delete("delete-deleted-book-3", "/api/books/" + third.asText() + "/");
        client.get("read-never-existing-book", "/api/books/999/");
        client.delete("delete-every-book", "/api/books/");
        client.get("unknown-route", "/api/nope/");
        client.get("list-books-at-the-end", "/api/books/");
    }
}
