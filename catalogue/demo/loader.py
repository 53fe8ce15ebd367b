"""Load the demo catalogue: adds whatever is missing and never changes or deletes existing rows."""

from collections import Counter
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import Q
from django.utils import translation

from catalogue.accounts.addresses import confirm_address
from catalogue.demo import data as demo_data
from catalogue.demo.facilities import complete_operator_identifiers, load_facilities, with_facilities
from catalogue.demo.legal_texts import LEGAL_PAGES
from catalogue.demo.repair_places import load_repair_places
from catalogue.legal.models import LegalPage
from catalogue.models import AssortmentItem, PassportVersion, PrintJob, RetailerMembership, RetailerOrganisation
from catalogue.passports.selectors import current_versions_of_products
from catalogue.passports.services import publish_product
from catalogue.retailers.services import record_print_job
from products import parts
from products.identifiers import normalise_gtin
from products.models import (
    Category,
    EvidenceDocument,
    MakerMembership,
    MakerOrganisation,
    Product,
)
from products.services import ProductWrite, add_evidence, mark_evidence_verified, save_product


@dataclass
class DemoLogin:
    """A demo account and what it may do."""

    username: str
    password: str
    description: str


@dataclass
class DemoSummary:
    """What a run of :func:`load_demo` created, and the demo objects it found or made."""

    created: Counter = field(default_factory=Counter)  # model class -> rows created in this run
    products: list[tuple[Product, dict]] = field(default_factory=list)  # in data order, with their demo spec
    users: dict = field(default_factory=dict)  # username -> user
    makers: dict = field(default_factory=dict)  # slug -> MakerOrganisation
    facilities: dict = field(default_factory=dict)  # (maker slug, city, postcode, country) -> Facility
    retailer: RetailerOrganisation | None = None
    authors: dict = field(default_factory=dict)  # maker slug -> the demo user who enters its products
    logins: list[DemoLogin] = field(default_factory=list)

    @property
    def products_to_publish(self) -> list[Product]:
        """Demo products meant to have a public passport; the rest stay drafts."""
        return [product for product, spec in self.products if spec.get("publish")]

    def report_lines(self) -> list[str]:
        """Plain-text report for the terminal: what was created, then the logins."""
        if self.created:
            with translation.override("en"):
                parts = [f"{model._meta.verbose_name_plural} {count}" for model, count in self.created.items()]
            lines = ["Demo catalogue loaded. Created: " + ", ".join(parts) + "."]
        else:
            lines = ["Demo catalogue is already loaded; nothing changed."]
        lines.append("Demo logins:")
        width = max(len(login.username) for login in self.logins)
        lines += [
            f"  {login.username:<{width}}  password {login.password}  ({login.description})" for login in self.logins
        ]
        return lines


def foreign_rows() -> dict[str, int]:
    """Rows that are not part of the demo, by kind; empty when the database is empty or holds only the demo.

    Products count as demo when their maker is a demo maker: what people add while trying the demo is still
    the demo. Anything else (another login, maker, retailer or category) means a real installation.
    """
    found = {
        "users": get_user_model().objects.exclude(username__in=[spec["username"] for spec in demo_data.USERS]),
        "makers": MakerOrganisation.objects.exclude(slug__in=[spec["slug"] for spec in demo_data.MAKERS]),
        "retailers": RetailerOrganisation.objects.exclude(slug=demo_data.RETAILER["slug"]),
        "categories": Category.objects.exclude(slug__in=[spec["slug"] for spec in demo_data.CATEGORIES]),
    }
    counts = {kind: queryset.count() for kind, queryset in found.items()}
    return {kind: count for kind, count in counts.items() if count}


