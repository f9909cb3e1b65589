"""Register the bundled serif family once. ReportLab's default Helvetica silently drops every Vietnamese letter;
Liberation Serif carries them all and sets text like Times New Roman, which Nghị định 30/2020 prescribes."""

from __future__ import annotations

import functools

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ocop_desktop.paths import fonts_dir

SERIF = "OcopSerif"
FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    f"{SERIF}-Bold": "LiberationSerif-Bold.ttf",
    f"{SERIF}-Italic": "LiberationSerif-Italic.ttf",
    f"{SERIF}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}


@functools.cache
def register_fonts() -> str:
    """Register the four faces and their <b>/<i> mapping; returns the family name to use."""
    for name, file_name in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file_name)))
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, f"{SERIF}-Bold")
    addMapping(SERIF, 0, 1, f"{SERIF}-Italic")
    addMapping(SERIF, 1, 1, f"{SERIF}-BoldItalic")
    # every canvas starts in this font rather than Helvetica, which would sit unembedded in each PDF
    rl_config.canvas_basefontname = SERIF
    return SERIF


def missing_glyphs(text: str, font_name: str = SERIF) -> set[str]:
    """Characters of `text` the font cannot draw (ReportLab would drop them without a word)."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    widths = font.face.charWidths  # type: ignore[attr-defined]
    return {ch for ch in text if not ch.isspace() and ord(ch) not in widths}
