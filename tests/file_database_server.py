"""A threaded WSGI server in its own process on a fresh database, for tests of concurrent writes over HTTP.

The suite's SQLite test database lives in memory, where connections share one cache with table locks that
never wait: it cannot show how SQLite behaves under concurrent requests. This module runs the project with the
test settings on a SQLite file (or any ``DATABASE_URL``) in a child process: it migrates, creates a maker with
an API token and a category, prints them as one JSON line, then serves requests, each in its own thread with
its own connection, as a production server does.

``python -m tests.file_database_server`` is the child; :func:`start_server` starts it and reads the line.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

ROOT = Path(__file__).resolve().parent.parent


class ThreadedServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    # Twenty clients connect at once: none should wait for a retransmitted SYN.
    request_queue_size = 64


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def _serve() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from rest_framework.authtoken.models import Token

    from tests.factories import CategoryFactory, MakerMembershipFactory

    call_command("migrate", verbosity=0, interactive=False)
    membership = MakerMembershipFactory()
    token = Token.objects.create(user=membership.user).key
    category = CategoryFactory().slug
    from django.db import connections

    connections.close_all()  # every request thread opens its own connection
    server = ThreadedServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(get_wsgi_application())
    print(json.dumps({"port": server.server_port, "token": token, "category": category}), flush=True)
    server.serve_forever()


def start_server(database_url: str) -> tuple[subprocess.Popen, dict]:
    """Start the child on ``database_url``; returns the process and ``{"url", "token", "category"}``."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "1",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.file_database_server"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    if not line:
        process.wait(timeout=30)
        raise RuntimeError(f"The test server did not start (exit code {process.returncode}); see its stderr above.")
    started = json.loads(line)
    started["url"] = f"http://127.0.0.1:{started.pop('port')}"
    return process, started


if __name__ == "__main__":
    _serve()
