"""Camera scanning in real headless Chromium: a fake camera shows a passport's EAN-13, and the passport opens."""

from PIL import Image, ImageDraw

from catalogue.passports.services import publish_product
from tests.conftest import BROWSER_TESTS, CHROMIUM, CHROMIUM_ARGS
from tests.factories import showcase_product

pytestmark = BROWSER_TESTS

WIDTH, HEIGHT = 640, 480
# EAN-13 digit patterns (1 = bar): the left half uses L or G codes, chosen by the first digit; the right half R.
L_CODES = ["0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"]
G_CODES = ["".join("1" if bit == "0" else "0" for bit in code)[::-1] for code in L_CODES]
R_CODES = ["".join("1" if bit == "0" else "0" for bit in code) for code in L_CODES]
PARITY = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"]


def ean13_modules(digits: str) -> str:
    first, left, right = int(digits[0]), digits[1:7], digits[7:]
    codes = [(L_CODES if kind == "L" else G_CODES)[int(digit)] for digit, kind in zip(left, PARITY[first], strict=True)]
    return "101" + "".join(codes) + "01010" + "".join(R_CODES[int(digit)] for digit in right) + "101"


def barcode_frame(digits: str, module: int = 4) -> Image.Image:
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    modules = ean13_modules(digits)
    left = (WIDTH - len(modules) * module) // 2
    for index, bit in enumerate(modules):
        if bit == "1":
            x = left + index * module
            draw.rectangle([x, 140, x + module - 1, 340], fill=0)
    return image


def write_y4m(path, image: Image.Image, frames: int = 10):
    """A YUV4MPEG2 file Chromium's fake camera plays in a loop: grey, so the chroma planes are all 128."""
    luma = image.tobytes()
    chroma = bytes([128]) * ((WIDTH // 2) * (HEIGHT // 2))
    with open(path, "wb") as file:
        file.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            file.write(b"FRAME\n" + luma + chroma + chroma)


def test_ean13_modules_are_the_standard_pattern():
    modules = ean13_modules("4006381333931")
    assert len(modules) == 95
    assert modules.startswith("101") and modules.endswith("101") and modules[45:50] == "01010"


def test_a_scanned_ean13_opens_the_passport(live_server, transactional_db, monkeypatch, tmp_path):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    product = showcase_product(gtin="04006381333931")
    publish_product(product)
    video = tmp_path / "ean13.y4m"
    write_y4m(video, barcode_frame("4006381333931"))
    camera_args = [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + camera_args)
        context = browser.new_context(locale="en-GB")
        context.grant_permissions(["camera"], origin=live_server.url)
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(f"{live_server.url}/")
        has_detector = page.evaluate("'BarcodeDetector' in window")
        page.get_by_role("button", name="Scan with camera").click()
        page.wait_for_url(f"**/p/{product.passport_code}", timeout=30_000)
        expect(page.locator("h1")).to_have_text(product.name)
        # Headless Linux Chromium has no BarcodeDetector, so this ran the wasm decoder from static/vendor/.
        assert not has_detector
        assert any(url.endswith("/static/vendor/zxing-wasm/zxing_reader.wasm") for url in requested), requested
        browser.close()
