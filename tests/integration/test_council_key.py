"""The registration form says what the province must compare (the key id, the whole public key in hex, the council)
and its QR code gives back the public key line; the demo key is found only beside a demo file; a locked key stops
certificates with a message before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ocop_desktop.documents import certificate, key_registration
from ocop_desktop.domain.errors import UserFacingError
from ocop_desktop.models import Round
from ocop_desktop.persistence import keys
from ocop_desktop.persistence.database import Database
from ocop_desktop.services import council_key
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.round_documents import render_round_documents
from tests.builders import TEST_PASSPHRASE

ISSUER = "Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Đại Từ"


def test_the_registration_form_carries_the_key_id_the_hex_key_and_a_qr_of_the_key_line(tmp_path: Path) -> None:
    key = keys.create_key(TEST_PASSPHRASE, tmp_path, issuer=ISSUER)
    done = council_key.export(tmp_path / "khoa.json", form=tmp_path / "phieu.pdf", place="Đại Từ", folder=tmp_path)
    assert done.key_id == key.key_id and done.issuer == ISSUER
    reader = PdfReader(tmp_path / "phieu.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert key_registration.TITLE in text and key.key_id in text
    flat = text.replace("\n", " ")
    for line in key_registration.hex_groups(key.public_raw):
        assert line.replace("  ", " ") in flat.replace("  ", " ")
    assert "CHỦ TỊCH HỘI ĐỒNG" in text and "đóng dấu" in text and "điện thoại" in text
    fonts = {str(font.get_object()["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all("Liberation" in name for name in fonts), fonts  # embedded, no Helvetica fallback
    assert certificate.read_qr_payloads(tmp_path / "phieu.pdf") == [keys.public_key_line(key, ISSUER).strip()]
    assert "".join(key_registration.hex_groups(key.public_raw)).replace(" ", "") == key.public_raw.hex().upper()


def test_the_form_and_the_key_file_name_the_council_the_key_signs_for(tmp_path: Path) -> None:
    keys.create_key(TEST_PASSPHRASE, tmp_path, issuer=ISSUER)
    council = ("6f1c0d2e-0000-4000-8000-000000000001", "Hội đồng OCOP huyện Đại Từ")
    council_key.export(tmp_path / "khoa.json", form=tmp_path / "phieu.pdf", folder=tmp_path, council=council)
    text = PdfReader(tmp_path / "phieu.pdf").pages[0].extract_text().replace("\n", " ")
    assert "Khóa chỉ ký cho hội đồng" in text and council[1] in text and council[0] in text
    found = council_key.read_public_key_file(tmp_path / "khoa.json")
    assert (found.council_id, found.council_name) == council
    assert len(PdfReader(tmp_path / "phieu.pdf").pages) == 1


def test_export_needs_a_name_and_remembers_it(tmp_path: Path) -> None:
    keys.create_key(TEST_PASSPHRASE, tmp_path)
    with pytest.raises(UserFacingError) as info:
        council_key.export(tmp_path / "khoa.json", folder=tmp_path)
    assert info.value.problems[0].code == "key.issuer_needed"
    council_key.export(tmp_path / "khoa.json", issuer=ISSUER, folder=tmp_path)
    stored = keys.stored_key(tmp_path)
    assert stored is not None and stored.issuer == ISSUER
    keys.forget_unlocked_keys()
    assert keys.unlock_key(TEST_PASSPHRASE, tmp_path).key_id == stored.key_id  # the name is outside the seal


def test_the_demo_key_is_only_that_of_a_demo_file(tmp_path: Path) -> None:
    db_path = tmp_path / "dot-mau.ocopdb"
    made = council_key.make_demo_key(db_path)
    assert council_key.demo_key_folder(db_path) == tmp_path / "dot-mau.khoa-mau"
    keys.forget_unlocked_keys()
    found = council_key.demo_key(db_path)
    assert found is not None and found.public_raw == made.public_raw
    assert council_key.demo_key(tmp_path / "hoi-dong.ocopdb") is None
    ordinary = tmp_path / "that.ocopdb"
    keys.create_key(TEST_PASSPHRASE, council_key.demo_key_folder(ordinary))
    assert council_key.demo_key(ordinary) is None  # a council's key beside a file is not used without its passphrase


def test_a_locked_key_stops_the_certificates_before_any_file(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.reading() as s:
        round_id = s.scalars(select(Round.id)).one()
    keys.forget_unlocked_keys()
    out = tmp_path / "out"
    with pytest.raises(UserFacingError) as info:
        render_round_documents(demo_db, actor=SYSTEM, round_id=round_id, out=out, kinds=("minutes", "certificates"))
    assert info.value.problems[0].code == "key.locked"
    assert not out.exists() or not any(out.iterdir())
