"""The demo makers' ESPR identifiers: their EORI/GLN and their facilities, which the makers' own steps point at."""

from django.db.models import Q

from catalogue.demo import data as demo_data
from products.models import Facility, MakerOrganisation

OPERATOR_FIELDS = ("eori", "gln")


def place_key(maker_slug: str, row: dict) -> tuple[str, str, str, str]:
    """How a demo step finds its maker's facility: by the maker and the step's place."""
    return (maker_slug, row.get("city", ""), row.get("postcode", ""), row.get("country", ""))


def complete_operator_identifiers(maker: MakerOrganisation, spec: dict) -> None:
    """Give a demo maker loaded before the identifiers existed its EORI and GLN; identifiers staff set are kept.

    Only a maker with neither gets them, and only the ones no other maker holds (both are unique).
    """
    wanted = {name: spec[name] for name in OPERATOR_FIELDS if spec.get(name)}
    if not wanted or any(getattr(maker, name) for name in OPERATOR_FIELDS):
        return
    clash = Q()
    for name, value in wanted.items():
        clash |= Q(**{name: value})
    taken = MakerOrganisation.objects.filter(clash).exclude(pk=maker.pk).values_list(*OPERATOR_FIELDS)
    taken_values = {value for row in taken for value in row}
    free = {name: value for name, value in wanted.items() if value not in taken_values}
    if free:
        for name, value in free.items():
            setattr(maker, name, value)
        maker.save(update_fields=list(free))


def load_facilities(summary, create) -> dict[tuple, Facility]:
    """Create the demo facilities that are missing; returns each by :func:`place_key` of its place.

    A facility is found by its maker and name, or by its GLN when it has been renamed; one whose GLN another
    maker's facility holds now is left out (GLNs are unique), and so are the steps that would point at it.
    """
    makers = summary.makers
    glns = [spec["gln"] for spec in demo_data.FACILITIES]
    existing = list(Facility.objects.filter(Q(maker__in=makers.values()) | Q(gln__in=glns)))
    by_name = {(facility.maker_id, facility.name): facility for facility in existing}
    by_gln = {facility.gln: facility for facility in existing if facility.gln}
    found = {}
    for spec in demo_data.FACILITIES:
        maker = makers[spec["maker"]]
        facility = by_name.get((maker.pk, spec["name"]))
        if facility is None and spec["gln"] in by_gln:
            holder = by_gln[spec["gln"]]
            if holder.maker_id != maker.pk:
                continue
            facility = holder  # renamed in the demo since the last load
        if facility is None:
            values = {key: value for key, value in spec.items() if key != "maker"}
            facility = create(summary, Facility, maker=maker, **values)
        found[place_key(spec["maker"], spec)] = facility
    return found


def with_facilities(maker_slug: str, steps: list[dict], facilities: dict[tuple, Facility]) -> list[dict]:
    """The demo steps, each one the maker performs pointing at the maker's facility in its place."""
    return [
        {**row, "facility": facilities.get(place_key(maker_slug, row))} if row.get("performed_by") == "maker" else row
        for row in steps
    ]
