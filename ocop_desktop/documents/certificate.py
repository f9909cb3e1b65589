"""Giấy chứng nhận sản phẩm OCOP, drawn from a layout template, each with a QR code carrying its signed payload.

There is no national template, so the layout is data: a JSON file of elements (texts with {fields}, the stars,
the QR code, frames, lines) placed in millimetres from the top-left corner of the page, with an optional background
image. `DEFAULT_TEMPLATE` is the sensible default; `docs/certificate-template.md` documents every key. A template
is checked whole before anything is drawn, and every problem names the element and the key."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2
import zxingcpp
from PIL import Image, UnidentifiedImageError
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ocop_desktop import __version__
from ocop_desktop.documents import xlsx
from ocop_desktop.documents.pdf.fonts import register_fonts
from ocop_desktop.documents.pdf.layout import MOTTO, NATIONAL_TITLE, PageHook
from ocop_desktop.domain import values
from ocop_desktop.domain.dates import parse_vi_date
from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.domain.text import body_in_sentence
from ocop_desktop.paths import written_atomically

FIELDS = (
    "issuing_body", "national_title", "motto", "product", "producer", "address", "product_code", "stars",
    "decision_number", "decision_date", "decision_body", "certificate_number", "issue_date", "expiry_date",
    "place_date", "signer_title", "signer", "key_id", "authority_note",
)  # fmt: skip
STYLES = ("regular", "bold", "italic", "bold-italic")
ALIGNS = ("left", "center", "right")
MAX_TEMPLATE_BYTES = 256 * 1024

DEFAULT_TEMPLATE: dict[str, Any] = {
    "page": {"size": "A4", "orientation": "landscape"},
    "background": None,
    "elements": [
        {"type": "frame", "margin_mm": 8, "width_pt": 3, "color": "#8b1a1a"},
        {"type": "frame", "margin_mm": 11, "width_pt": 0.8, "color": "#8b1a1a"},
        {"type": "text", "text": "{issuing_body}", "x_mm": 72, "y_mm": 26, "size": 13, "style": "bold",
         "align": "center", "max_width_mm": 100},
        {"type": "line", "x1_mm": 57, "y1_mm": 28.5, "x2_mm": 87, "y2_mm": 28.5, "width_pt": 0.6},
        {"type": "text", "text": "{national_title}", "x_mm": 205, "y_mm": 26, "size": 13, "style": "bold",
         "align": "center"},
        {"type": "text", "text": "{motto}", "x_mm": 205, "y_mm": 32, "size": 13, "style": "bold", "align": "center"},
        {"type": "line", "x1_mm": 181, "y1_mm": 34, "x2_mm": 229, "y2_mm": 34, "width_pt": 0.6},
        {"type": "text", "text": "GIẤY CHỨNG NHẬN", "x_mm": 148.5, "y_mm": 58, "size": 34, "style": "bold",
         "align": "center", "color": "#8b1a1a"},
        {"type": "text", "text": "SẢN PHẨM OCOP — CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM", "x_mm": 148.5, "y_mm": 68,
         "size": 15, "style": "bold", "align": "center"},
        {"type": "text", "text": "{product}", "x_mm": 148.5, "y_mm": 84, "size": 24, "style": "bold",
         "align": "center", "max_width_mm": 240, "color": "#0b3d91"},
        {"type": "text", "text": "Mã số sản phẩm: {product_code}", "x_mm": 148.5, "y_mm": 93, "size": 13,
         "align": "center"},
        {"type": "text", "text": "Chủ thể: {producer}", "x_mm": 148.5, "y_mm": 101, "size": 14, "style": "bold",
         "align": "center", "max_width_mm": 240},
        {"type": "text", "text": "Địa chỉ: {address}", "x_mm": 148.5, "y_mm": 108, "size": 13, "align": "center",
         "max_width_mm": 240},
        {"type": "stars", "x_mm": 148.5, "y_mm": 123, "size_mm": 15, "gap_mm": 4, "color": "#e3a008",
         "outline": "#8b5a00"},
        {"type": "text", "text": "ĐẠT HẠNG {stars} SAO", "x_mm": 148.5, "y_mm": 137, "size": 17, "style": "bold",
         "align": "center", "color": "#8b1a1a"},
        {"type": "text", "text": "Theo Quyết định số {decision_number} ngày {decision_date}", "x_mm": 148.5,
         "y_mm": 145, "size": 12, "style": "italic", "align": "center", "max_width_mm": 220},
        {"type": "text", "text": "{authority_note}", "x_mm": 148.5, "y_mm": 151, "size": 10, "style": "italic",
         "align": "center", "max_width_mm": 130},
        {"type": "qr", "x_mm": 18, "y_mm": 148, "size_mm": 42, "module_mm": 0.5},
        {"type": "text", "text": "Số: {certificate_number}", "x_mm": 63, "y_mm": 164, "size": 12},
        {"type": "text", "text": "Ngày cấp: {issue_date}", "x_mm": 63, "y_mm": 170, "size": 12},
        {"type": "text", "text": "Có giá trị đến: {expiry_date}", "x_mm": 63, "y_mm": 176, "size": 12,
         "style": "bold"},
        # what the code proves and how to check it, one element a line (a wrapped text would first shrink)
        {"type": "text", "text": "Mã QR mang chữ ký số của cơ quan cấp, chứng thực số giấy, sản phẩm, hạng sao,",
         "x_mm": 63, "y_mm": 181.5, "size": 8, "max_width_mm": 96},
        {"type": "text", "text": "chủ thể và thời hạn ghi trên giấy. Kiểm tra bằng phần mềm OCOP Desktop:",
         "x_mm": 63, "y_mm": 185, "size": 8, "max_width_mm": 96},
        {"type": "text", "text": "Trợ giúp > Kiểm tra giấy chứng nhận (khóa {key_id}).", "x_mm": 63, "y_mm": 188.5,
         "size": 8, "max_width_mm": 96},
        {"type": "text", "text": "{place_date}", "x_mm": 215, "y_mm": 158, "size": 13, "style": "italic",
         "align": "center"},
        {"type": "text", "text": "{signer_title}", "x_mm": 215, "y_mm": 165, "size": 13, "style": "bold",
         "align": "center", "max_width_mm": 110},
        {"type": "text", "text": "{signer}", "x_mm": 215, "y_mm": 193, "size": 13, "style": "bold",
         "align": "center"},
    ],
}  # fmt: skip


@dataclass(frozen=True)
class CertificatePage:
    """One certificate: the texts of its fields, its stars and the signed payload its QR code carries."""

    fields: Mapping[str, str]
    stars: int
    payload: str


@dataclass(frozen=True)
class Template:
    page_size: tuple[float, float]
    background: Path | None
    elements: tuple[Mapping[str, Any], ...]


def default_template_text() -> str:
    return json.dumps(DEFAULT_TEMPLATE, ensure_ascii=False, indent=2) + "\n"


def _number(element: Mapping[str, Any], key: str, where: tuple[tuple[str, str], ...], problems: list[Problem]) -> None:
    value = element.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or value > 2000:
        problems.append(Problem("certificate.template_bad_value", {"key": key, "value": value}, where))


def _color(value: Any) -> bool:
    return (
        isinstance(value, str) and len(value) == 7 and value[0] == "#" and all(c in string.hexdigits for c in value[1:])
    )


REQUIRED = {
    "text": ("text", "x_mm", "y_mm", "size"),
    "stars": ("x_mm", "y_mm", "size_mm"),
    "qr": ("x_mm", "y_mm", "size_mm"),
    "frame": ("margin_mm",),
    "line": ("x1_mm", "y1_mm", "x2_mm", "y2_mm"),
}
NUMBERS = {"x_mm", "y_mm", "size", "size_mm", "gap_mm", "margin_mm", "width_pt", "max_width_mm", "x1_mm", "y1_mm",
           "x2_mm", "y2_mm", "module_mm"}  # fmt: skip


def parse_template(raw: object, origin: Path | None = None) -> Template:
    """Check a template (already parsed from JSON) whole; every problem names the element and key."""
    problems: list[Problem] = []
    file = (("file", origin.name),) if origin is not None else ()
    if not isinstance(raw, dict) or not isinstance(raw.get("elements"), list):
        raise ValidationFailed([Problem("certificate.template_shape", {}, file)])
    page = raw.get("page") or {}
    size = {"A4": A4, "A5": (A4[1] / 2 * 1.0, A4[0] * 1.0)}.get(
        page.get("size", "A4") if isinstance(page, dict) else ""
    )
    orientation = page.get("orientation", "landscape") if isinstance(page, dict) else None
    if size is None or orientation not in ("landscape", "portrait"):
        problems.append(Problem("certificate.template_bad_page", {"page": json.dumps(page, ensure_ascii=False)}, file))
        size = A4
    page_size = landscape(size) if orientation == "landscape" else portrait(size)
    background = None
    if raw.get("background"):
        if not isinstance(raw["background"], str):
            problems.append(
                Problem("certificate.template_bad_value", {"key": "background", "value": raw["background"]})
            )
        else:
            background = (origin.parent if origin is not None else Path.cwd()) / raw["background"]
            if not background.is_file():
                problems.append(Problem("certificate.background_missing", {"path": str(background)}, file))
    for index, element in enumerate(raw["elements"], start=1):
        where = (*file, ("element", str(index)))
        if not isinstance(element, dict) or element.get("type") not in REQUIRED:
            kind = element.get("type") if isinstance(element, dict) else element
            problems.append(Problem("certificate.template_bad_type", {"type": kind}, where))
            continue
        for key in REQUIRED[element["type"]]:
            if key not in element:
                problems.append(Problem("certificate.template_missing_key", {"key": key}, where))
        for key in NUMBERS & set(element):
            _number(element, key, where, problems)
        for key in ("color", "outline"):
            if key in element and not _color(element[key]):
                problems.append(Problem("certificate.template_bad_value", {"key": key, "value": element[key]}, where))
        if element.get("style", "regular") not in STYLES:
            problems.append(
                Problem("certificate.template_bad_value", {"key": "style", "value": element["style"]}, where)
            )
        if element.get("align", "left") not in ALIGNS:
            problems.append(
                Problem("certificate.template_bad_value", {"key": "align", "value": element["align"]}, where)
            )
        if element["type"] == "text" and isinstance(element.get("text"), str):
            try:
                names = {name for _, name, _, _ in string.Formatter().parse(element["text"]) if name is not None}
            except ValueError as exc:
                problems.append(Problem("certificate.template_bad_value", {"key": "text", "value": str(exc)}, where))
                continue
            for name in sorted(names - set(FIELDS)):
                problems.append(
                    Problem("certificate.template_unknown_field", {"field": name, "fields": ", ".join(FIELDS)}, where)
                )
    if not any(isinstance(e, dict) and e.get("type") == "qr" for e in raw["elements"]):
        problems.append(Problem("certificate.template_no_qr", {}, file))  # a certificate nobody can verify
    if problems:
        raise ValidationFailed(problems)
    return Template(page_size, background, tuple(raw["elements"]))


def load_template(path: Path | None) -> Template:
    """The template in `path` (JSON), or the default one."""
    if path is None:
        return parse_template(DEFAULT_TEMPLATE)
    where = (("file", path.name),)
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise ValidationFailed([Problem("certificate.template_too_large", {"limit": "256 KiB"}, where)])
        raw = values.loads_bounded(path.read_text(encoding="utf-8"))
    except ValidationFailed as exc:
        raise ValidationFailed([p.at(*where) for p in exc.problems]) from exc
    except OSError as exc:
        raise ValidationFailed([Problem("input.unreadable", {"detail": exc.strerror or str(exc)}, where)]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line, column = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (0, 0)
        raise ValidationFailed(
            [Problem("input.not_json", {"line": line, "column": column, "detail": str(exc)}, where)]
        ) from exc
    return parse_template(raw, path)


def _font(style: str) -> str:
    family = register_fonts()
    return {"regular": family, "bold": f"{family}-Bold", "italic": f"{family}-Italic"}.get(
        style, f"{family}-BoldItalic"
    )


def star_path(canvas: Canvas, cx: float, cy: float, radius: float) -> Any:
    """A five-pointed star standing on two points, its inner radius in the classic 0.382 ratio."""
    path = canvas.beginPath()
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.382
        angle = math.pi / 2 + k * math.pi / 5
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        if k == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    return path


def _draw_text(canvas: Canvas, element: Mapping[str, Any], text: str, height: float, width: float) -> None:
    font = _font(element.get("style", "regular"))
    size = float(element["size"])
    x, y = element["x_mm"] * mm, height - element["y_mm"] * mm
    align = element.get("align", "left")
    room = element.get("max_width_mm")
    if room is None:
        room = (2 * min(x, width - x) if align == "center" else width - x if align == "left" else x) / mm - 10
    limit = room * mm
    # a long product name shrinks to 80 % of its size before it wraps onto a second line (below the first)
    while stringWidth(text, font, size) > limit and size > float(element["size"]) * 0.8:
        size -= 0.5
    lines = simpleSplit(text, font, size, limit) or [""]
    canvas.setFont(font, size)
    canvas.setFillColor(colors.HexColor(element.get("color", "#000000")))
    for number, line in enumerate(lines):
        baseline = y - number * size * 1.2
        if align == "center":
            canvas.drawCentredString(x, baseline, line)
        elif align == "right":
            canvas.drawRightString(x, baseline, line)
        else:
            canvas.drawString(x, baseline, line)


def _draw_page(canvas: Canvas, template: Template, page: CertificatePage, background: ImageReader | None) -> None:
    width, height = template.page_size
    if background is not None:
        canvas.drawImage(background, 0, 0, width, height)
    for element in template.elements:
        kind = element["type"]
        color = colors.HexColor(element.get("color", "#000000"))
        if kind == "text":
            _draw_text(canvas, element, str(element["text"]).format_map(page.fields), height, width)
        elif kind == "frame":
            margin = element["margin_mm"] * mm
            canvas.setStrokeColor(color)
            canvas.setLineWidth(element.get("width_pt", 1))
            canvas.rect(margin, margin, width - 2 * margin, height - 2 * margin)
        elif kind == "line":
            canvas.setStrokeColor(color)
            canvas.setLineWidth(element.get("width_pt", 0.6))
            canvas.line(
                element["x1_mm"] * mm,
                height - element["y1_mm"] * mm,
                element["x2_mm"] * mm,
                height - element["y2_mm"] * mm,
            )
        elif kind == "stars":
            size = element["size_mm"] * mm
            gap = element.get("gap_mm", 3) * mm
            left = element["x_mm"] * mm - (page.stars * size + (page.stars - 1) * gap) / 2
            canvas.setFillColor(color)
            canvas.setStrokeColor(colors.HexColor(element.get("outline", "#000000")))
            canvas.setLineWidth(0.8)
            for n in range(page.stars):
                cx = left + n * (size + gap) + size / 2
                canvas.drawPath(star_path(canvas, cx, height - element["y_mm"] * mm, size / 2), fill=1, stroke=1)
        elif kind == "qr":
            side = qr_side(page.payload, element["size_mm"] * mm, element.get("module_mm", MIN_MODULE_MM) * mm)
            draw_qr(canvas, page.payload, element["x_mm"] * mm, height - element["y_mm"] * mm - side, side)


MIN_MODULE_MM = 0.5  # at 0.38 mm zbar read the code only from 150 dpi, tilted or blurred only from 300 dpi


def _symbol(payload: str) -> memoryview:
    """The QR code's modules, one byte each (0 dark), without the quiet zone. zxing-cpp makes the symbol and, for
    text mixing Vietnamese with the alphanumeric alphabet, mixes byte and alphanumeric segments (a smaller code);
    error correction M, so a scratched print still reads (ReportLab's pure-Python encoder takes 0.3 s a code)."""
    image = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
        scale=1, add_quiet_zones=False
    )
    return memoryview(image)  # type: ignore[arg-type]  # zxing-cpp's Image is a buffer; its stubs omit __buffer__


