"""Camera scanning on the lookup page: the per-page policies it needs and where its decoder is served from."""

import functools

from csp.decorators import csp_update
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django_permissions_policy.decorators import permissions_policy_override

# zxing-wasm, copied from npm by the Makefile (`make run`/`make test`) into the git-ignored static/vendor/.
DECODER_SCRIPT = "vendor/zxing-wasm/zxing-reader.js"
DECODER_WASM = "vendor/zxing-wasm/zxing_reader.wasm"

# The site's policy turns every device off; the lookup page alone may ask for the camera, for itself only.
_LOOKUP_PERMISSIONS = {**settings.PERMISSIONS_POLICY, "camera": ["self"]}
# WebAssembly.instantiate needs 'wasm-unsafe-eval' (it does not allow eval() of script text).
_LOOKUP_CSP = {"script-src": ["'wasm-unsafe-eval'"]}


def camera_page(view):
    """Lets the page behind ``view`` use the camera and compile the decoder's WebAssembly."""
    return csp_update(_LOOKUP_CSP)(permissions_policy_override(_LOOKUP_PERMISSIONS)(view))


def _static_url(name: str) -> str:
    if "Manifest" not in settings.STORAGES["staticfiles"]["BACKEND"] and not finders.find(name):
        return ""
    try:
        return static(name)
    except ValueError:  # not in the manifest: collected without the decoder (npm was missing)
        return ""


@functools.cache
def decoder_urls() -> dict:
    """The decoder's script and wasm URLs, or empty ones when it was not installed (the native path still works)."""
    script, wasm = _static_url(DECODER_SCRIPT), _static_url(DECODER_WASM)
    return {"script": script, "wasm": wasm} if script and wasm else {"script": "", "wasm": ""}
