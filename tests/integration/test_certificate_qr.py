"""The certificate's QR code as a phone meets it: a first line a person reads, a small code printed with modules of
at least 0.5 mm, read at 100 dpi and from a 150 dpi picture tilted 4°, blurred and noisy; payloads already printed
in the JSON form still verify; a photo, a scan or a PDF is read, and what is not one is refused by name."""

from __future__ import annotations

import io
import json
import math
import random
import struct
import zlib
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image, ImageFilter
from sqlalchemy import select

from ocop_desktop.cli import main
from ocop_desktop.documents import certificate
from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.models import Certificate, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import installation_key, public_key_line, trust_public_key
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.certificate_seal import Seal, payloads_in_file, verify_payload
from ocop_desktop.services.round_documents import render_round_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIRST_LINE = "0001/2026/GCN-OCOP · Chè búp Tân Cương đặc biệt · 4 sao · HTX Chè Tân Cương · đến 02/11/2029"


@pytest.fixture
def certificates_pdf(demo_db: Database, tmp_path: Path) -> Path:
    with demo_db.reading() as s:
        round_id = s.scalars(select(Round.id)).one()
    files = render_round_documents(demo_db, actor=SYSTEM, round_id=round_id, out=tmp_path, kinds=("certificates",))
    return files[0]


def _page(pdf: Path, dpi: int, index: int = 0) -> Image.Image:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return document[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def _read(image: Image.Image) -> list[zxingcpp.Barcode]:
    return zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]


def test_the_code_opens_with_a_readable_line_is_small_and_printed_with_half_millimetre_modules(
    demo_db: Database, certificates_pdf: Path
) -> None:
    with demo_db.reading() as s:
        issued = s.scalars(select(Certificate).order_by(Certificate.number)).all()
    for index, cert in enumerate(issued):
        found = _read(_page(certificates_pdf, 300, index))
        assert len(found) == 1, cert.number
        code = found[0]
        line = code.text.split("\n")[0]
        assert line.startswith(f"{cert.number} · ") and f" · {cert.stars} sao · " in line
        assert line.endswith(f" · đến {cert.expiry_date:%d/%m/%Y}")
        version = int(code.extra["Version"])
        assert version <= 11, (cert.number, version)  # the JSON form needed 15–16
        modules = 17 + 4 * version
        corners = code.position
        width_px = math.dist((corners.top_left.x, corners.top_left.y), (corners.top_right.x, corners.top_right.y))
        assert width_px / modules * 25.4 / 300 >= 0.5 - 0.01, cert.number  # a pixel's worth of measuring
        assert verify_payload(code.text).seal is Seal.VALID
    first = _read(_page(certificates_pdf, 300))[0]
    assert first.text.split("\n")[0] == FIRST_LINE
    assert int(first.extra["Version"]) <= 10


def test_read_at_100_dpi(certificates_pdf: Path) -> None:
    payloads = certificate.read_qr_payloads(certificates_pdf, dpi=100)
    assert len(payloads) == 10
    assert all(verify_payload(p).seal is Seal.VALID for p in payloads)


