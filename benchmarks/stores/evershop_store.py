"""A second real open-source store to audit: EverShop (React and Node on PostgreSQL) with its
default theme, installed from npm into its own folder, on a private PostgreSQL cluster, filled
with benchmarks/stores/evershop_catalogue.py through EverShop's own admin REST API.

    python -m benchmarks.stores.evershop_store setup              # once: database, npm, build, catalogue
    python -m benchmarks.stores.evershop_store serve --port 8631  # until Ctrl-C (stops PostgreSQL too)
    python -m benchmarks.stores.evershop_store stop               # stop a PostgreSQL left running

Needs Node 20 and PostgreSQL 13+ (`setup` runs `apt-get install postgresql` when initdb is
missing, so the first run needs root or sudo, as ./bootstrap does). Everything else stays under
the root folder: the cluster in pg/ (loopback port EVERSHOP_STORE_PG_PORT, default 8639; run as
the `postgres` user when we are root, since PostgreSQL refuses root), the shop in app/.
The customer signs in with EVERSHOP_STORE_EMAIL / EVERSHOP_STORE_PASSWORD (defaults below; a
local benchmark store, no real person's data).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from benchmarks.stores.evershop_catalogue import (
    FEATURED,
    category_body,
    category_paths,
    category_url_key,
    collection_body,
    evershop_rows,
    featured_skus,
    featured_widget_body,
    menu_widget_body,
    product_body,
)
from benchmarks.stores.serving import wait_until_up

__all__ = ["CUSTOMER_EMAIL", "CUSTOMER_PASSWORD", "serve", "setup", "stop_postgres"]

EVERSHOP_VERSION = "2.2.1"
# EverShop 2.2.1 imports concat-stream (cms/services/CustomMemoryStorage.js) without declaring it.
PACKAGE_JSON = {
    "name": "evershop-benchmark-store",
    "private": True,
    "type": "module",
    "dependencies": {"@evershop/evershop": EVERSHOP_VERSION, "concat-stream": "2.0.0"},
}
CUSTOMER_EMAIL = os.environ.get("EVERSHOP_STORE_EMAIL", "customer@evershop-store.test")
CUSTOMER_PASSWORD = os.environ.get("EVERSHOP_STORE_PASSWORD", "benchmark-store-2026")
ADMIN_EMAIL = "admin@evershop-store.test"
ADMIN_PASSWORD = "benchmark-admin-2026"
PG_PORT = int(os.environ.get("EVERSHOP_STORE_PG_PORT", "8639"))
_SECRETS = (
    "JWT_ADMIN_SECRET",
    "JWT_ADMIN_REFRESH_SECRET",
    "JWT_CUSTOMER_SECRET",
    "JWT_CUSTOMER_REFRESH_SECRET",
    "ORDER_TRACKING_TOKEN_SECRET",
)
HERE = Path(__file__).parent
DEFAULT_ROOT = Path(os.environ.get("A11Y_AUDIT_STORES", HERE.parents[1] / ".cache" / "stores")) / "evershop"


def setup(root: Path = DEFAULT_ROOT, port: int = 8631) -> Path:
    """Install, build and fill the store under root (idempotent: a second call adds nothing)."""
    _start_postgres(root)
    app = _install_app(root)
    if not (app / ".evershop" / "build").is_dir():
        subprocess.run(
            [str(app / "node_modules" / ".bin" / "evershop"), "build"], check=True, cwd=app, env=_env()
        )
    process = serve(root, port)  # the first start runs EverShop's migrations
    try:
        _evershop(
            app,
            "user:create",
            "--name",
            "Benchmark Admin",
            "--email",
            ADMIN_EMAIL,
            "--password",
            ADMIN_PASSWORD,
        )
        _populate(f"http://127.0.0.1:{port}")
    finally:
        _stop_store(process)
        stop_postgres(root)
    return root


def serve(root: Path = DEFAULT_ROOT, port: int = 8631) -> subprocess.Popen[bytes]:
    """Start the store (and its PostgreSQL) on 127.0.0.1:port and return once it answers."""
    app = root / "app"
    if not (app / ".evershop" / "build").is_dir():
        raise SystemExit(
            f"error: no built store at {root}; run `python -m benchmarks.stores.evershop_store setup` first"
        )
    _start_postgres(root)
    process = subprocess.Popen(
        [str(app / "node_modules" / ".bin" / "evershop"), "start"],
        cwd=app,
        env={**_env(), "PORT": str(port), "EVERSHOP_HOME_URL": f"http://127.0.0.1:{port}"},
        start_new_session=True,  # EverShop forks event and cron workers: stop them as one group
    )
    wait_until_up(port, process, seconds=180)
    return process


def _stop_store(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _install_app(root: Path) -> Path:
    app = root / "app"
    app.mkdir(parents=True, exist_ok=True)
    manifest = json.dumps(PACKAGE_JSON, indent=2) + "\n"
    if not (app / "package.json").exists() or (app / "package.json").read_text(encoding="utf-8") != manifest:
        (app / "package.json").write_text(manifest, encoding="utf-8")
    if not (app / "node_modules" / ".package-lock.json").exists() or _newer(
        app / "package.json", app / "node_modules" / ".package-lock.json"
    ):
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], check=True, cwd=app)
    (app / ".env").write_text(_dotenv(app / ".env"), encoding="utf-8")
    return app


def _newer(first: Path, second: Path) -> bool:
    return first.stat().st_mtime > second.stat().st_mtime


def _dotenv(current: Path) -> str:
    """EverShop's settings, from .env: what `evershop install` would write without its prompts, and
    the secrets its tokens are signed with (made once, then kept, so sessions survive a setup)."""
    kept = _read_dotenv(current) if current.exists() else {}
    secrets_ = {name: kept.get(name) or secrets.token_hex(32) for name in _SECRETS}
    settings = {
        **secrets_,
        "DB_HOST": "127.0.0.1",
        "DB_PORT": str(PG_PORT),
        "DB_NAME": "evershop",
        "DB_USER": "evershop",
        "DB_PASSWORD": "",
        "DB_SSLMODE": "disable",
    }
    return "".join(f'{key}="{value}"\n' for key, value in settings.items())


def _read_dotenv(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)
    return {key.strip(): value.strip().strip('"') for key, value in pairs}


def _env() -> dict[str, str]:
    return {**os.environ, "SUPPRESS_NO_CONFIG_WARNING": "1"}


def _evershop(app: Path, *args: str) -> None:
    subprocess.run([str(app / "node_modules" / ".bin" / "evershop"), *args], check=True, cwd=app, env=_env())


def _start_postgres(root: Path) -> None:
    """A private cluster under root/pg on a loopback port, trusting local connections only."""
    pg = root / "pg"
    bindir = _postgres_bindir()
    if not (pg / "data" / "PG_VERSION").exists():
        pg.mkdir(parents=True, exist_ok=True)
        _as_postgres_owner(pg)
        _pg(
            bindir / "initdb",
            "-D",
            str(pg / "data"),
            "-U",
            "evershop",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
    status = subprocess.run(
        _pg_command(bindir / "pg_ctl", "-D", str(pg / "data"), "status"), capture_output=True
    )
    if status.returncode != 0:
        (pg / "run").mkdir(exist_ok=True)
        _as_postgres_owner(pg / "run")
        options = f"-p {PG_PORT} -k {pg / 'run'} -c listen_addresses=127.0.0.1"
        _pg(
            bindir / "pg_ctl",
            "-D",
            str(pg / "data"),
            "-l",
            str(pg / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )
    exists = _psql("SELECT 1 FROM pg_database WHERE datname = 'evershop'", database="postgres")
    if not exists:
        _psql("CREATE DATABASE evershop", database="postgres")


def stop_postgres(root: Path = DEFAULT_ROOT) -> None:
    """Stop the store's private PostgreSQL, if it runs."""
    data = root / "pg" / "data"
    if (data / "postmaster.pid").exists():
        _pg(_postgres_bindir() / "pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")


