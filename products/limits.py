"""How much a maker may enter: the longest free texts and the most rows of a list, with their messages.

Every page and PDF of a passport is rendered from what a maker entered, so an unbounded text or
list would make it slow for every visitor. The numbers of rows per list live in the parts registry
(``Part.max_rows``); the texts are capped by :class:`LimitedTextField`, whose limit the model's
``full_clean()``, the workspace forms and the API all enforce with the same message.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext

# The longest descriptions and instructions (characters); names and short texts are CharFields with their own.
DESCRIPTION_MAX_LENGTH = 5000
INSTRUCTIONS_MAX_LENGTH = 2000
# The most evidence documents of one product (evidence is added one by one, outside the parts registry).
EVIDENCE_MAX_COUNT = 30


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def text_too_long(label, limit: int, length: int) -> str:
    """The message for a text of ``length`` characters where at most ``limit`` fit."""
    return gettext("“%(field)s” should be at most %(limit)s characters long, not %(length)s.") % {
        "field": capfirst(label),
        "limit": _number(limit),
        "length": _number(length),
    }


def too_many_rows(title, limit: int, count: int) -> str:
    """The message for a list of ``count`` rows where at most ``limit`` are allowed."""
    return gettext("“%(list)s” should have at most %(limit)s entries, not %(count)s.") % {
        "list": capfirst(title),
        "limit": _number(limit),
        "count": _number(count),
    }


@deconstructible
class TextLengthValidator(MaxLengthValidator):
    """A maximum length whose message names the field and the limit."""

    def __init__(self, limit_value, label=""):
        super().__init__(limit_value)
        self.label = label

    def __call__(self, value):
        length = self.clean(value)
        if self.compare(length, self.limit_value):
            raise ValidationError(
                text_too_long(self.label, self.limit_value, length),
                code=self.code,
                params={"limit_value": self.limit_value, "show_value": length, "value": value},
            )

    def __eq__(self, other):
        return super().__eq__(other) and self.label == getattr(other, "label", None)


class LimitedTextField(models.TextField):
    """A text field whose ``max_length`` is enforced: Django's TextField only passes it to the form widget.

    The database stores any length; the model's validation, the form field (with ``maxlength`` on its
    text area) and the API's serializer field refuse a longer text with :func:`text_too_long`.
    """

    def __init__(self, *args, max_length: int, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

    def deconstruct(self):
        # The limit is checked in Python, never by the database, so migrations see a plain text column: changing
        # the limit needs no migration, and SQLite never rebuilds a table for it.
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, "django.db.models.TextField", args, kwargs

    def clone(self):
        _name, _path, args, kwargs = super().deconstruct()
        return self.__class__(*args, **kwargs)

    @property
    def length_validator(self) -> TextLengthValidator:
        return TextLengthValidator(self.max_length, self.verbose_name)

    @property
    def validators(self):
        return [*super().validators, self.length_validator]

    def formfield(self, **kwargs):
        form_field = super().formfield(**kwargs)
        if isinstance(form_field, forms.CharField):
            # The form field's own check would speak of "this value"; this one names the field.
            form_field.validators = [
                validator for validator in form_field.validators if not isinstance(validator, MaxLengthValidator)
            ]
            form_field.validators.append(self.length_validator)
        return form_field
