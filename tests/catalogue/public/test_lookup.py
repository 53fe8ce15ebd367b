"""Consumer lookup: parsing loose input, the HTML lookup on the home page and /api/v1/lookup."""

import pytest

from catalogue.passports.services import publish_product, withdraw_product
from catalogue.public.lookup import InvalidCode, PassportNotFound, lookup, parse_code
from products.identifiers import generate_passport_code, gs1_check_digit, passport_check_character
from tests.factories import ProductFactory, complete_product, republished

EAN = "4006381333931"
GTIN14 = "0" + EAN

# Messages are asserted in English (the msgids); the site's default language is German.
pytestmark = pytest.mark.usefixtures("english")


# ---------- Parsing (no database) ----------


@pytest.mark.parametrize(
    "raw",
    [EAN, "4006381 333931", "400-6381-333931", " 4 006381 333931 ", GTIN14, f"(01){GTIN14}"],
)
def test_ean_is_normalised_to_fourteen_digits(raw):
    assert parse_code(raw).gtin == GTIN14


def test_gtin8_and_upc12_are_padded():
    gtin8 = "9638507" + str(gs1_check_digit("9638507"))
    upc = "03600029145" + str(gs1_check_digit("03600029145"))
    assert parse_code(gtin8).gtin == gtin8.zfill(14)
    assert parse_code(upc).gtin == upc.zfill(14)


def test_bad_check_digit_names_the_expected_digit():
    with pytest.raises(InvalidCode) as info:
        parse_code("4006381333932")
    assert info.value.status == 400
    assert info.value.code == "gtin_check_digit"
    assert "1" in info.value.message and "2" in info.value.message


@pytest.mark.parametrize("raw", ["12345", "1234567890", "123456789012345"])
def test_wrong_number_of_digits_is_explained(raw):
    with pytest.raises(InvalidCode) as info:
        parse_code(raw)
    assert "8, 12, 13 or 14" in info.value.message


def test_passport_code_typed_loosely():
    code = generate_passport_code()
    loose = f" {code[:4].lower()}-{code[4:].lower()} "
    assert parse_code(loose).passport_code == code
    assert parse_code(loose).gtin is None


def test_passport_code_with_confusable_letters():
    # O is read as 0 and I or L as 1, so a code containing 0 and 1 survives being misread.
    data = "0101ABC"
    code = data + passport_check_character(data)
    assert parse_code(code.replace("0", "O").replace("1", "l")).passport_code == code


def test_passport_code_typo_is_reported():
    code = generate_passport_code()
    typo = ("1" if code[0] != "1" else "2") + code[1:]
    with pytest.raises(InvalidCode) as info:
        parse_code(typo)
    assert info.value.code == "passport_code_check"


def test_digital_link_url_is_accepted_with_qualifiers():
    parsed = parse_code(f"https://id.gs1.org/01/{GTIN14}/22/20/10/LOT-7/21/0001?linkType=gs1:pip")
    assert parsed.gtin == GTIN14
    assert parsed.from_link


def test_digital_link_with_a_bad_check_digit_is_explained():
    with pytest.raises(InvalidCode) as info:
        parse_code("https://example.org/01/04006381333932")
    assert info.value.code == "gtin_check_digit"


def test_own_passport_link_is_accepted():
    code = generate_passport_code()
    assert parse_code(f"https://glaeserne-werkstatt.example.org/p/{code}").passport_code == code


def test_unrelated_link_is_refused():
    with pytest.raises(InvalidCode) as info:
        parse_code("https://example.org/products/knife")
    assert info.value.code == "unknown_link"


def test_empty_input_asks_for_a_code():
    with pytest.raises(InvalidCode) as info:
        parse_code("   ")
    assert info.value.code == "empty"


def test_eight_digits_may_be_a_passport_code():
    # Choose eight digits that are a valid passport code but not a valid GTIN-8.
    for number in range(1000000, 1000100):
        data = str(number)
        check = passport_check_character(data)
        if check.isdigit() and int(check) != gs1_check_digit(data):
            break
    parsed = parse_code(data + check)
    assert parsed.passport_code == data + check
    assert parsed.gtin is None


# ---------- Finding the passport ----------


@pytest.mark.django_db
def test_lookup_finds_the_current_version(django_assert_max_num_queries):
    product = complete_product(gtin=GTIN14)
    publish_product(product)
    current = publish_product(product)
    with django_assert_max_num_queries(1):
        version = lookup(EAN)
    assert version.pk == current.pk
    assert version.snapshot == current.snapshot


