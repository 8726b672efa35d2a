"""Oscar's URLs at the root, as its guide wires them (plus i18n, which its language menu posts to).

Uploaded media (product images, Oscar's "image not found" picture) is served by Django's
static view: the store runs with DEBUG off, where Django serves no media by itself, and a
store whose images all answer 404 would never have its images audited.
"""

from django.apps import apps
from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("", include(apps.get_app_config("oscar").urls[0])),
]
