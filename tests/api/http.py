"""Talking HTTP to a real WSGI server (the live server or a server process) with an API token."""

import json
import urllib.error
import urllib.request


def token_request(url: str, token: str, *, method: str = "GET", body: dict | None = None, headers: dict | None = None):
    """One request; answers (status, headers, the parsed JSON body, or the start of an error's text)."""
    request = urllib.request.Request(
        url,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={
            "Authorization": f"Token {token}",
            "Accept": "application/json",
            "Accept-Language": "en",
            **({"Content-Type": "application/json"} if body is not None else {}),
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            raw = response.read()
            return response.status, response.headers, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, error.headers, json.loads(raw)
        except ValueError:
            return error.code, error.headers, raw.decode(errors="replace")[:300]
