"""Fill the stock Oscar shop: countries, a catalogue CSV through Oscar's own importer, and a
customer account, so journeys can sign in and check out. Runs in the store's virtualenv:
`python -m oscar_site.populate CATALOGUE.csv` with OSCAR_STORE_EMAIL/OSCAR_STORE_PASSWORD set.
"""

import os
import shutil
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oscar_site.settings")
django.setup()

import oscar  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402
from django.core.management import call_command  # noqa: E402


def main(catalogue: str) -> None:
    Site.objects.update_or_create(id=settings.SITE_ID, defaults={"domain": "127.0.0.1", "name": "Oscar"})
    call_command("oscar_populate_countries", "--initial-only", verbosity=0)
    call_command("oscar_import_catalogue", catalogue, verbosity=0)
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    missing = Path(oscar.__file__).parent / "static" / "oscar" / "img" / "image_not_found.jpg"
    shutil.copy(missing, media / "image_not_found.jpg")
    user_model = get_user_model()
    email, password = os.environ["OSCAR_STORE_EMAIL"], os.environ["OSCAR_STORE_PASSWORD"]
    user, _ = user_model.objects.get_or_create(username="customer", defaults={"email": email})
    user.email = email
    user.set_password(password)
    user.save()


if __name__ == "__main__":
    main(sys.argv[1])
