"""``manage.py score <passport code or GTIN>``: print a product's score, as text or as JSON."""

import json

from django.core.management.base import BaseCommand, CommandError

from catalogue.public.lookup import InvalidCode, parse_code
from catalogue.scores.services import score_details
from catalogue.scoring import SUBSCORE_LABELS
from products.models import Product

LANGUAGES = ("de", "en")


def find_product(code: str) -> Product:
    """The product (draft or published) with this passport code or GTIN, or CommandError saying why not."""
    try:
        parsed = parse_code(code)
    except InvalidCode as error:
        raise CommandError(f"{code!r} is not a passport code or GTIN: {error}") from error
    candidates = Product.objects.all()
    product = None
    if parsed.gtin:
        product = candidates.filter(gtin=parsed.gtin).first()
    if product is None and parsed.passport_code:
        product = candidates.filter(passport_code=parsed.passport_code).first()
    if product is None:
        raise CommandError(f"No product has the passport code or GTIN {code!r}.")
    return product


def score_json(details: dict, language: str) -> dict:
    """The command's JSON: the score with its texts in one language."""
    return {
        "overall": details["overall"],
        "grade": details["grade"],
        "methodology_version": details["methodology_version"],
        "subscores": details["subscores"],
        "criteria": [
            {
                "subscore": criterion["subscore"],
                "key": criterion["key"],
                "points": criterion["points"],
                "max_points": criterion["max_points"],
                "status": criterion["status"],
                "explanation": criterion["explanation"][language],
                "hint": criterion["hint"][language] if criterion["hint"] else None,
            }
            for criterion in details["criteria"]
        ],
    }


class Command(BaseCommand):
    help = "Print the score of the product with this passport code or GTIN, computed from its current data."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Passport code (e.g. K7QX-2M9C) or GTIN/EAN.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON instead of text.")
        parser.add_argument("--lang", default="de", help="Language of the texts: de (default) or en.")

    def handle(self, *args, code, as_json=False, lang="de", **options):
        if lang not in LANGUAGES:
            raise CommandError(f"--lang should be de or en, not {lang!r}.")
        product = find_product(code)
        details = score_details(product)
        if as_json:
            self.stdout.write(json.dumps(score_json(details, lang), ensure_ascii=False, indent=2))
            return
        self._write_text(product, details, lang)

    def _write_text(self, product: Product, details: dict, lang: str) -> None:
        write = self.stdout.write
        write(f"{product.name} ({product.passport_code_display})")
        write(f"{details['grade']}  {details['overall']:.1f} / 100   methodology {details['methodology_version']}")
        for subscore, value in details["subscores"].items():
            write(f"  {SUBSCORE_LABELS[subscore][lang]:<32} {value:6.1f}")
        for criterion in details["criteria"]:
            write(
                f"  {criterion['subscore']:<14} {criterion['label'][lang]:<38} "
                f"{criterion['points']:6.2f} / {criterion['max_points']:6.2f}  {criterion['explanation'][lang]}"
            )
            if criterion["hint"]:
                write(f"  {'':<14} {'':<38} -> {criterion['hint'][lang]}")
        verdict = details["solingen"]
        answer = {"de": ("ja", "nein"), "en": ("yes", "no")}[lang][0 if verdict["qualifies"] else 1]
        write(f'"Solingen": {answer}')
        for reason in verdict["reasons"]:
            write(f"  {reason[lang]}")
