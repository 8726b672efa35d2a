"""A real open-source store to audit: django-oscar with its default theme, installed from PyPI
into its own virtualenv (never into a11y-audit's), filled with benchmarks/stores/catalogue.py.

    python -m benchmarks.stores.oscar_store setup            # once: venv, database, catalogue, customer
    python -m benchmarks.stores.oscar_store serve --port 8601   # until Ctrl-C

The customer account signs in with OSCAR_STORE_EMAIL / OSCAR_STORE_PASSWORD (defaults below;
a local benchmark store, no real person's data).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.stores.catalogue import write_catalogue
from benchmarks.stores.serving import wait_until_up

__all__ = ["CUSTOMER_EMAIL", "CUSTOMER_PASSWORD", "serve", "setup"]

OSCAR_VERSION = "4.2.1"
REQUIREMENTS = (f"django-oscar=={OSCAR_VERSION}", "sorl-thumbnail", "pycountry", "whoosh")
CUSTOMER_EMAIL = os.environ.get("OSCAR_STORE_EMAIL", "customer@bookshop.test")
CUSTOMER_PASSWORD = os.environ.get("OSCAR_STORE_PASSWORD", "benchmark-store-2026")
HERE = Path(__file__).parent
SITES = HERE / "sites"
DEFAULT_ROOT = Path(os.environ.get("A11Y_AUDIT_STORES", HERE.parents[1] / ".cache" / "stores")) / "oscar"


def setup(root: Path = DEFAULT_ROOT) -> Path:
    """Install and fill the store under root (idempotent: a second call only re-imports)."""
    python = _venv(root)
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    _manage(python, root, "migrate", "--noinput")
    _manage(python, root, "collectstatic", "--noinput")
    catalogue = write_catalogue(data / "catalogue.csv")
    subprocess.run(
        [python, "-m", "oscar_site.populate", str(catalogue)], check=True, env=_env(root), cwd=SITES
    )
    _manage(python, root, "rebuild_index", "--noinput")
    return root


def serve(root: Path = DEFAULT_ROOT, port: int = 8601) -> subprocess.Popen[bytes]:
    """Start the store on 127.0.0.1:port and return once it answers."""
    python = root / "venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit(
            f"error: no store at {root}; run `python -m benchmarks.stores.oscar_store setup` first"
        )
    process = subprocess.Popen(
        [str(python), "-m", "django", "runserver", f"127.0.0.1:{port}", "--insecure", "--noreload"],
        env=_env(root),
        cwd=SITES,
    )
    wait_until_up(port, process)
    return process


def _venv(root: Path) -> str:
    python = root / "venv" / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *REQUIREMENTS], check=True)
    return str(python)


def _manage(python: str, root: Path, *args: str) -> None:
    subprocess.run([python, "-m", "django", *args], check=True, env=_env(root), cwd=SITES)


def _env(root: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "oscar_site.settings",
        "OSCAR_STORE_DATA": str(root / "data"),
        "OSCAR_STORE_EMAIL": CUSTOMER_EMAIL,
        "OSCAR_STORE_PASSWORD": CUSTOMER_PASSWORD,
        "PYTHONPATH": str(SITES),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stores.oscar_store", description=__doc__)
    parser.add_argument("command", choices=("setup", "serve"))
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--port", type=int, default=8601)
    options = parser.parse_args(argv)
    if options.command == "setup":
        print(setup(options.root))
        return
    process = serve(options.root, options.port)
    print(f"Oscar store at http://127.0.0.1:{options.port}/ (Ctrl-C stops it)", flush=True)
    try:
        process.wait()
    except KeyboardInterrupt:
        process.terminate()


if __name__ == "__main__":
    main()