@transaction.atomic
def load_demo() -> DemoSummary:
    """Create the demo catalogue where it is missing; a second run creates and changes nothing.

    Rows are found by natural keys (slugs, usernames, maker + product name, GTIN). Rows that exist are left
    exactly as they are, so edits made in the demo survive the next ``make run`` and no history rows appear.
    A product's details (materials, steps, …) and the retailer's assortment are seeded only together with the
    product or retailer itself.
    """
    summary = DemoSummary()
    _load_users(summary)
    categories = _load_categories(summary)
    _load_makers(summary)
    summary.facilities = load_facilities(summary, _create)
    staff = summary.users["demo-staff"]
    _load_products(summary, categories, verifier=staff)
    _load_retailer(summary)
    _load_memberships(summary)
    _publish_passports(summary)
    _load_legal_pages(summary)
    load_repair_places(summary, _create)
    return summary


def _create(summary: DemoSummary, model, **values):
    """Validate with the model's own rules (so bad demo data fails loudly), then save."""
    instance = model(**values)
    unchecked = [f.name for f in model._meta.concrete_fields if f.is_relation or not f.editable]
    instance.full_clean(exclude=unchecked, validate_unique=False, validate_constraints=False)
    instance.save()
    summary.created[model] += 1
    return instance


def _load_users(summary: DemoSummary) -> None:
    user_model = get_user_model()
    usernames = [spec["username"] for spec in demo_data.USERS]
    existing = {user.username: user for user in user_model.objects.filter(username__in=usernames)}
    for spec in demo_data.USERS:
        user = existing.get(spec["username"])
        if user is None:
            user = user_model(
                username=spec["username"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                email=f"{spec['username']}@example.org",
                is_staff=spec.get("is_staff", False),
                is_superuser=spec.get("is_superuser", False),
            )
            validate_password(demo_data.DEMO_PASSWORD, user)
            user.set_password(demo_data.DEMO_PASSWORD)
            user.save()
            summary.created[user_model] += 1
        summary.users[user.username] = user
        if spec.get("maker"):
            summary.authors[spec["maker"]] = user
    _confirm_addresses(summary)


def _confirm_addresses(summary: DemoSummary) -> None:
    """Each demo login has a verified example address (demo-maker@example.org), restored on every run."""
    verified = set(
        EmailAddress.objects.filter(user__in=summary.users.values(), verified=True).values_list("user_id", flat=True)
    )
    for user in summary.users.values():
        if user.pk not in verified:
            confirm_address(user, user.email or f"{user.username}@example.org")
            summary.created[EmailAddress] += 1


def _load_categories(summary: DemoSummary) -> dict[str, Category]:
    slugs = [spec["slug"] for spec in demo_data.CATEGORIES]
    categories = {category.slug: category for category in Category.objects.filter(slug__in=slugs)}
    for spec in demo_data.CATEGORIES:
        if spec["slug"] in categories:
            _complete_solingen_fields(categories[spec["slug"]], spec)
            continue
        values = {key: value for key, value in spec.items() if key != "parent"}
        parent = categories[spec["parent"]] if spec["parent"] else None
        categories[spec["slug"]] = _create(summary, Category, parent=parent, **values)
    return categories


def _complete_solingen_fields(category: Category, spec: dict) -> None:
    """Give a demo category loaded before methodology 1.1 its SolingenV fields; values staff set are kept."""
    given = spec.get("solingen_covered") is not None or spec.get("essential_stages")
    if given and category.solingen_covered is None and not category.essential_stages:
        category.solingen_covered = spec.get("solingen_covered")
        category.essential_stages = spec.get("essential_stages", [])
        category.save(update_fields=["solingen_covered", "essential_stages"])


def _load_makers(summary: DemoSummary) -> None:
    slugs = [spec["slug"] for spec in demo_data.MAKERS]
    summary.makers = {maker.slug: maker for maker in MakerOrganisation.objects.filter(slug__in=slugs)}
    for spec in demo_data.MAKERS:
        if spec["slug"] not in summary.makers:
            summary.makers[spec["slug"]] = _create(summary, MakerOrganisation, **spec)
        else:
            complete_operator_identifiers(summary.makers[spec["slug"]], spec)


def _load_products(summary: DemoSummary, categories: dict[str, Category], verifier) -> None:
    makers = summary.makers
    gtins = {spec["name"]: normalise_gtin(spec["gtin"]) for spec in demo_data.PRODUCTS if spec.get("gtin")}
    names = [spec["name"] for spec in demo_data.PRODUCTS]
    existing = list(Product.objects.filter(Q(maker__in=makers.values(), name__in=names) | Q(gtin__in=gtins.values())))
    by_key = {(product.maker_id, product.name): product for product in existing}
    by_gtin = {product.gtin: product for product in existing if product.gtin}
    for spec in demo_data.PRODUCTS:
        maker = makers[spec["maker"]]
        gtin = gtins.get(spec["name"])
        product = by_key.get((maker.pk, spec["name"]))
        if product is None and gtin in by_gtin:
            holder = by_gtin[gtin]
            if holder.maker_id == maker.pk:
                product = holder  # renamed in the demo since the last load
            else:
                gtin = None  # someone else's product has this GTIN now; GTINs are unique
        if product is None:
            author = summary.authors.get(maker.slug)
            steps = with_facilities(maker.slug, spec.get("supply_chain", []), summary.facilities)
            written = {**spec, "supply_chain": steps}
            product = _create_product(summary, written, maker, categories[spec["category"]], gtin, verifier, author)
        summary.products.append((product, spec))


# Demo data keys that differ from the part names of the registry.
SPEC_KEYS = {"supply_chain_steps": "supply_chain"}


def _create_product(summary, spec, maker, category, gtin, verifier, author) -> Product:
    """Create a demo product through the product writer, as its maker would, with evidence verified by staff."""
    write = ProductWrite(
        fields={
            "maker": maker,
            "category": category,
            "name": spec["name"],
            "description": spec.get("description", ""),
            "model_number": spec.get("model_number", ""),
            "gtin": gtin,
            "price_eur": spec.get("price_eur"),
            "mass_g": spec.get("mass_g"),
        }
    )
    counts = Counter({Product: 1})
    for part in parts.all_parts():
        value = spec.get(SPEC_KEYS.get(part.name, part.name))
        if not value:
            continue
        counts[part.model] += len(value) if part.many else 1
        if part.name == "durability_tests":  # tests point at evidence, which comes next
            continue
        if part.many:
            write.lists[part.name] = [dict(row) for row in value]
        else:
            write.sections[part.name] = dict(value)
    product = save_product(None, write, user=author)
    evidence = {}
    for document in spec.get("evidence", ()):
        values = {key: value for key, value in document.items() if key != "verified"}
        evidence[document["title"]] = add_evidence(product, EvidenceDocument(**values), user=author)
    verified = [evidence[document["title"]].pk for document in spec.get("evidence", ()) if document["verified"]]
    mark_evidence_verified(EvidenceDocument.objects.filter(pk__in=verified), verifier)
    tests = [
        {**{key: value for key, value in test.items() if key != "evidence"}, "evidence": evidence.get(test["evidence"])}
        for test in spec.get("durability_tests", ())
    ]
    if tests:
        save_product(product, ProductWrite(lists={"durability_tests": tests}), user=author)
    if evidence:
        counts[EvidenceDocument] += len(evidence)
    summary.created.update(counts)
    return product


def _load_retailer(summary: DemoSummary) -> None:
    spec = demo_data.RETAILER
    retailer = RetailerOrganisation.objects.filter(slug=spec["slug"]).first()
    if retailer is None:
        retailer = _create(summary, RetailerOrganisation, **spec)
        # Seeded once: a retailer that later removes a product from its assortment keeps it removed.
        products = {product.name: product for product, _ in summary.products}
        added_by = summary.users["demo-retailer"]
        for name in demo_data.ASSORTMENT:
            _create(summary, AssortmentItem, retailer=retailer, product=products[name], added_by=added_by)
    summary.retailer = retailer


def _load_memberships(summary: DemoSummary) -> None:
    """Memberships are restored on every run, so the printed logins always reach their workspaces."""
    for spec in demo_data.USERS:
        user = summary.users[spec["username"]]
        if spec.get("maker"):
            organisation = summary.makers[spec["maker"]]
            _, created = MakerMembership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"role": spec["maker_role"]}
            )
            if created:
                summary.created[MakerMembership] += 1
            description = f"maker, {spec['maker_role']} of {organisation.name}"
        elif spec.get("retailer"):
            _, created = RetailerMembership.objects.get_or_create(
                user=user, organisation=summary.retailer, defaults={"role": spec["retailer_role"]}
            )
            if created:
                summary.created[RetailerMembership] += 1
            description = f"retailer, {spec['retailer_role']} of {summary.retailer.name}"
        else:
            _give_authenticator_app(summary, user)
            description = (
                f"city project staff, admin and review queue; authenticator app secret "
                f"{demo_data.DEMO_STAFF_TOTP_SECRET} (e.g. oathtool --totp -b {demo_data.DEMO_STAFF_TOTP_SECRET})"
            )
        summary.logins.append(DemoLogin(user.username, demo_data.DEMO_PASSWORD, description))