def _postgres_bindir() -> Path:
    """PostgreSQL's server programs (not on PATH on Debian); installs Debian's package when missing."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found and shutil.which("initdb") is None:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
        subprocess.run(
            [*sudo, "apt-get", "install", "-y", "-qq", "postgresql"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else Path(str(shutil.which("initdb"))).parent


def _as_postgres_owner(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


def _pg_command(program: Path, *args: str) -> list[str]:
    """PostgreSQL's server refuses to run as root: as root, run it as the postgres user."""
    return (
        ["runuser", "-u", "postgres", "--", str(program), *args]
        if os.geteuid() == 0
        else [str(program), *args]
    )


def _pg(program: Path, *args: str) -> None:
    subprocess.run(_pg_command(program, *args), check=True, stdout=subprocess.DEVNULL)


def _psql(sql: str, database: str = "evershop") -> list[list[str]]:
    """Rows of one query, as text (psql's unaligned, tab-separated output)."""
    command = [
        "psql",
        "-h",
        "127.0.0.1",
        "-p",
        str(PG_PORT),
        "-U",
        "evershop",
        "-d",
        database,
        "-AtF",
        "\t",
        "-c",
        sql,
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in output.splitlines() if line]


def _populate(base: str) -> None:
    """Catalogue, home page, menu and customer through EverShop's REST API; what exists is kept."""
    token = str(
        _api(base, "/api/user/tokens", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})["accessToken"]
    )
    rows = evershop_rows()
    paths = category_paths(rows)
    for path in paths:
        ids = _category_ids()
        if category_url_key(path) not in ids:
            parent = ids[category_url_key(path[:-1])] if len(path) > 1 else None
            _api(base, "/api/categories", category_body(path, parent), token)
    ids = _category_ids()
    group_id = int(_psql("SELECT min(attribute_group_id) FROM attribute_group")[0][0])
    package_id = int(
        _psql("SELECT package_id FROM package ORDER BY is_default DESC, package_id LIMIT 1")[0][0]
    )
    skus = {row[0] for row in _psql("SELECT sku FROM product")}
    for row in rows:
        if row[6] not in skus:
            category_id = ids[category_url_key(row[1].split(" > "))]
            _api(base, "/api/products", product_body(row, category_id, group_id, package_id), token)
    _populate_storefront(base, token, paths, featured_skus(rows))
    if not _psql(f"SELECT 1 FROM customer WHERE email = '{CUSTOMER_EMAIL}'"):
        customer = {"full_name": "Benchmark Customer", "email": CUSTOMER_EMAIL, "password": CUSTOMER_PASSWORD}
        _api(base, "/api/customers", customer)


