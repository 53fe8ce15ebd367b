"""The version of a product an editor form is based on: its editable state, a token over it, what changed since.

The editor sends the state it showed with the form (signed). The writer compares its token with the
product's state now, under a row lock, and refuses a stale save; the editor then lists what changed meanwhile.
The state covers what the editor shows (the product's fields and every registered part), not scores or
publications, so that publishing or rescoring does not make an open form stale.
"""

import hashlib
import json
from dataclasses import dataclass

from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import parts
from .models import Product

_SALT = "products.edit_versions"


def _plain(values) -> object:
    """Values as JSON gives them back (decimals and dates as text), so that a state read from a form compares."""
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _row_values(row: models.Model, names) -> dict:
    return {name: getattr(row, row._meta.get_field(name).attname) for name in names}


def editable_state(product: Product) -> dict:
    """What the editor shows of the stored product: its fields, each list's rows (by pk) and each section."""
    state = {"fields": _row_values(product, parts.PRODUCT_FIELDS), "lists": {}, "sections": {}}
    for part in parts.all_parts():
        rows = part.model.objects.filter(product_id=product.pk).order_by("pk")
        if part.many:
            state["lists"][part.name] = [{"pk": row.pk, **_row_values(row, part.fields)} for row in rows]
        else:
            row = rows.first()
            state["sections"][part.name] = None if row is None else _row_values(row, part.fields)
    return _plain(state)


def edit_token(state: dict) -> str:
    """A short hash of a state: equal tokens mean the editor's view of the product is the same."""
    canonical = json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:40]


def sign_state(state: dict) -> str:
    """The state as the editor's hidden field carries it: compressed and signed, so it cannot be forged."""
    return signing.dumps(state, salt=_SALT, compress=True)


def read_state(signed: str) -> dict | None:
    """The state a form was based on; None when the field is missing or was tampered with."""
    try:
        return signing.loads(signed or "", salt=_SALT)
    except signing.BadSignature:
        return None


@dataclass(frozen=True)
class Change:
    """One value that differs: where it is in the editor, and what it is now."""

    label: str
    now: str


def _display(model, name: str, value) -> str:
    model_field = model._meta.get_field(name)
    if value is None or value == "":
        return _("not disclosed")
    if model_field.is_relation:
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _label(model, name: str) -> str:
    return capfirst(model._meta.get_field(name).verbose_name)


def _changed_values(model, before: dict, now: dict, prefix: str) -> list[Change]:
    return [
        Change(f"{prefix}{_label(model, name)}", _display(model, name, now.get(name)))
        for name in now
        if name != "pk" and before.get(name) != now.get(name)
    ]


def _summary(model, row: dict) -> str:
    shown = [_display(model, name, value) for name, value in row.items() if name != "pk" and value not in (None, "")]
    return ", ".join(shown) or _("not disclosed")


def _list_changes(part: parts.Part, before: list[dict], now: list[dict]) -> list[Change]:
    changes = []
    before_by_pk = {row["pk"]: row for row in before}
    now_pks = {row["pk"] for row in now}
    for number, row in enumerate(now, start=1):
        prefix = f"{part.title} › {part.row_label} {number} › "
        if row["pk"] not in before_by_pk:
            changes.append(
                Change(
                    f"{part.title} › {part.row_label} {number}",
                    _("added: %(row)s") % {"row": _summary(part.model, row)},
                )
            )
        else:
            changes.extend(_changed_values(part.model, before_by_pk[row["pk"]], row, prefix))
    for row in before:
        if row["pk"] not in now_pks:
            changes.append(
                Change(f"{part.title} › {part.row_label}", _("removed: %(row)s") % {"row": _summary(part.model, row)})
            )
    return changes


def changes_between(before: dict, now: dict) -> list[Change]:
    """What differs from ``before`` (the state a form was based on) to ``now``, with the values now."""
    changes = _changed_values(Product, before.get("fields", {}), now["fields"], "")
    for part in parts.all_parts():
        if part.many:
            changes += _list_changes(part, before.get("lists", {}).get(part.name, []), now["lists"][part.name])
            continue
        old, new = before.get("sections", {}).get(part.name), now["sections"][part.name]
        if old == new:
            continue
        if new is None:
            changes.append(Change(part.title, _("removed")))
        else:
            changes += _changed_values(part.model, old or {}, new, f"{part.title} › ")
    return changes
