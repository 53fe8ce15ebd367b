"""VC-JOSE: a credential secured as a compact JWS whose claims set is the credential itself (pure)."""

import json

from jwcrypto import jws

from catalogue.credentials.did import verification_method_id
from catalogue.credentials.keys import ALGORITHM, KeyRing
from catalogue.passports.hashing import canonical_json

MEDIA_TYPE = "application/vc+jwt"
JWT_TYPE = "vc+jwt"
CONTENT_TYPE = "vc"


def sign_credential(credential: dict, ring: KeyRing, did: str) -> str:
    """The credential as a JWT (``typ`` vc+jwt, ``cty`` vc) signed with the current key, named by its DID URL."""
    header = {
        "alg": ALGORITHM,
        "typ": JWT_TYPE,
        "cty": CONTENT_TYPE,
        "kid": verification_method_id(did, ring.current_kid),
    }
    token = jws.JWS(canonical_json(credential))
    token.add_signature(ring.current, alg=ALGORITHM, protected=json.dumps(header, sort_keys=True))
    return token.serialize(compact=True)
