"""Reads of a user's roles, in one query, for templates, views and the API alike."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from catalogue.models import RetailerMembership
from products.models import MakerMembership


@dataclass(frozen=True)
class Roles:
    """What a user may do in the catalogue."""

    is_maker: bool = False  # member of a maker organisation: keeps products
    is_retailer: bool = False  # member of a retailer: keeps an assortment and prints
    is_staff: bool = False  # city project staff: the admin

    @property
    def may_hold_token(self) -> bool:
        """API tokens are for makers (to maintain products) and retailers (to keep an assortment and print)."""
        return self.is_maker or self.is_retailer


NO_ROLES = Roles()


def roles_of(user) -> Roles:
    """The user's roles; anonymous users have none. One query for a signed-in user."""
    if user is None or not user.is_authenticated:
        return NO_ROLES
    maker, retailer = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            maker=Exists(MakerMembership.objects.filter(user=OuterRef("pk"))),
            retailer=Exists(RetailerMembership.objects.filter(user=OuterRef("pk"))),
        )
        .values_list("maker", "retailer")
        .get()
    )
    return Roles(is_maker=maker, is_retailer=retailer, is_staff=user.is_staff)
