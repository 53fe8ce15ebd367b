"""The catalogue's did:web identifier and its DID document, which publishes every public signing key (pure)."""

from urllib.parse import quote, urlsplit

DID_CONTEXT = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"]


def did_for(base_url: str) -> str:
    """``https://werkstatt.example.org`` → ``did:web:werkstatt.example.org``; a port is percent-encoded
    (``did:web:127.0.0.1%3A8000``), as the did:web method requires."""
    return "did:web:" + quote(urlsplit(base_url).netloc.lower(), safe="")


def did_document_url(did: str) -> str:
    """Where a did:web DID's document lives: https, except for a development host on this machine."""
    host = did.removeprefix("did:web:").split(":")[0].replace("%3A", ":").replace("%3a", ":")
    scheme = "http" if host.split(":")[0] in ("127.0.0.1", "localhost", "testserver") else "https"
    return f"{scheme}://{host}/.well-known/did.json"


def verification_method_id(did: str, kid: str) -> str:
    return f"{did}#{kid}"


def did_document(did: str, public_keys: list[dict]) -> dict:
    """The DID document: one JsonWebKey verification method per public key, every one allowed to assert."""
    methods = [
        {
            "id": verification_method_id(did, key["kid"]),
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": {name: value for name, value in key.items() if name != "retired_at"},
        }
        for key in public_keys
    ]
    return {
        "@context": DID_CONTEXT,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
