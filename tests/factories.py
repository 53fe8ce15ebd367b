"""factory_boy factories for test data."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from catalogue.models import AssortmentItem, RetailerMembership, RetailerOrganisation
from lifecycle.models import Durability, EndOfLife, Repairability, RepairService, SparePart
from products.identifiers import gs1_check_digit
from products.models import (
    Category,
    Component,
    EvidenceDocument,
    MakerMembership,
    MakerOrganisation,
    Material,
    Product,
    SupplyChainStep,
)


def make_gtin13(n: int) -> str:
    """A valid EAN-13 in the German 400–440 prefix range."""
    body = f"400{n:09d}"
    return body + str(gs1_check_digit(body))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class MakerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MakerOrganisation

    name = factory.Sequence(lambda n: f"Schmiede Nr. {n}")
    slug = factory.Sequence(lambda n: f"schmiede-{n}")
    city = "Solingen"
    postcode = "42651"
    country = "DE"


class MakerMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MakerMembership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(MakerOrganisationFactory)
    role = MakerMembership.Role.OWNER


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    slug = factory.Sequence(lambda n: f"category-{n}")
    name_de = factory.Sequence(lambda n: f"Kochmesser {n}")
    name_en = factory.Sequence(lambda n: f"Chef's knife {n}")
    reference_lifetime_years = 20
    reference_warranty_years = 5
    resharpenable = True


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    maker = factory.SubFactory(MakerOrganisationFactory)
    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"Kochmesser Größe {n}")
    description = "Geschmiedetes Kochmesser aus Solingen."
    gtin = factory.Sequence(lambda n: "0" + make_gtin13(n))
    price_eur = Decimal("120.00")


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    product = factory.SubFactory(ProductFactory)
    name = "X50CrMoV15"
    part = "Klinge"
    share_percent = Decimal("80")
    recycled_content_percent = Decimal("30")
    recyclable = True
    renewable = False
    substances_of_concern = "none"


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Component

    product = factory.SubFactory(ProductFactory)
    name = "Griff"
    replaceable = True
    spare_part_available = True


class SupplyChainStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplyChainStep

    product = factory.SubFactory(ProductFactory)
    position = factory.Sequence(lambda n: n)
    step_type = SupplyChainStep.StepType.FORGING
    performed_by = SupplyChainStep.Performer.MAKER
    city = "Solingen"
    postcode = "42651"
    country = "DE"


class EvidenceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvidenceDocument

    product = factory.SubFactory(ProductFactory)
    title = "Prüfbericht Schneidhaltigkeit"
    claim = EvidenceDocument.Claim.DURABILITY
    url = "https://example.org/report.pdf"


class DurabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Durability

    product = factory.SubFactory(ProductFactory)
    warranty_years = Decimal("5")
    expected_lifetime_years = 25
    resharpenable = True
    resharpening_cycles = 20
    maintenance_instructions = "Von Hand spülen, regelmäßig abziehen."


class RepairabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Repairability

    product = factory.SubFactory(ProductFactory)
    documentation = Repairability.Documentation.PUBLIC
    documentation_url = "https://example.org/repair"
    disassembly_steps = 2
    fasteners = Repairability.Fasteners.REUSABLE
    tools = Repairability.Tools.BASIC


class SparePartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SparePart

    product = factory.SubFactory(ProductFactory)
    name = "Griffschalen"
    years_available = 10
    delivery_days = 5
    price_percent_of_product = Decimal("20")


class RepairServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RepairService

    product = factory.SubFactory(ProductFactory)
    service_type = RepairService.ServiceType.RESHARPENING
    price_eur = Decimal("8.00")


class EndOfLifeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EndOfLife

    product = factory.SubFactory(ProductFactory)
    take_back_offered = True
    recyclable_share_percent = Decimal("90")
    separability = EndOfLife.Separability.MODERATE
    disposal_instructions = "Klinge zum Altmetall."


class RetailerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RetailerOrganisation

    name = factory.Sequence(lambda n: f"Fachgeschäft {n}")
    slug = factory.Sequence(lambda n: f"fachgeschaeft-{n}")
    city = "Solingen"


class RetailerMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RetailerMembership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(RetailerOrganisationFactory)
    role = RetailerMembership.Role.OWNER


class AssortmentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssortmentItem

    retailer = factory.SubFactory(RetailerOrganisationFactory)
    product = factory.SubFactory(ProductFactory)


def complete_product(**kwargs) -> Product:
    """A product with every section filled in well."""
    product = ProductFactory(**kwargs)
    MaterialFactory(product=product)
    MaterialFactory(
        product=product,
        name="Olivenholz",
        part="Griff",
        share_percent=Decimal("20"),
        recycled_content_percent=Decimal("0"),
        renewable=True,
    )
    ComponentFactory(product=product)
    for position, step in enumerate(
        [
            SupplyChainStep.StepType.FORGING,
            SupplyChainStep.StepType.HARDENING,
            SupplyChainStep.StepType.GRINDING,
            SupplyChainStep.StepType.ASSEMBLY,
        ]
    ):
        SupplyChainStepFactory(product=product, position=position, step_type=step)
    DurabilityFactory(product=product)
    RepairabilityFactory(product=product)
    SparePartFactory(product=product)
    RepairServiceFactory(product=product)
    EndOfLifeFactory(product=product)
    EvidenceDocumentFactory(product=product, verified=True)
    return product