def qr_side(payload: str, size: float, min_module: float) -> float:
    """The width of the code's square, quiet zone included: `size`, or more when its modules would be narrower
    than `min_module` (a longer product name makes a larger code; it grows right and down from its corner)."""
    shape = _symbol(payload).shape
    return max(size, ((shape[0] if shape else 0) + 8) * min_module)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The QR code in the square at (x, y) bottom-left, `size` wide, its 4-module quiet zone painted white so that
    a background image cannot spoil it."""
    symbol = _symbol(payload)
    count = symbol.shape[0] if symbol.shape else 0
    module = size / (count + 8)
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    path = canvas.beginPath()
    for row in range(count):
        top = y + size - (row + 5) * module
        col = 0
        while col < count:
            if symbol[row, col]:
                col += 1
                continue
            start = col
            while col < count and not symbol[row, col]:
                col += 1
            path.rect(x + (start + 4) * module, top, (col - start) * module, module)
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)


def render_pdf(
    pages: Sequence[CertificatePage], path: Path, template: Template | None = None, *, on_page: PageHook | None = None
) -> Path:
    """All certificates into one PDF, one per page; written to a temporary file and renamed into place. `on_page`
    is told of each page drawn (as layout.build does); an exception it raises stops and leaves no file."""
    template = template or load_template(None)
    register_fonts()
    background = ImageReader(str(template.background)) if template.background is not None else None
    with written_atomically(path) as tmp:
        canvas = Canvas(str(tmp), pagesize=template.page_size)
        canvas.setTitle("Giấy chứng nhận sản phẩm OCOP")
        issuers = sorted({body_in_sentence(page.fields.get("issuing_body", "")) for page in pages} - {""})
        canvas.setAuthor(", ".join(issuers) or "OCOP Desktop")
        canvas.setSubject(f"Giấy chứng nhận sản phẩm OCOP ({len(pages)} giấy)")
        canvas.setCreator(f"OCOP Desktop {__version__}")
        for number, page in enumerate(pages, start=1):
            _draw_page(canvas, template, page, background)
            canvas.showPage()
            if on_page is not None:
                on_page(number, number / len(pages))
        canvas.save()
    return path


REGISTER_HEADERS = (
    "STT", "Số giấy chứng nhận", "Tên sản phẩm", "Mã số sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao",
    "Quyết định", "Ngày quyết định", "Ngày cấp", "Có giá trị đến",
)  # fmt: skip


def _day(text: str) -> dt.date | str:
    """A date field of the page ("02/11/2026") as the date it says, for the register's date cells."""
    try:
        return parse_vi_date(text)
    except ValueError:
        return text


