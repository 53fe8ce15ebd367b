"""Forms of the review queue: what to list (filters), and a decision on one piece of evidence."""

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.review.selectors import makers_with_unverified_counts
from products.models import REJECTION_REASON_MAX_LENGTH, EvidenceDocument


class QueueFilterForm(forms.Form):
    """What the queue lists: evidence awaiting review, every unverified claim, or claims without any evidence."""

    PENDING, UNVERIFIED, UNBACKED = "pending", "unverified", "unbacked"

    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (PENDING, _("Evidence awaiting review")),
            (UNVERIFIED, _("Unverified claims (awaiting review or rejected)")),
            (UNBACKED, _("Claims without any evidence")),
        ],
    )
    maker = forms.ModelChoiceField(label=_("Maker"), required=False, queryset=None, empty_label=_("All makers"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maker"].queryset = makers_with_unverified_counts()
        self.fields["maker"].label_from_instance = self._maker_label

    @staticmethod
    def _maker_label(maker) -> str:
        return _("%(name)s (%(pending)d awaiting review, %(unverified)d unverified)") % {
            "name": maker.name,
            "pending": maker.pending,
            "unverified": maker.unverified,
        }

    def choice(self) -> tuple[str, object]:
        """(what to show, maker or None); anything invalid falls back to the whole queue (the errors are shown)."""
        if not self.is_valid():
            return self.PENDING, None
        return self.cleaned_data["show"] or self.PENDING, self.cleaned_data["maker"]


class DecisionForm(forms.Form):
    """Approve, or reject with a reason the maker reads."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (EvidenceDocument.ReviewStatus.APPROVED, _("Approve")),
            (EvidenceDocument.ReviewStatus.REJECTED, _("Reject")),
        ],
    )
    rejection_reason = forms.CharField(
        label=_("Reason for the rejection"),
        required=False,
        max_length=REJECTION_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when rejecting. The maker reads it next to the evidence and in the e-mail."),
    )