def _populate_storefront(base: str, token: str, paths: list[tuple[str, ...]], featured: list[str]) -> None:
    """The featured collection with its products, the home page's grid of it and the main menu."""
    if not _psql(f"SELECT 1 FROM collection WHERE code = '{FEATURED}'"):
        collection = str(_api(base, "/api/collections", collection_body(), token)["uuid"])
        products = dict(_psql("SELECT sku, uuid FROM product"))
        for sku in featured:
            _api(base, f"/api/collections/{collection}/products", {"product_id": products[sku]}, token)
    widgets = {row[0] for row in _psql("SELECT name FROM widget_instance")}
    join = "category c JOIN category_description d ON d.category_description_category_id = c.category_id"
    uuids = dict(_psql(f"SELECT d.url_key, c.uuid FROM {join}"))
    for body in (featured_widget_body(), menu_widget_body(paths, uuids)):
        if body["name"] not in widgets:
            _api(base, "/api/widgets", body, token)


def _category_ids() -> dict[str, int]:
    rows = _psql("SELECT url_key, category_description_category_id FROM category_description")
    return {url_key: int(category_id) for url_key, category_id in rows}


def _api(base: str, path: str, body: Mapping[str, object], token: str | None = None) -> dict[str, object]:
    """POST JSON to the store's API and return its `data`; an error answer stops setup, naming it."""
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(base + path, json.dumps(body).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise SystemExit(
            f"error: the store refused POST {path}: {error.code} {error.read()[:300]!r}"
        ) from error
    if not isinstance(answer, dict) or answer.get("success") is False or "error" in answer:
        raise SystemExit(f"error: the store refused POST {path}: {str(answer)[:300]}")
    data = answer.get("data")
    return data if isinstance(data, dict) else {}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stores.evershop_store", description=__doc__)
    parser.add_argument("command", choices=("setup", "serve", "stop"))
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--port", type=int, default=8631)
    options = parser.parse_args(argv)
    if options.command == "setup":
        print(setup(options.root, options.port))
    elif options.command == "stop":
        stop_postgres(options.root)
    else:
        _serve_until_stopped(options.root, options.port)


def _serve_until_stopped(root: Path, port: int) -> None:
    """Serve until Ctrl-C or SIGTERM, then stop the store and its PostgreSQL."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in the background
    process = serve(root, port)
    print(f"EverShop store at http://127.0.0.1:{port}/ (Ctrl-C stops it)", flush=True)
    try:
        process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        _stop_store(process)
        stop_postgres(root)


if __name__ == "__main__":
    main()