def render_xlsx(pages: Sequence[CertificatePage], path: Path) -> Path:
    """The register of the certificates printed (sổ theo dõi cấp giấy chứng nhận), for the province's records."""
    columns = len(REGISTER_HEADERS)
    workbook, sheet = xlsx.new_sheet("Giấy chứng nhận")
    xlsx.title_row(sheet, 1, "DANH SÁCH GIẤY CHỨNG NHẬN SẢN PHẨM OCOP", columns)
    sheet.append(list(REGISTER_HEADERS))
    xlsx.header_row(sheet, 2, columns)
    for order, page in enumerate(pages, start=1):
        f = page.fields
        sheet.append(
            [
                order, f["certificate_number"], f["product"], f["product_code"], f["producer"], f["address"],
                page.stars, f["decision_number"], _day(f["decision_date"]), _day(f["issue_date"]),
                _day(f["expiry_date"]),
            ]
        )  # fmt: skip
    formats = {2: xlsx.TEXT_FORMAT, 4: xlsx.TEXT_FORMAT, 8: xlsx.TEXT_FORMAT}
    xlsx.body_rows(sheet, 3, sheet.max_row, columns, formats | {c: xlsx.DATE_FORMAT for c in (9, 10, 11)})
    xlsx.set_widths(sheet, (5, 14, 26, 13, 24, 30, 7, 14, 11, 11, 11))
    xlsx.fit_rows(sheet)
    sheet.freeze_panes = "A3"
    xlsx.print_setup(sheet, "Danh sách giấy chứng nhận sản phẩm OCOP", landscape=True, header_rows=(2, 2),
                     columns=columns)  # fmt: skip
    return xlsx.save(workbook, path)


