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
    is_owner: bool = False  # owner of a maker or a retailer: manages its team, its data and API tokens

    @property
    def may_hold_token(self) -> bool:
        """API tokens are for owners of makers (to maintain products) and of retailers (assortment and print)."""
        return self.is_owner


NO_ROLES = Roles()
OWNER = "owner"  # the role of MakerMembership and RetailerMembership that manages the organisation


def roles_of(user) -> Roles:
    """The user's roles; anonymous users have none. One query for a signed-in user."""
    if user is None or not user.is_authenticated:
        return NO_ROLES
    maker, retailer, maker_owner, retailer_owner = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            maker=Exists(MakerMembership.objects.filter(user=OuterRef("pk"))),
            retailer=Exists(RetailerMembership.objects.filter(user=OuterRef("pk"))),
            maker_owner=Exists(MakerMembership.objects.filter(user=OuterRef("pk"), role=OWNER)),
            retailer_owner=Exists(RetailerMembership.objects.filter(user=OuterRef("pk"), role=OWNER)),
        )
        .values_list("maker", "retailer", "maker_owner", "retailer_owner")
        .get()
    )
    return Roles(is_maker=maker, is_retailer=retailer, is_staff=user.is_staff, is_owner=maker_owner or retailer_owner)