@pytest.mark.django_db
def test_never_published_product_is_not_found():
    product = ProductFactory(gtin=GTIN14)
    with pytest.raises(PassportNotFound) as info:
        lookup(product.passport_code)
    assert info.value.status == 404


# ---------- HTML lookup ----------


@pytest.mark.django_db
def test_home_page_has_a_labelled_lookup_field(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'for="lookup-code"' in html and 'id="lookup-code"' in html
    assert 'action="/lookup/"' in html
    assert 'href="/products/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("form", ["gtin", "code", "link"])
def test_html_lookup_redirects_to_the_passport(client, form, django_assert_max_num_queries):
    product = complete_product(gtin=GTIN14)
    publish_product(product)
    raw = {
        "gtin": "400 6381 333931",
        "code": product.passport_code.lower(),
        "link": f"https://id.gs1.org/01/{GTIN14}/10/ABC",
    }[form]
    with django_assert_max_num_queries(4):
        response = client.get("/lookup/", {"code": raw})
    assert response.status_code == 302
    assert response["Location"] == f"/p/{product.passport_code}"


@pytest.mark.django_db
def test_html_lookup_explains_a_bad_check_digit(client):
    response = client.get("/lookup/", {"code": "4006381333932"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "should be 1, not 2" in html
    assert 'aria-invalid="true"' in html
    assert 'value="4006381333932"' in html


@pytest.mark.django_db
def test_html_lookup_unknown_code_is_a_helpful_404(client):
    response = client.get("/lookup/", {"code": EAN})
    html = response.content.decode()
    assert response.status_code == 404
    assert GTIN14 in html
    assert 'action="/products/"' in html and 'name="q"' in html


@pytest.mark.django_db
def test_html_lookup_does_not_reveal_drafts(client):
    product = ProductFactory(gtin=GTIN14, name="Geheimer Entwurf")
    for code in (product.passport_code, EAN):
        response = client.get("/lookup/", {"code": code})
        assert response.status_code == 404
        assert "No published passport" in response.content.decode()
        assert "Geheimer Entwurf" not in response.content.decode()


@pytest.mark.django_db
def test_withdrawn_passport_is_still_found(client):
    product = complete_product(gtin=GTIN14)
    publish_product(product)
    withdraw_product(product)
    response = client.get("/lookup/", {"code": EAN})
    assert response.status_code == 302
    assert response["Location"] == f"/p/{product.passport_code}"


# ---------- API ----------


@pytest.mark.django_db
def test_api_lookup_returns_the_current_passport(client, django_assert_max_num_queries):
    product = complete_product(gtin=GTIN14)
    publish_product(product)
    current = republished(product)
    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/lookup", {"code": "4006381-333931"})
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == 2
    assert data["passport_code"] == product.passport_code
    assert data["status"] == "published"
    assert data["content_hash"] == current.content_hash
    assert data["passport"] == current.snapshot


@pytest.mark.django_db
def test_api_lookup_bad_code_is_400_with_detail(client):
    response = client.get("/api/v1/lookup", {"code": "4006381333932"})
    assert response.status_code == 400
    assert "should be 1" in response.json()["detail"]


@pytest.mark.django_db
def test_api_lookup_missing_code_is_400(client):
    response = client.get("/api/v1/lookup")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Type a barcode number (GTIN/EAN), a passport code, or paste a product link.",
        "code": "empty",
    }


@pytest.mark.django_db
def test_api_lookup_unknown_or_draft_is_404_with_detail(client):
    draft = ProductFactory(gtin=GTIN14)
    for code in (EAN, draft.passport_code):
        response = client.get("/api/v1/lookup", {"code": code})
        assert response.status_code == 404
        assert "No published passport" in response.json()["detail"]


@pytest.mark.django_db
def test_api_lookup_sends_cors_headers(client):
    product = complete_product(gtin=GTIN14)
    publish_product(product)
    response = client.get("/api/v1/lookup", {"code": EAN}, HTTP_ORIGIN="https://shop.example")
    assert response["Access-Control-Allow-Origin"] == "*"


# ---------- Scanner output, digits, numbers that identify no product ----------

GTIN8 = "96385074"
RESTRICTED_MESSAGE = (
    "This number is a store-internal number (restricted circulation), not a product's GTIN: GS1 leaves numbers "
    "beginning with 02, 04 or 20 to 29 (GTIN-12: 2 or 4; GTIN-8: 0 or 2) to shops and companies for their own use."
)


@pytest.mark.parametrize(
    ("scanned", "gtin"),
    [
        (f"]E0{EAN}", GTIN14),  # EAN-13 (and UPC-A as 13 digits)
        (f"]E4{GTIN8}", GTIN8.zfill(14)),  # EAN-8
        (f"]E3{EAN}12", GTIN14),  # EAN-13 with a 2-digit add-on
        (f"]E3{EAN}51234", GTIN14),  # and with a 5-digit one
        (f"]I1{GTIN14}", GTIN14),  # ITF-14
        (f"]C101{GTIN14}", GTIN14),  # GS1-128
        (f"]C101{GTIN14}17261231\x1d10LOT-7", GTIN14),  # further AIs; 17 has a predefined length
        (f"]C11726123110LOT-7\x1d01{GTIN14}\x1d", GTIN14),  # the GTIN after a variable-length AI and FNC1
        (f"]e001{GTIN14}", GTIN14),  # GS1 DataBar
        (f"]d2\x1d01{GTIN14}\x1d21ABC", GTIN14),  # GS1 DataMatrix, FNC1 sent in first position too
        (f"]Q301{GTIN14}21ABC", GTIN14),  # GS1 QR Code
        (f"01{GTIN14}", GTIN14),  # an element string typed by a scanner without identifier
        (f"01{GTIN14}10LOT-7\x1d21ABC", GTIN14),
        (f"(10) LOT-7 (01) {GTIN14}", GTIN14),
        (f"(01){EAN}", GTIN14),  # typed by hand without the leading zero
    ],
)
def test_scanner_output_is_reduced_to_the_gtin(scanned, gtin):
    assert parse_code(scanned).gtin == gtin


@pytest.mark.parametrize("scanned", ["]C100106141411234567890", "(00)106141411234567890", f"]Q301{EAN}"])
def test_a_gs1_barcode_without_gtin_is_explained(scanned):
    with pytest.raises(InvalidCode) as info:
        parse_code(scanned)
    assert info.value.code == "element_string_without_gtin"
    assert "holds no GTIN" in info.value.message


def test_a_symbology_identifier_alone_asks_for_a_code():
    with pytest.raises(InvalidCode) as info:
        parse_code("]E0")
    assert info.value.code == "empty"


@pytest.mark.parametrize("typed", ["٤٠٠٦٣٨١٣٣٣٩٣١", "４００６３８１３３３９３１", "400638133393²"])
def test_digits_other_than_0_to_9_are_explained(typed):
    with pytest.raises(InvalidCode) as info:
        parse_code(typed)
    assert info.value.code == "gtin_not_digits"
    assert "only the digits 0 to 9" in info.value.message


@pytest.mark.parametrize(
    ("typed", "code", "what"),
    [
        ("2000000000008", "gtin_restricted_circulation", "a store-internal number (restricted circulation)"),
        ("241234567895", "gtin_restricted_circulation", "a store-internal number (restricted circulation)"),
        ("20123451", "gtin_restricted_circulation", "a store-internal number (restricted circulation)"),
        ("]E02000000000008", "gtin_restricted_circulation", "a store-internal number (restricted circulation)"),
        ("0512345678900", "gtin_coupon", "a coupon"),
        ("9912345678909", "gtin_coupon", "a coupon"),
        ("9801234567892", "gtin_refund_receipt", "a refund receipt"),
    ],
)
def test_numbers_that_identify_no_product_are_explained(typed, code, what):
    with pytest.raises(InvalidCode) as info:
        parse_code(typed)
    assert info.value.code == code
    assert info.value.message.startswith(f"This number is {what}, not a product's GTIN")


@pytest.mark.django_db
def test_html_lookup_of_a_scanned_barcode_redirects_to_the_passport(client):
    product = complete_product(gtin=GTIN14)
    publish_product(product)
    response = client.get("/lookup/", {"code": f"]C101{GTIN14}10LOT-7\x1d21ABC"})
    assert response.status_code == 302
    assert response["Location"] == f"/p/{product.passport_code}"


@pytest.mark.django_db
def test_html_lookup_of_a_store_internal_number_is_a_friendly_400(client):
    response = client.get("/lookup/", {"code": "2000000000008"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "store-internal number (restricted circulation)" in html
    assert 'aria-invalid="true"' in html
    assert 'value="2000000000008"' in html


@pytest.mark.django_db
def test_api_lookup_of_a_store_internal_number_is_400_with_the_same_message(client):
    response = client.get("/api/v1/lookup", {"code": "2000000000008"})
    assert response.status_code == 400
    assert response.json() == {"detail": RESTRICTED_MESSAGE, "code": "gtin_restricted_circulation"}
