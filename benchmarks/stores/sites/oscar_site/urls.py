"""Oscar's URLs at the root, as its guide wires them (plus i18n, which its language menu posts to)."""

from django.apps import apps
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include(apps.get_app_config("oscar").urls[0])),
]
