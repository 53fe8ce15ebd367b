"""Scanner output: symbology identifiers and GS1 element strings, with biip as the oracle for what a barcode holds."""

import biip
import pytest
from biip.gs1_messages import GS1Message
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from stdnum import ean

from products.scanner import GROUP_SEPARATOR, is_element_string, read_scanner_output

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GS = GROUP_SEPARATOR
GTIN14 = "04006381333931"

gtin14s = st.text(alphabet="0123456789", min_size=13, max_size=13).map(lambda data: data + ean.calc_check_digit(data))
# Characters of GS1's encodable set 82 that need no escaping in a test: letters, digits and a few marks.
batch_values = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZabcxyz0123456789-./", min_size=1, max_size=20)
dates = st.dates().map(lambda day: day.strftime("%y%m%d"))
# (AI, value, predefined length: no FNC1 after it). 11 and 17 are dates, 3103 a net weight in kg with 3 decimals.
other_elements = st.one_of(
    st.tuples(st.just("10"), batch_values, st.just(False)),
    st.tuples(st.just("21"), batch_values, st.just(False)),
    st.tuples(st.just("17"), dates, st.just(True)),
    st.tuples(st.just("11"), dates, st.just(True)),
    st.tuples(st.just("3103"), st.text(alphabet="0123456789", min_size=6, max_size=6), st.just(True)),
)


@st.composite
def element_strings(draw):
    """The elements of a GS1 message with a GTIN somewhere among them, and the GTIN."""
    gtin = draw(gtin14s)
    others = draw(st.lists(other_elements, max_size=3, unique_by=lambda element: element[0]))
    position = draw(st.integers(min_value=0, max_value=len(others)))
    return [*others[:position], ("01", gtin, True), *others[position:]], gtin


def transmitted(elements) -> str:
    """As a scanner sends it: FNC1 (GS) after every element of variable length except the last."""
    text = ""
    for index, (ai, value, predefined) in enumerate(elements):
        text += ai + value
        if not predefined and index < len(elements) - 1:
            text += GS
    return text


def human_readable(elements) -> str:
    return "".join(f"({ai}){value}" for ai, value, _ in elements)


@PROPERTY_SETTINGS
@given(element_strings(), st.sampled_from(["]C1", "]d2", "]Q3", "]e0", ""]))
def test_the_gtin_of_a_transmitted_element_string_is_biips(message, symbology):
    elements, gtin = message
    scanned = symbology + transmitted(elements)
    if not symbology and not scanned.startswith("01") and GS not in scanned:
        # Without a symbology identifier only AI 01 first or a group separator tells an element string.
        return
    oracle = biip.parse(scanned)
    assert oracle.gs1_message is not None, oracle.gs1_message_error
    assert read_scanner_output(scanned) == oracle.gs1_message.element_strings.get(ai="01").value == gtin


@PROPERTY_SETTINGS
@given(element_strings())
def test_the_gtin_of_a_bracketed_element_string_is_biips(message):
    elements, gtin = message
    typed = human_readable(elements)
    assert read_scanner_output(typed) == GS1Message.parse_hri(typed).element_strings.get(ai="01").value == gtin


def with_check_digit(length: int):
    return st.text(alphabet="0123456789", min_size=length - 1, max_size=length - 1).map(
        lambda data: data + ean.calc_check_digit(data)
    )


@PROPERTY_SETTINGS
@given(
    st.one_of(
        st.tuples(st.just("]E0"), with_check_digit(13)),  # EAN-13, and UPC-A sent as 13 digits
        st.tuples(st.just("]E4"), with_check_digit(8)),  # EAN-8
        st.tuples(st.just("]I1"), with_check_digit(14)),  # ITF-14
        st.tuples(st.sampled_from(["]C0", "]Q1", "]d1"]), with_check_digit(14)),  # plain Code 128, QR, DataMatrix
    )
)
@example(("]E0", GTIN14[1:]))
def test_a_plain_symbology_identifier_is_removed(scanned):
    symbology, data = scanned
    assert read_scanner_output(symbology + data) == data
    if symbology in ("]E0", "]E4", "]I1"):
        assert biip.parse(symbology + data).gtin.value == data


def test_gs1_dotcode_is_an_element_string():
    # biip does not know DotCode (]J1, GS1 General Specifications 5.1.2); the rule is the same as for ]C1.
    assert read_scanner_output(f"]J110ABC{GS}01{GTIN14}") == GTIN14


@pytest.mark.parametrize("add_on", ["12", "51234"])
def test_an_ean_add_on_is_left_out(add_on):
    assert read_scanner_output(f"]E3{GTIN14[1:]}{add_on}") == GTIN14[1:]


@pytest.mark.parametrize(
    "scanned",
    [
        "]C100106141411234567890",  # an SSCC: a logistic unit, no trade item
        f"]C102{GTIN14}37100",  # AI 02: the GTIN of the contents, not of this item
        f"]Q301{GTIN14[:-2]}",  # AI 01 cut short
        "(00)106141411234567890",
        f"(02){GTIN14}",
    ],
)
def test_an_element_string_without_a_gtin_is_a_validation_error(scanned):
    with pytest.raises(ValidationError) as info:
        read_scanner_output(scanned)
    assert info.value.code == "element_string_without_gtin"
    assert info.value.messages == [
        "This GS1 barcode holds no GTIN: it has no application identifier (01) followed by 14 digits."
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"01{GTIN14}", True),
        (f"01{GTIN14}10ABC", True),
        (f"10ABC{GS}01{GTIN14}", True),
        (f"(01){GTIN14}", True),
        (GTIN14, False),  # a bare GTIN-14 starting with 0 and 1 digit short of an element string
        ("0109638507412", False),
        ("K7QX-2M9C", False),
        ("https://id.gs1.org/01/04006381333931", False),
        ("(Messer)", False),
    ],
)
def test_what_counts_as_an_element_string(text, expected):
    assert is_element_string(text) is expected


@PROPERTY_SETTINGS
@given(st.text(max_size=40))
@example("]")
@example("]C1")
@example(f"]C101{GS}")
def test_any_input_gives_text_or_a_validation_error(text):
    try:
        result = read_scanner_output(text)
    except ValidationError as error:
        assert error.code == "element_string_without_gtin"
    else:
        assert isinstance(result, str)
