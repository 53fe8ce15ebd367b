"""Who may do what through the API (DESIGN.md §7); what is outside a user's scope answers 404 in the views."""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadOrMakerWrite(BasePermission):
    """Everyone reads what they may see; writes need a signed-in user, and creating needs a maker membership.

    Writes to an existing object are scoped by the view's queryset, so an object of another
    organisation answers 404 rather than revealing that it exists.
    """

    message = _("Only members of a maker organisation can do this.")

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        if not request.user.is_authenticated:
            return False
        if getattr(view, "action", None) in getattr(view, "maker_only_actions", ()):
            return bool(view.organisation_ids)
        return True