def _photographed(page: Image.Image, seed: int) -> Image.Image:
    """A 150 dpi picture of the page tilted 4°, blurred and noisy, as a phone held over a framed certificate."""
    tilted = page.rotate(4, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    blurred = tilted.filter(ImageFilter.GaussianBlur(1.0))  # σ 1 px: a third of a module
    noise = Image.frombytes("L", blurred.size, random.Random(seed).randbytes(blurred.width * blurred.height))
    return Image.blend(blurred, noise, 0.25)  # ±32 grey levels of noise over a contrast squeezed to 3/4


@pytest.mark.parametrize("index", [0, 6, 9])
def test_read_from_a_tilted_blurred_noisy_150_dpi_picture(certificates_pdf: Path, index: int) -> None:
    picture = _photographed(_page(certificates_pdf, 150, index), seed=15 + index)
    found = _read(picture)
    assert len(found) == 1
    check = verify_payload(found[0].text)
    assert check.seal is Seal.VALID and check.fields["so"] == f"{index + 1:04d}/2026/GCN-OCOP"


def test_a_payload_printed_in_the_json_form_still_verifies(tmp_path: Path) -> None:
    """Made by the code that printed the JSON form, before the compact one replaced it."""
    payload = (FIXTURES / "certificate-payload-2026-json.txt").read_text(encoding="utf-8")
    body = json.loads(payload)
    province = tmp_path / "province"
    check = verify_payload(payload, province)
    assert check.seal is Seal.UNKNOWN_ISSUER and check.signature_checked and check.key_id == "BEA6-CC50-8C90-F3DB"
    trust_public_key(f"{body['khoa']} UBND tỉnh Thái Nguyên", province)
    check = verify_payload(payload, province)
    assert check.seal is Seal.VALID and check.issuer == "UBND tỉnh Thái Nguyên"
    assert check.fields["qd"] == "2150/QĐ-UBND ngày 02/11/2026" and check.fields["het_han"] == "2029-11-02"
    assert verify_payload(payload.replace('"sao":4', '"sao":5'), province).seal is Seal.INVALID


def test_an_unknown_key_is_said_plainly_and_trusting_it_makes_the_code_valid(
    certificates_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    payload = certificate.read_qr_payloads(certificates_pdf)[0]
    key = installation_key()
    elsewhere = tmp_path / "inspector"
    check = verify_payload(payload, elsewhere)
    assert check.seal is Seal.UNKNOWN_ISSUER and not check.signature_checked
    assert check.key_id == key.key_id and check.fields["chu_the"] == "HTX Chè Tân Cương"
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(elsewhere))
    assert main(["verify-certificate", "--payload", payload, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"UNKNOWN ISSUER: the code is signed with key {key.key_id}" in out
    assert "Valid until: 02/11/2029" in out
    trust_public_key(public_key_line(key, "UBND tỉnh Thái Nguyên"), elsewhere)
    assert verify_payload(payload, elsewhere).seal is Seal.VALID


def test_a_photo_of_the_certificate_verifies_from_the_command_line(
    certificates_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "anh-giay-chung-nhan.jpg"
    _photographed(_page(certificates_pdf, 150), seed=1).save(photo, quality=80)
    assert [verify_payload(p).seal for p in payloads_in_file(photo)] == [Seal.VALID]
    assert main(["verify-certificate", "--image", str(photo)]) == 0
    out = capsys.readouterr().out
    assert "HỢP LỆ: giấy chứng nhận do chính cài đặt này cấp" in out and "Có giá trị đến: 02/11/2029" in out


def _refusal(path: Path) -> tuple[str, dict[str, str]]:
    with pytest.raises(UserFacingError) as info:
        payloads_in_file(path)
    problem = info.value.problems[0]
    return problem.code, dict(problem.location)


def test_what_is_no_picture_or_pdf_is_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_photo = tmp_path / "anh.png"
    not_a_photo.write_text("đây không phải ảnh", encoding="utf-8")
    assert _refusal(not_a_photo) == ("certificate.not_an_image", {"file": "anh.png"})
    truncated = tmp_path / "cut.png"
    buffer = io.BytesIO()
    Image.new("L", (400, 400), 255).save(buffer, format="PNG")
    truncated.write_bytes(buffer.getvalue()[:60])
    assert _refusal(truncated) == ("certificate.not_an_image", {"file": "cut.png"})
    eps = tmp_path / "anh.eps"  # a format Pillow would hand to Ghostscript: not opened at all
    eps.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n")
    assert _refusal(eps) == ("certificate.not_an_image", {"file": "anh.eps"})
    gif = tmp_path / "anh.gif"
    Image.new("L", (40, 40), 255).save(gif)
    assert _refusal(gif) == ("certificate.not_an_image", {"file": "anh.gif"})
    bad_pdf = tmp_path / "giay.pdf"
    bad_pdf.write_bytes(b"%PDF-1.7\n garbage")
    assert _refusal(bad_pdf) == ("certificate.unreadable_pdf", {"file": "giay.pdf"})
    blank = tmp_path / "trang.png"
    Image.new("L", (300, 200), 255).save(blank)
    assert _refusal(blank) == ("certificate.no_qr", {"file": "trang.png"})
    assert main(["verify-certificate", "--image", str(not_a_photo), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "anh.png" in err and "not a picture" in err and "Traceback" not in err


@pytest.mark.parametrize("side", [8_000, 30_000])  # above our limit; above Pillow's own too
def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path: Path, side: int) -> None:
    """A PNG claiming side × side grey pixels (64 MB, 900 MB decoded) in a file of a few kilobytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    rows = zlib.compress(bytes((side + 1) * 64))
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
    assert _refusal(bomb) == ("certificate.image_too_large", {"file": "bom.png"})