def standard_fields() -> dict[str, str]:
    return {"national_title": NATIONAL_TITLE, "motto": MOTTO}


MAX_IMAGE_PIXELS = 50_000_000  # a 48-megapixel phone photo; a larger picture (or a decompression bomb) is refused
# what phones and scanners make; not every format Pillow knows (an EPS file would be handed to Ghostscript)
IMAGE_FORMATS = ("PNG", "JPEG")


def _codes(image: Any) -> list[str]:
    # zxing-cpp takes one BarcodeFormat as well as a set of them; its stubs name only the set
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
    return [r.text for r in found]


def read_qr_payloads(source: Path | bytes, *, dpi: int = 200) -> list[str]:
    """The text of every QR code on every page of a PDF (a file or its bytes), read from the rendered page as a
    phone camera would; a page too large to render at `dpi` within MAX_IMAGE_PIXELS is rendered smaller. Raises
    pypdfium2.PdfiumError for what is not a PDF."""
    payloads: list[str] = []
    document = pypdfium2.PdfDocument(str(source) if isinstance(source, Path) else source)
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            scale = min(dpi / 72, math.sqrt(MAX_IMAGE_PIXELS / max(width * height, 1.0)))
            payloads += _codes(page.render(scale=scale, grayscale=True).to_pil())
            page.close()
    finally:
        document.close()
    return payloads


def read_qr_image(data: bytes) -> list[str]:
    """The text of every QR code in a picture (PNG or JPEG). Raises ValidationFailed when the bytes are no such
    picture, or one of more than MAX_IMAGE_PIXELS (checked from its header, before it is decoded)."""
    too_large = Problem("certificate.image_too_large", {"limit": "50"})
    try:
        with Image.open(io.BytesIO(data), formats=IMAGE_FORMATS) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationFailed([too_large])
            grey = image.convert("L")  # decodes the picture: a damaged one fails here
    except Image.DecompressionBombError as exc:  # Pillow's own limit, met before the header is read whole
        raise ValidationFailed([too_large]) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ValidationFailed([Problem("certificate.not_an_image", {"detail": str(exc)[:200]})]) from exc
    return _codes(grey)
