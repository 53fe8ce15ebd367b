"""The editor's row actions without JavaScript: add a blank row to a list, move a row up or down.

Each is a submit button of the editor form (``add-<prefix>``, ``move-<prefix>`` with ``<index>:up`` or
``<index>:down``). The page comes back with everything typed, changed as asked, and nothing is saved or validated.
With JavaScript on, static/js/editor.js does the same in the page and these requests never happen.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import parts

ADD = "add-"
MOVE = "move-"
DIRECTIONS = ("up", "down")


@dataclass
class RowAction:
    """What a row button asked for, and after :func:`apply` what to tell the maker and where to put the focus."""

    kind: str  # "add" or "move"
    part: parts.Part
    index: int | None = None
    direction: str = ""
    message: str = ""
    focus_field: str = ""  # after "add": the new row's field that gets the focus


def requested_action(data) -> RowAction | None:
    """The row button the form was sent with, or None for a save."""
    for part in parts.lists():
        if ADD + part.name in data:
            return RowAction("add", part)
        index, _sep, direction = data.get(MOVE + part.name, "").partition(":")
        if part.order_field and index.isdigit() and direction in DIRECTIONS:
            return RowAction("move", part, index=int(index), direction=direction)
    return None


def _count(data, key: str, limit: int) -> int:
    try:
        return max(0, min(int(data.get(key, 0)), limit))
    except ValueError:
        return 0


def _position(data, key: str) -> int | None:
    try:
        return int(data.get(key, ""))
    except ValueError:
        return None


def apply(action: RowAction, data):
    """A copy of the form's data with the action done; fills in the action's message and focus."""
    part, prefix = action.part, action.part.name
    data = data.copy()
    # The formset refuses more forms than this anyway (products.forms: absolute_max).
    total_key = f"{prefix}-TOTAL_FORMS"
    total = _count(data, total_key, part.max_rows + 50)
    order = part.order_field
    if action.kind == "add":
        if total >= part.max_rows:
            action.message = _("%(list)s has at most %(limit)d rows.") % {"list": part.title, "limit": part.max_rows}
            return data
        data[total_key] = str(total + 1)
        if order:
            positions = [_position(data, f"{prefix}-{index}-{order}") or 0 for index in range(total)]
            data[f"{prefix}-{total}-{order}"] = str(max(positions, default=0) + 1)
        action.focus_field = next(name for name in part.fields if name != order)
        action.index = total
        action.message = _("Added a blank row to %(list)s.") % {"list": part.title}
        return data
    rows = sorted(
        (index for index in range(total) if not data.get(f"{prefix}-{index}-DELETE")),
        key=lambda index: (_position(data, f"{prefix}-{index}-{order}") or 10**6, index),
    )
    if action.index not in rows:
        return data
    place = rows.index(action.index)
    target = place - 1 if action.direction == "up" else place + 1
    if 0 <= target < len(rows):
        rows[place], rows[target] = rows[target], rows[place]
        place = target
    for number, index in enumerate(rows, start=1):
        data[f"{prefix}-{index}-{order}"] = str(number)
    action.message = _("%(row)s moved to position %(position)d of %(count)d.") % {
        "row": part.row_label,
        "position": place + 1,
        "count": len(rows),
    }
    return data
