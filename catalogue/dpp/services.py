"""Writes of the DPP layer: the restricted part frozen with a version, and the record of each restricted read."""

from django.db import transaction

from catalogue.dpp.access import AccessClass, seal
from catalogue.dpp.models import RestrictedPart, RestrictedRead
from catalogue.dpp.selectors import active_grant_for
from catalogue.models import PassportVersion


def store_restricted_part(version: PassportVersion, content: dict) -> RestrictedPart:
    """Keep the version's restricted part; its hash must be the one the public snapshot names."""
    sealed, content_hash = seal(content)
    expected = (version.snapshot.get("restricted_part") or {}).get("sha256")
    if expected != content_hash:
        raise ValueError("The restricted part does not match the hash in the snapshot.")
    return RestrictedPart.objects.create(version=version, content=sealed, content_hash=content_hash)


@transaction.atomic
def read_restricted(version_id: int, user, channel: str) -> dict | None:
    """The restricted part of a version for ``user``, logged; None when the user's organisation has no grant in
    force or the version was published before restricted parts existed."""
    grant = active_grant_for(user)
    if grant is None:
        return None
    part = RestrictedPart.objects.filter(version_id=version_id).first()
    if part is None:
        return None
    RestrictedRead.objects.create(
        version_id=version_id,
        user=user,
        username=user.get_username(),
        grant=grant,
        organisation_name=grant.organisation.name,
        role=grant.role,
        channel=channel,
    )
    return {
        "access_class": AccessClass.LEGITIMATE_INTEREST.value,
        "role": grant.role,
        "grant_expires_on": grant.expires_on.isoformat(),
        "sha256": part.content_hash,
        "content": part.content,
    }
