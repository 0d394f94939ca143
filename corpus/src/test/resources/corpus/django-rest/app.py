"""A small in-house API as teams build them with Django REST framework 3.14 (Debian's python3-djangorestframework on
Django 3.2): authors and their books in an in-memory SQLite database, ModelViewSets behind a DefaultRouter (trailing
slashes), limit/offset pages ({count, next, previous, results}), ordering and filters, and DRF's own validation and
not-found bodies. Started by the corpus tests (DjangoRestApi) as: python3 app.py <port>"""
import sys

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=['127.0.0.1', 'localhost'],
    ROOT_URLCONF=__name__,
    SECRET_KEY='corpus-only-not-secret',
    INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework', 'django_filters',
                    '__main__'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}},
    DEFAULT_AUTO_FIELD='django.db.models.AutoField',
    MIDDLEWARE=[],
    REST_FRAMEWORK={
        'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.LimitOffsetPagination',
        'PAGE_SIZE': 10,
        'DEFAULT_FILTER_BACKENDS': ['django_filters.rest_framework.DjangoFilterBackend',
                                    'rest_framework.filters.OrderingFilter'],
        'DEFAULT_RENDERER_CLASSES': ['rest_framework.renderers.JSONRenderer'],
        'DEFAULT_AUTHENTICATION_CLASSES': [],
        'DEFAULT_PERMISSION_CLASSES': [],
        'UNAUTHENTICATED_USER': None,
    },
)
django.setup()

from django.db import connection, models  # noqa: E402
from django.urls import include, path  # noqa: E402
from rest_framework import routers, serializers, viewsets  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=100)
    country = models.CharField(max_length=2, blank=True, default='')

    class Meta:
        app_label = '__main__'
        ordering = ['id']


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name='books')
    pages = models.PositiveIntegerField(null=True, blank=True)
    genre = models.CharField(max_length=20, choices=[('fiction', 'Fiction'), ('essay', 'Essay'),
                                                     ('poetry', 'Poetry')], default='fiction')
    in_print = models.BooleanField(default=True)

    class Meta:
        app_label = '__main__'
        ordering = ['id']


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ['id', 'name', 'country']


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ['id', 'title', 'author', 'pages', 'genre', 'in_print']


class AuthorViewSet(viewsets.ModelViewSet):
    queryset = Author.objects.all()
    serializer_class = AuthorSerializer


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    filterset_fields = ['author', 'genre']
    ordering_fields = ['title', 'pages']


router = routers.DefaultRouter()
router.register('authors', AuthorViewSet)
router.register('books', BookViewSet)
urlpatterns = [path('api/', include(router.urls))]

if __name__ == '__main__':
    with connection.schema_editor() as editor:
        editor.create_model(Author)
        editor.create_model(Book)
    # the authors the API holds before any client writes
    Author.objects.create(name='Ursula K. Le Guin', country='US')
    Author.objects.create(name='Italo Calvino', country='IT')
    from wsgiref.simple_server import make_server, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    port = int(sys.argv[1])
    server = make_server('127.0.0.1', port, get_wsgi_application(), handler_class=QuietHandler)
    print('django-rest listening on 127.0.0.1:%d' % port, flush=True)
    server.serve_forever()