def _give_authenticator_app(summary: DemoSummary, user) -> None:
    """Staff use a second factor: the demo staff login gets an authenticator app with the published secret."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, demo_data.DEMO_STAFF_TOTP_SECRET)
        summary.created[Authenticator] += 1


def _publish_passports(summary: DemoSummary) -> None:
    """Publish the demo products meant to be public that have no passport yet; the others stay drafts.

    When the demo retailer is new, it also gets a first print job, after which one printed product is
    published again, so the retailer workspace shows a "reprint needed" product from the start.
    """
    wanted = summary.products_to_publish
    published = set(PassportVersion.objects.filter(product__in=wanted).values_list("product_id", flat=True))
    missing = [product for product in wanted if product.pk not in published]
    publishers = {}
    if missing or summary.created[RetailerOrganisation]:
        makers = {product.maker_id for product in wanted}
        for membership in MakerMembership.objects.filter(organisation__in=makers).order_by("pk"):
            publishers.setdefault(membership.organisation_id, membership.user)
    for product in missing:
        publish_product(product, publishers.get(product.maker_id))
        summary.created[PassportVersion] += 1

    retailer = summary.retailer
    if not summary.created[RetailerOrganisation] or retailer.print_jobs.exists():
        return
    public = {product.pk for product in wanted}
    items = [item for item in retailer.assortment.order_by("pk") if item.product_id in public]
    printed = items[: max(1, len(items) // 2)]
    if not printed:
        return
    versions = current_versions_of_products(item.product_id for item in printed)
    record_print_job(
        retailer,
        [versions[item.product_id] for item in printed],
        user=summary.users["demo-retailer"],
        output_format=PrintJob.Format.LABELS,
        language="de",
        layout="3x8",
    )
    summary.created[PrintJob] += 1
    updated = printed[0].product
    # The maker improves a product after the retailer printed it: its label is now out of date. (Publishing an
    # unchanged product makes no new version, so the improvement is a real change.)
    publisher = publishers.get(updated.maker_id)
    improved = f"{updated.description} Jetzt mit nachgeschliffener Klinge ab Werk."
    save_product(updated, ProductWrite(fields={"description": improved}), user=publisher)
    publish_product(updated, publisher)
    summary.created[PassportVersion] += 1


def _load_legal_pages(summary: DemoSummary) -> None:
    """The example Impressum, privacy policy and accessibility statement, where staff have not written them yet."""
    existing = set(LegalPage.objects.values_list("slug", flat=True))
    for spec in LEGAL_PAGES:
        if spec["slug"] not in existing:
            _create(summary, LegalPage, **spec)
