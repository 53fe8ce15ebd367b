"""factory_boy factories for test data."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from catalogue.accounts.addresses import confirm_address
from catalogue.models import AssortmentItem, RetailerMembership, RetailerOrganisation
from catalogue.passports.selectors import products_for_snapshot
from catalogue.passports.services import publish_product
from catalogue.passports.snapshot import build_snapshot
from catalogue.scores.services import score_details
from lifecycle.models import Durability, DurabilityTest, EndOfLife, Repairability, RepairService, SparePart
from products.forms import EvidenceForm
from products.identifiers import gs1_check_digit
from products.models import (
    Category,
    Component,
    EvidenceDocument,
    Facility,
    MakerMembership,
    MakerOrganisation,
    Material,
    Product,
    ProductVariant,
    SupplyChainStep,
)
from products.services import ProductWrite, add_evidence, save_product


def make_gtin13(n: int) -> str:
    """A valid EAN-13 in the German 400–440 prefix range."""
    body = f"400{n:09d}"
    return body + str(gs1_check_digit(body))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True  # confirm_address saves what it changes

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        """Every account has a verified address, as one from an invitation has (logging in needs one).

        ``UserFactory(verified_email=False)`` makes one whose address is not confirmed yet.
        """
        if create and extracted is not False and user.email:
            confirm_address(user)


class MakerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MakerOrganisation

    name = factory.Sequence(lambda n: f"Schmiede Nr. {n}")
    slug = factory.Sequence(lambda n: f"schmiede-{n}")
    city = "Solingen"
    postcode = "42651"
    country = "DE"


def make_gln(n: int) -> str:
    """A valid GS1 GLN (13 digits with its check digit) in the German 400–440 prefix range."""
    body = f"401{n:09d}"
    return body + str(gs1_check_digit(body))


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    maker = factory.SubFactory(MakerOrganisationFactory)
    name = factory.Sequence(lambda n: f"Werkstatt {n}")
    city = "Solingen"
    postcode = "42651"
    country = "DE"
    gln = factory.Sequence(lambda n: make_gln(900000 + n))


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
    # Cutlery under SolingenV whose essential stages are the four that ``complete_product`` discloses.
    solingen_covered = True
    essential_stages = factory.LazyFunction(lambda: ["forming", "hardening", "grinding", "assembly"])


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    maker = factory.SubFactory(MakerOrganisationFactory)
    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"Kochmesser Größe {n}")
    description = "Geschmiedetes Kochmesser aus Solingen."
    gtin = factory.Sequence(lambda n: "0" + make_gtin13(n))
    price_eur = Decimal("120.00")


class ProductVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductVariant

    product = factory.SubFactory(ProductFactory)
    code = factory.Sequence(lambda n: f"V{n}")
    name = factory.Sequence(lambda n: f"Variante {n}")


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


class DurabilityTestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DurabilityTest

    product = factory.SubFactory(ProductFactory)
    property = DurabilityTest.Property.EDGE_RETENTION
    method = "ISO 8442-5"
    result = "CEP 620 mm"


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


# ---------- Passport content: products of a known shape, published through the real service ----------


def published_product(user=None, **kwargs) -> Product:
    """A complete product (see ``complete_product``) with one passport version, published by the real service."""
    product = complete_product(**kwargs)
    publish_product(product, user)
    product.refresh_from_db()
    return product


def republished(product: Product, user=None):
    """The next passport version of a published product: its description changed, then published again.

    Publishing an unchanged product makes no new version, so a test that needs one changes something first.
    """
    stored = Product.objects.get(pk=product.pk)
    save_product(stored, ProductWrite(fields={"description": f"{stored.description} Neu."}), user=user)
    version = publish_product(stored, user)
    product.refresh_from_db()
    return version


def bare_product(**kwargs) -> Product:
    """Only what publishing needs: a description, one material and one supply-chain step with its country.

    Everything else stays undisclosed: no GTIN, price, mass, components or lifecycle sections.
    """
    kwargs = {"gtin": None, "price_eur": None, **kwargs}
    product = ProductFactory(**kwargs)
    MaterialFactory(
        product=product,
        part="",
        share_percent=None,
        recycled_content_percent=None,
        recyclable=None,
        renewable=None,
        substances_of_concern="",
    )
    SupplyChainStepFactory(product=product, position=1, performed_by="", city="", postcode="")
    return product


def published_bare_product(user=None, **kwargs) -> Product:
    """``bare_product`` with one passport version, published by the real service (quick to make in bulk)."""
    product = bare_product(**kwargs)
    publish_product(product, user)
    product.refresh_from_db()
    return product


SHOWCASE_SUPPLY_CHAIN = [
    # (step type, performed by, supplier name, confidential, city, postcode, country, description)
    ("raw_material", "supplier", "Stahlwerk Rhein AG", False, "Duisburg", "47166", "DE", "Warmband X50CrMoV15"),
    ("forging", "maker", "", False, "Solingen", "42651", "DE", "Gesenkschmieden aus einem Stück"),
    ("hardening", "supplier", "Härterei im Hinterhof", True, "Solingen", "42699", "DE", ""),
    ("grinding", "maker", "", False, "Solingen", "42651", "DE", ""),
    ("handle_making", "supplier", "Holzwerkstatt Haan", False, "Haan", "42781", "DE", ""),
    ("assembly", "maker", "", False, "Solingen", "42651", "DE", ""),
    ("finishing", "maker", "", False, "Solingen", "42651", "DE", ""),
    ("packaging", "supplier", "Bergische Verpackung KG", False, "Wuppertal", "42103", "DE", ""),
]


def showcase_product(supply_chain=SHOWCASE_SUPPLY_CHAIN, **kwargs) -> Product:
    """A fully disclosed chef's knife made in Solingen: every section filled in, suppliers named, one confidential.

    ``supply_chain`` rows are tuples like those of ``SHOWCASE_SUPPLY_CHAIN``.
    """
    maker = kwargs.pop("maker", None) or MakerOrganisationFactory(
        name="Klingenschmiede Wupperhof GmbH", website="https://wupperhof.example.org"
    )
    kwargs = {
        "name": "Kochmesser Schmiedeklinge 20 cm",
        "description": "Geschmiedetes Kochmesser aus rostfreiem Klingenstahl mit Griffschalen aus Olivenholz. "
        "CO₂-Fußabdruck ≤ 4 kg, Nachschliff ab 8 €.",
        "model_number": "KM-20",
        "price_eur": Decimal("129.00"),
        "mass_g": 210,
        **kwargs,
    }
    product = ProductFactory(maker=maker, **kwargs)
    ProductVariantFactory(product=product, code="20", name="20 cm")
    ProductVariantFactory(product=product, code="24", name="24 cm")
    for name, part, mass, share, recycled, renewable, recyclable, substances in (
        ("X50CrMoV15 Klingenstahl", "Klinge", "150", "71.4", "30", False, True, "none"),
        ("Olivenholz", "Griffschalen", "52", "24.8", "0", True, None, ""),
        ("Messing", "Nieten", "8", "3.8", None, False, True, "Blei ≤ 0,1 %"),
    ):
        MaterialFactory(
            product=product,
            name=name,
            part=part,
            mass_g=Decimal(mass),
            share_percent=Decimal(share),
            recycled_content_percent=None if recycled is None else Decimal(recycled),
            renewable=renewable,
            recyclable=recyclable,
            substances_of_concern=substances,
        )
    ComponentFactory(product=product, name="Klinge", replaceable=False, spare_part_available=False)
    ComponentFactory(product=product, name="Griffschalen", replaceable=True, spare_part_available=True)
    for position, row in enumerate(supply_chain, start=1):
        step_type, performed_by, supplier, confidential, city, postcode, country, description = row
        SupplyChainStepFactory(
            product=product,
            position=position,
            step_type=step_type,
            performed_by=performed_by,
            supplier_name=supplier,
            supplier_confidential=confidential,
            city=city,
            postcode=postcode,
            country=country,
            description=description,
        )
    report = EvidenceDocumentFactory(
        product=product,
        title="Prüfbericht Schnitthaltigkeit ISO 8442-5",
        claim=EvidenceDocument.Claim.DURABILITY,
        url="https://wupperhof.example.org/pruefbericht.pdf",
        verified=True,
    )
    hardness = EvidenceDocumentFactory(product=product, title="Härteprüfung", claim=EvidenceDocument.Claim.DURABILITY)
    EvidenceDocumentFactory(
        product=product,
        title="Garantiebedingungen",
        claim=EvidenceDocument.Claim.WARRANTY,
        url="https://wupperhof.example.org/garantie",
    )
    DurabilityFactory(
        product=product,
        maintenance_instructions="Von Hand spülen und sofort abtrocknen; nicht in die Spülmaschine. "
        "Regelmäßig am Wetzstahl abziehen.",
    )
    DurabilityTestFactory(product=product, evidence=report)
    DurabilityTestFactory(
        product=product,
        property=DurabilityTest.Property.HARDNESS,
        method="Rockwell C",
        result="56 HRC",
        evidence=hardness,
    )
    RepairabilityFactory(product=product, documentation_url="https://wupperhof.example.org/reparatur/km-20")
    SparePartFactory(product=product)
    SparePartFactory(product=product, name="Messingnieten (Satz)", delivery_days=None, price_percent_of_product=None)
    RepairServiceFactory(product=product, description="Einsenden oder im Werksverkauf abgeben")
    RepairServiceFactory(
        product=product,
        service_type=RepairService.ServiceType.NEW_HANDLE,
        provider="Holzwerkstatt Haan",
        price_eur=None,
    )
    EndOfLifeFactory(
        product=product,
        take_back_details="Rücknahme im Fachhandel und im Werksverkauf",
        disposal_instructions="Klinge und Nieten zum Metallschrott, Griffschalen zum Restmüll.",
    )
    return product


def long_product(**kwargs) -> Product:
    """Everything long: name, texts, maker, 30 supply-chain steps, many materials and documents.

    Grinding happens in Thiers, so it is no "Solingen" knife; the place of handle making is not disclosed.
    """
    maker = kwargs.pop("maker", None) or MakerOrganisationFactory(
        name="Bergische Klingenmanufaktur Gebrüder Schmitz-Wupperhof GmbH & Co. KG"
    )
    kwargs = {
        "name": "Damast-Kochmesser „Bergische Tradition“ mit 67 Lagen, handgeschmiedeter Klinge, "
        "Griff aus Mooreiche und Neusilberzwinge, Klingenlänge 24 cm, in Geschenkbox",
        "description": " ".join(
            ["Handgeschmiedet in Solingen aus 67 Lagen Damaststahl; jede Klinge ist ein Einzelstück."] * 8
        ),
        **kwargs,
    }
    places = {"grinding": ("Thiers", "63300", "FR"), "handle_making": ("", "", "")}
    supply_chain = [
        (step_type, performed_by, supplier, confidential, *places.get(step_type, (city, postcode, country)), text)
        for step_type, performed_by, supplier, confidential, city, postcode, country, text in SHOWCASE_SUPPLY_CHAIN
    ]
    supply_chain += [
        (
            "other",
            "supplier",
            f"Coutellerie Fournisseur n° {index + 1}",
            False,
            "Thiers",
            "63300",
            "FR",
            "Polieren und Qualitätskontrolle der Klinge vor dem Versand an das Werk",
        )
        for index in range(22)
    ]
    product = showcase_product(supply_chain, maker=maker, **kwargs)
    for index in range(15):
        MaterialFactory(product=product, name=f"Zusatzwerkstoff {index + 1}", part="Zierteil", share_percent=None)
    for index in range(8):
        EvidenceDocumentFactory(product=product, title=f"Werksprüfzeugnis Nr. {index + 1}")
    product.durability.maintenance_instructions = " ".join(
        ["Nach jedem Gebrauch von Hand spülen, abtrocknen und gelegentlich mit Kamelienöl einreiben."] * 6
    )
    product.durability.save()
    return product


def snapshot_of(product: Product, *, version: int = 1, published_at=None) -> dict:
    """The snapshot the real builder makes of ``product`` and its score today, without publishing anything.

    For renderer tests: a fixed ``version`` and ``published_at`` keep the printed footer predictable.
    """
    loaded = products_for_snapshot().get(pk=product.pk)
    return build_snapshot(
        loaded, score=score_details(loaded), version=version, published_at=published_at or timezone.now()
    )


def add_best_practice(product: Product) -> Product:
    """What lifts a ``complete_product`` to grade A: refurbishable, tested, a new-handle service, verified evidence."""
    product.durability.refurbishable = True
    product.durability.save()
    report = EvidenceDocumentFactory(product=product, claim=EvidenceDocument.Claim.DURABILITY, verified=True)
    DurabilityTestFactory(product=product, evidence=report)
    EvidenceDocumentFactory(product=product, claim=EvidenceDocument.Claim.SUPPLY_CHAIN, verified=True)
    RepairServiceFactory(product=product, service_type=RepairService.ServiceType.NEW_HANDLE)
    return product


def graded_product(grade: str, **kwargs) -> Product:
    """A publishable product whose data earn ``grade`` ("A" to "E") from the real scoring engine.

    The grade is checked here, so that a change of the methodology fails with this message rather than
    somewhere far away in a filter test.
    """
    if grade == "A":
        product = add_best_practice(complete_product(**kwargs))
    elif grade == "B":
        product = complete_product(**kwargs)
    elif grade == "C":
        product = complete_product(**kwargs)
        product.repairability.delete()
    elif grade == "D":
        product = bare_product(**kwargs)
        DurabilityFactory(product=product)
        RepairabilityFactory(product=product)
        EndOfLifeFactory(product=product)
    elif grade == "E":
        product = bare_product(**kwargs)
    else:
        raise ValueError(f"grade should be one of A, B, C, D, E, not {grade!r}")
    scored = score_details(products_for_snapshot().get(pk=product.pk))
    if scored["grade"] != grade:
        raise AssertionError(f"graded_product({grade!r}) now scores {scored['overall']} ({scored['grade']})")
    return product


# ---------- Evidence files ----------

# The smallest file each accepted type is recognised by (its magic bytes), and a program that is none of them.
EVIDENCE_PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def uploaded_evidence(product: Product, name: str = "Pruefbericht.pdf", content: bytes = EVIDENCE_PDF):
    """Evidence added the way the workspace adds it: the upload form, then the real service."""
    form = EvidenceForm({"title": "Prüfbericht", "claim": "durability"}, {"file": SimpleUploadedFile(name, content)})
    assert form.is_valid(), form.errors
    return add_evidence(product, form.save(commit=False))
