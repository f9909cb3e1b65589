"""Certificates: the texts read back from the PDF, stars drawn as stars, the QR code read from the rendered page
verifies offline and fails after a one-character change, an unknown issuer is told apart, the layout template is
checked element by element, and a certificate whose stars the ballots no longer support is refused."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop.cli import main
from ocop_desktop.documents import certificate
from ocop_desktop.domain.errors import ValidationFailed
from ocop_desktop.models import Certificate, Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.persistence.keys import installation_key, public_key_line, revoke_key, trust_public_key
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.certificate_seal import Seal, verify_payload
from ocop_desktop.services.round_documents import DocumentRefused, certificates_data, render_round_documents
from tests.builders import council_key


def _round(db: Database) -> str:
    with db.reading() as s:
        return s.scalars(select(Round.id)).one()


@pytest.fixture
def certificates_pdf(demo_db: Database, tmp_path: Path) -> Path:
    files = render_round_documents(
        demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path / "out", kinds=("certificates",)
    )
    assert [f.name for f in files] == ["giay-chung-nhan.pdf", "giay-chung-nhan.xlsx"]
    return files[0]


def test_certificate_texts_one_page_each(demo_db: Database, certificates_pdf: Path) -> None:
    reader = PdfReader(certificates_pdf)
    with demo_db.reading() as s:
        issued = s.scalars(select(Certificate).order_by(Certificate.number)).all()
    assert len(reader.pages) == len(issued) == 10  # every 3★ and 4★ product; the 5★ goes to the centre
    first = " ".join(reader.pages[0].extract_text().split())
    for text in (
        "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "GIẤY CHỨNG NHẬN",
        "Chè búp Tân Cương đặc biệt",
        "Mã số sản phẩm: 19-05503-1-2026",
        "Chủ thể: Hợp tác xã Chè Tân Cương",
        "ĐẠT HẠNG 4 SAO",
        "Theo Quyết định số 2150/QĐ-UBND ngày 02/11/2026",
        "Số: 0001/2026/GCN-OCOP",
        "Ngày cấp: 02/11/2026",
        "Có giá trị đến: 02/11/2029",  # 36 months
        "Thái Nguyên, ngày 02 tháng 11 năm 2026",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",  # each on its own line
        "Nguyễn Văn Thành",
    ):
        assert text in first, text
    for page, cert in zip(reader.pages, issued, strict=True):
        text = " ".join(page.extract_text().split())
        assert f"ĐẠT HẠNG {cert.stars} SAO" in text and cert.number in text
        # the stars are drawn as stars: closed, filled and stroked paths of ten corners, one per star
        content = page.get_contents()
        assert content is not None
        drawn = content.get_data().decode("latin-1")
        stars = re.findall(r"n [\d. ]+ m(?: [\d. ]+ l){9} h\nB\*", drawn)
        assert len(stars) == cert.stars


def test_the_certificate_register_in_excel(demo_db: Database, certificates_pdf: Path) -> None:
    sheet = load_workbook(certificates_pdf.with_suffix(".xlsx")).worksheets[0]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    with demo_db.reading() as s:
        issued = s.scalars(select(Certificate).order_by(Certificate.number)).all()
    assert [(r[1], r[6], r[10].date()) for r in rows] == [(c.number, c.stars, c.expiry_date) for c in issued]
    assert sheet.cell(3, 11).number_format == "dd/mm/yyyy"  # a date, shown as the certificate writes it
    assert rows[0][2] == "Chè búp Tân Cương đặc biệt" and rows[0][7] == "2150/QĐ-UBND"


def test_qr_reads_back_and_verifies_and_one_changed_character_fails(demo_db: Database, certificates_pdf: Path) -> None:
    payloads = certificate.read_qr_payloads(certificates_pdf)
    with demo_db.reading() as s:
        issued = s.scalars(select(Certificate).order_by(Certificate.number)).all()
    assert len(payloads) == len(issued)
    for payload, cert in zip(payloads, issued, strict=True):
        check = verify_payload(payload)
        assert check.seal is Seal.VALID and check.issuer == ""
        assert check.key_id == installation_key().key_id
        assert check.fields["so"] == cert.number and check.fields["sao"] == str(cert.stars)
        assert check.fields["het_han"] == cert.expiry_date.isoformat()
        assert check.fields["chu_the"] and check.fields["ma_sp"] == cert.product_code
    payload = payloads[0]
    key_id_at = len(payload) - 108  # the base45 of the key id (12 characters) and the signature (96) ends it
    for index in range(len(payload)):
        changed = payload[:index] + ("X" if payload[index] != "X" else "Y") + payload[index + 1 :]
        # another key id names no trusted key: an unknown issuer, whose signature cannot be checked
        unknown = {Seal.UNKNOWN_ISSUER} if key_id_at <= index < key_id_at + 12 else set()
        assert verify_payload(changed).seal in {Seal.INVALID, *unknown}, index
    raised = payload.replace(" · 4 sao · ", " · 5 sao · ")
    assert raised != payload and verify_payload(raised).seal is Seal.INVALID


def test_another_installation_sees_an_unknown_issuer_until_it_trusts_the_key(
    certificates_pdf: Path, tmp_path: Path
) -> None:
    payload = certificate.read_qr_payloads(certificates_pdf)[0]
    elsewhere = tmp_path / "other-installation"
    check = verify_payload(payload, elsewhere)
    assert check.seal is Seal.UNKNOWN_ISSUER and check.fields["so"] == "0001/2026/GCN-OCOP"
    trust_public_key(public_key_line(installation_key(), "UBND tỉnh Thái Nguyên"), elsewhere)
    check = verify_payload(payload, elsewhere)
    assert check.seal is Seal.VALID and check.issuer == "UBND tỉnh Thái Nguyên"


def test_a_forger_with_a_key_of_his_own_is_an_unknown_issuer(certificates_pdf: Path, tmp_path: Path) -> None:
    from ocop_desktop.services.certificate_seal import sign_payload

    fields = dict(verify_payload(certificate.read_qr_payloads(certificates_pdf)[0]).fields)
    fields["sao"] = "5"
    forged = sign_payload(fields, council_key(tmp_path / "forger"))
    assert verify_payload(forged).seal is Seal.UNKNOWN_ISSUER


def test_verify_certificate_command(certificates_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify-certificate", "--pdf", str(certificates_pdf)]) == 0
    out = capsys.readouterr().out
    assert out.count("HỢP LỆ: giấy chứng nhận do chính cài đặt này cấp") == 10
    assert "Số giấy chứng nhận: 0001/2026/GCN-OCOP" in out and "Có giá trị đến: 02/11/2029" in out
    payload = certificate.read_qr_payloads(certificates_pdf)[0].replace("Chè", "Trà", 1)
    assert main(["verify-certificate", "--payload", payload, "--lang", "en"]) == 1
    assert "INVALID: the content was edited or the signature is forged" in capsys.readouterr().out


def test_verify_certificate_refuses_what_is_not_a_certificate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "giay.pdf"
    junk.write_bytes(b"%PDF-1.4 not really")
    assert main(["verify-certificate", "--pdf", str(junk)]) == 2
    assert "không mở được tệp PDF" in capsys.readouterr().err
    assert main(["verify-certificate", "--pdf", str(tmp_path / "missing.pdf")]) == 2
    assert "không đọc được tệp" in capsys.readouterr().err
    assert main(["verify-certificate", "--payload", "xin chào"]) == 1
    assert "KHÔNG HỢP LỆ" in capsys.readouterr().out


def test_no_qr_in_a_pdf_is_said(demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = render_round_documents(demo_db, actor=SYSTEM, round_id=_round(demo_db), out=tmp_path, kinds=("annex",))
    assert main(["verify-certificate", "--pdf", str(files[0])]) == 2
    assert "không đọc được mã QR nào" in capsys.readouterr().err


def test_a_template_is_checked_whole(tmp_path: Path) -> None:
    template = json.loads(certificate.default_template_text())
    template["elements"][2]["text"] = "{ten_san_pham}"
    template["elements"][3]["size"] = "lớn"
    template["elements"].append({"type": "hinh", "x_mm": 1})
    template["elements"].append({"type": "qr", "x_mm": 1, "y_mm": 2})
    path = tmp_path / "mau.json"
    path.write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        certificate.load_template(path)
    found = {(p.code, dict(p.location).get("element")) for p in info.value.problems}
    last = len(template["elements"])
    assert found == {
        ("certificate.template_unknown_field", "3"),
        ("certificate.template_bad_value", "4"),
        ("certificate.template_bad_type", str(last - 1)),
        ("certificate.template_missing_key", str(last)),
    }
    template["elements"] = [e for e in template["elements"] if e.get("type") != "qr"]
    path.write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        certificate.load_template(path)
    assert "certificate.template_no_qr" in {p.code for p in info.value.problems}
    path.write_text("{ không phải json", encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        certificate.load_template(path)
    assert info.value.problems[0].code == "input.not_json"


def test_a_custom_template_with_a_background_is_used(demo_db: Database, tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (60, 42), (250, 240, 200)).save(tmp_path / "nen.png")
    template = {
        "page": {"size": "A4", "orientation": "portrait"},
        "background": "nen.png",
        "elements": [
            {"type": "text", "text": "Chứng nhận {product} — {stars} sao", "x_mm": 105, "y_mm": 60, "size": 20,
             "align": "center"},
            {"type": "stars", "x_mm": 105, "y_mm": 90, "size_mm": 20},
            {"type": "qr", "x_mm": 80, "y_mm": 200, "size_mm": 50},
        ],
    }  # fmt: skip
    (tmp_path / "mau.json").write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    files = render_round_documents(
        demo_db,
        actor=SYSTEM,
        round_id=_round(demo_db),
        out=tmp_path / "out",
        kinds=("certificates",),
        certificate_template=tmp_path / "mau.json",
    )
    reader = PdfReader(files[0])
    page = reader.pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)  # portrait
    assert "Chứng nhận Chè búp Tân Cương đặc biệt — 4 sao" in " ".join(page.extract_text().split())
    assert "/XObject" in page["/Resources"]  # the background image
    assert verify_payload(certificate.read_qr_payloads(files[0])[0]).seal is Seal.VALID


def test_a_certificate_the_ballots_no_longer_support_is_refused(demo_path: Path, tmp_path: Path) -> None:
    con = sqlite3.connect(demo_path)  # no guard trigger stops this edit (and a file without its triggers is refused)
    assert con.execute("UPDATE certificates SET stars = 5 WHERE number = '0001/2026/GCN-OCOP'").rowcount == 1
    con.commit()
    con.close()
    with Database.open(demo_path) as db, pytest.raises(DocumentRefused) as info:
        certificates_data(db, actor=SYSTEM, round_id=_round(db))
    problem = info.value.problems[0]
    assert problem.code == "documents.certificate_differs"
    assert dict(problem.location)["certificate"] == "0001/2026/GCN-OCOP"


def test_the_signing_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    first = council_key(tmp_path)
    assert council_key(tmp_path).public_raw == first.public_raw
    assert (tmp_path / "council-key.json").stat().st_mode & 0o077 == 0


def test_a_payload_read_with_its_line_ending_or_spaces_verifies(
    certificates_pdf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = certificate.read_qr_payloads(certificates_pdf)[0]
    for printed in (payload + "\n", f"  {payload} \r\n", "\n" + payload + "\t"):  # as `zbarimg --raw` prints it
        assert verify_payload(printed).seal is Seal.VALID
        assert main(["verify-certificate", "--payload", printed]) == 0
        assert "HỢP LỆ: giấy chứng nhận do chính cài đặt này cấp" in capsys.readouterr().out
    inside = payload.replace(" · ", "  · ", 1)  # whitespace inside is still not the text that was signed
    assert verify_payload(inside).seal is Seal.INVALID


def test_a_certificate_issued_after_its_key_was_revoked_is_invalid(
    certificates_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = certificate.read_qr_payloads(certificates_pdf)[0]
    assert verify_payload(payload).fields["ngay_cap"] == "2026-11-02"
    province = tmp_path / "province"
    key_id, _name = trust_public_key(public_key_line(installation_key(), "UBND tỉnh Thái Nguyên"), province)
    revoke_key(key_id, dt.date(2020, 1, 1), "khóa bị lộ", province)
    check = verify_payload(payload, province)
    assert check.seal is Seal.INVALID and check.revoked is not None and check.revoked.since == dt.date(2020, 1, 1)
    assert check.fields["so"] == "0001/2026/GCN-OCOP"
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(province))
    assert main(["verify-certificate", "--payload", payload, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"INVALID: key {key_id} (UBND tỉnh Thái Nguyên) is revoked since 01/01/2020 (khóa bị lộ)" in out
    assert "VALID: issued" not in out


def test_a_certificate_issued_before_its_key_was_revoked_stays_valid_with_a_note(
    certificates_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = certificate.read_qr_payloads(certificates_pdf)[0]
    province = tmp_path / "province"
    key_id, _name = trust_public_key(public_key_line(installation_key(), "UBND tỉnh Thái Nguyên"), province)
    revoke_key(key_id, dt.date(2026, 11, 3), "khóa bị lộ", province)
    check = verify_payload(payload, province)
    assert check.seal is Seal.VALID and check.revoked is not None
    revoke_key(key_id, dt.date(2026, 11, 2), "khóa bị lộ", province)  # the very day it was issued: invalid
    assert verify_payload(payload, province).seal is Seal.INVALID
    revoke_key(key_id, dt.date(2026, 11, 3), "khóa bị lộ", province)
    monkeypatch.setenv("OCOP_DESKTOP_DATA", str(province))
    assert main(["verify-certificate", "--payload", payload]) == 0
    out = capsys.readouterr().out
    assert "HỢP LỆ: giấy chứng nhận do UBND tỉnh Thái Nguyên cấp" in out
    assert f"Lưu ý: khóa {key_id} đã bị thu hồi từ ngày 03/11/2026 (khóa bị lộ), sau ngày cấp giấy này" in out
