"""Stand-ins for the scanned files of a demo dossier: a one-page PDF form with its title and a few lines, and a
product picture (PNG). They make the demo's dossier page, attachment preview and system viewer show something
readable, and say plainly that they are samples."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ocop_desktop import __version__
from ocop_desktop.documents.pdf.fonts import SERIF, register_fonts

SAMPLE_NOTE = "Tệp mẫu của đợt chạy thử, không phải giấy tờ thật."


def form_pdf(title: str, lines: Sequence[str]) -> bytes:
    """One A4 page: the title in bold capitals, then the lines, then the sample note in italics."""
    register_fonts()
    out = BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=True)
    page.setTitle(title)
    page.setSubject(SAMPLE_NOTE)
    page.setAuthor("OCOP Desktop")
    page.setCreator(f"OCOP Desktop {__version__}")
    width, height = A4
    page.setFont(f"{SERIF}-Bold", 14)
    page.drawCentredString(width / 2, height - 90, title.upper())
    page.setFont(SERIF, 13)
    y = height - 140
    for line in lines:
        page.drawString(72, y, line)
        y -= 22
    page.setFont(f"{SERIF}-Italic", 11)
    page.drawString(72, y - 20, SAMPLE_NOTE)
    page.showPage()
    page.save()
    return out.getvalue()


def product_picture(colour: tuple[int, int, int], *, width: int = 480, height: int = 320) -> bytes:
    """A plain drawing of a packaged product on a shelf: a light backdrop, a box in `colour` with a pale label
    band, and the shelf. Row by row as bytes, so it costs a few milliseconds."""
    backdrop = bytes((236, 232, 222)) * width
    shelf = bytes((150, 112, 76)) * width
    box_left, box_right = width * 3 // 8, width * 5 // 8
    box_top, box_bottom = height // 6, height * 3 // 4
    label_top, label_bottom = box_top + (box_bottom - box_top) * 2 // 5, box_top + (box_bottom - box_top) * 3 // 5
    box = bytes(colour) * (box_right - box_left)
    label = bytes((250, 244, 214)) * (box_right - box_left - 24)
    rows = []
    for y in range(height):
        if y >= box_bottom:
            row = shelf
        elif y >= box_top:
            middle = box
            if label_top <= y < label_bottom:
                middle = box[:36] + label + box[-36:]
            row = backdrop[: box_left * 3] + middle + backdrop[box_right * 3 :]
        else:
            row = backdrop
        rows.append(b"\x00" + row)
    return _png(width, height, b"".join(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
