"""Draws the PNG app icons (192, 512 and the 180 px apple-touch-icon) after static/img/favicon.svg."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

PRIMARY, WHITE, ACCENT = "#17526a", "#ffffff", "#f2b705"
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "apple-touch-icon.png": 180}


def draw_icon(size: int) -> Image.Image:
    """The favicon's drawing (a 64-unit grid) at ``size`` pixels: a passport sheet with two lines and a seal."""
    scale = size / 64
    image = Image.new("RGB", (size, size), PRIMARY)
    draw = ImageDraw.Draw(image)

    def box(*values):
        return [round(value * scale) for value in values]

    width = round(5 * scale)
    draw.rounded_rectangle(box(14, 12, 50, 52), radius=round(4 * scale), outline=WHITE, width=width)
    draw.line(box(22, 26, 42, 26), fill=WHITE, width=width)
    draw.line(box(22, 36, 34, 36), fill=WHITE, width=width)
    draw.ellipse(box(36, 38, 52, 54), fill=ACCENT)
    return image


class Command(BaseCommand):
    help = "Draws the PNG app icons into static/img/ (run after changing favicon.svg; the PNGs are committed)."

    def handle(self, *args, **options):
        directory = Path(settings.BASE_DIR) / "static" / "img"
        directory.mkdir(parents=True, exist_ok=True)
        for name, size in SIZES.items():
            # Drawn four times larger and scaled down: smooth edges without an SVG renderer.
            draw_icon(size * 4).resize((size, size), Image.LANCZOS).save(directory / name, optimize=True)
            self.stdout.write(f"{directory / name} ({size} px)")
