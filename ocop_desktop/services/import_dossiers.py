"""Import a list of dossiers from Excel (the secretary's usual way to receive the communes' lists).

The workbook is untrusted (`services.xlsx_input`): it is refused whole when it is not a real .xlsx, too large or
carries formulas;
otherwise every cell is checked and every problem is reported with its sheet and cell before anything is
saved. Saving is one transaction after a backup: all rows or none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import coordinate_from_string
from sqlalchemy import select

from ocop_desktop.documents.dossier_template import CommuneLine, TemplateColumns, write_template
from ocop_desktop.domain import values
from ocop_desktop.domain.admin_units import load_units_2025
from ocop_desktop.domain.enums import Gender, LegalForm, RegistrationType
from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.domain.text import fold
from ocop_desktop.models import Producer, Round
from ocop_desktop.paths import admin_units_dir
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.common import get_or_fail
from ocop_desktop.services.eligibility import refuse_if_decided
from ocop_desktop.services.permissions import Permission, require
from ocop_desktop.services.registry import add_dossier, add_producer, add_product, producer_problems, sheet_exists
from ocop_desktop.services.xlsx_input import MAX_BYTES, cell_text, formula_problem, open_untrusted, read_cells

MAX_ROWS = 5000
COLUMNS = (
    ("agenda_order", "STT"),
    ("producer", "Tên chủ thể"),
    ("legal_form", "Loại hình chủ thể"),
    ("representative_name", "Người đại diện"),
    ("representative_gender", "Giới tính người đại diện"),
    ("phone", "Điện thoại"),
    ("email", "Thư điện tử"),
    ("province_code", "Mã tỉnh"),
    ("commune_code", "Mã xã"),
    ("street_address", "Địa chỉ (thôn, xóm, số nhà)"),
    ("product", "Tên sản phẩm"),
    ("sheet", "Phiếu (số 1–26)"),
    ("registration_type", "Lần đăng ký"),
    ("submission_date", "Ngày nộp hồ sơ (dd/mm/yyyy)"),
    ("code", "Mã số sản phẩm (nếu đã có)"),
)
LEGAL_FORMS = {
    "hop tac xa": LegalForm.COOPERATIVE,
    "htx": LegalForm.COOPERATIVE,
    "to hop tac": LegalForm.COOPERATIVE_GROUP,
    "doanh nghiep": LegalForm.SME,
    "cong ty": LegalForm.SME,
    "trang trai": LegalForm.FARM,
    "ho san xuat": LegalForm.HOUSEHOLD,
    "ho kinh doanh": LegalForm.HOUSEHOLD,
    "ho gia dinh": LegalForm.HOUSEHOLD,
    "hiep hoi": LegalForm.ASSOCIATION,
    "hoi": LegalForm.ASSOCIATION,
}
REGISTRATION = {
    "lan dau": RegistrationType.FIRST,
    "nang hang": RegistrationType.UPGRADE,
    "danh gia lai": RegistrationType.RE_EVALUATION,
}
GENDERS = {"nu": Gender.FEMALE, "nam": Gender.MALE, "khac": Gender.OTHER}


@dataclass(frozen=True)
class ImportRow:
    """One checked row, ready to save."""

    row: int
    agenda_order: int  # the STT column (the row's place when blank): orders the rows, not their numbers
    producer: str
    legal_form: LegalForm
    producer_fields: dict[str, Any]
    product: str
    sheet_id: str
    registration_type: RegistrationType
    submission_date: dt.date
    code: str | None


@dataclass(frozen=True)
class ImportPreview:
    file: str
    sheet: str
    rows: tuple[ImportRow, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = cell_text(value)
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def lost_leading_zero(phone: str) -> bool:
    """A phone number of 9 or 10 digits not starting with 0: what Excel leaves of 0912345678 (or of a landline
    02083855555) typed in a column of the General format, which takes it for a number."""
    return phone.isascii() and phone.isdigit() and len(phone) in {9, 10} and not phone.startswith("0")


def read_workbook(path: Path, *, rule_version_id: str = "QD26-2026") -> ImportPreview:
    """Read and check the first sheet; nothing is saved. A damaged workbook raises ValidationFailed naming the part
    that cannot be read."""
    origin = (("file", path.name),)
    with open_untrusted(path, MAX_BYTES) as (workbook, refused):
        if workbook is None:
            return ImportPreview(path.name, "", (), (refused,) if refused is not None else ())
        cells = read_cells(workbook, 0, MAX_ROWS + 1, len(COLUMNS))
    title = cells.title
    problems = [formula_problem(origin, title, coordinate) for coordinate in cells.formulas]
    if cells.too_many_rows:
        problems.append(Problem("excel.too_many_rows", {"max": MAX_ROWS}, (*origin, ("sheet", title))))
    with_formula = {coordinate_from_string(coordinate)[1] for coordinate in cells.formulas}
    rows: list[ImportRow] = []
    for index in range(2, max((r for r, _c in cells.values), default=1) + 1):
        row_values = {key: cells.values.get((index, column)) for column, (key, _h) in enumerate(COLUMNS, start=1)}
        if index in with_formula or all(cell_text(v) == "" for v in row_values.values()):
            continue
        row, row_problems = _check_row(index, row_values, title, origin, rule_version_id)
        problems.extend(row_problems)
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        problems.append(Problem("excel.empty", {}, (*origin, ("sheet", title))))
    return ImportPreview(path.name, title, tuple(rows), tuple(problems))


def _check_row(
    index: int, raw: dict[str, Any], sheet: str, origin: tuple[tuple[str, str], ...], rule_version_id: str
) -> tuple[ImportRow | None, list[Problem]]:
    letters = {key: chr(ord("A") + i) for i, (key, _h) in enumerate(COLUMNS)}

    def where(key: str) -> tuple[tuple[str, str], ...]:
        return (*origin, ("sheet", sheet), ("cell", f"{letters[key]}{index}"))

    problems = []
    text = {key: cell_text(value) for key, value in raw.items()}
    for required in ("producer", "legal_form", "product", "sheet", "registration_type", "submission_date"):
        if not text[required]:
            problems.append(Problem("excel.missing", {"column": dict(COLUMNS)[required]}, where(required)))
    legal_form = LEGAL_FORMS.get(fold(text["legal_form"]))
    if text["legal_form"] and legal_form is None:
        problems.append(Problem("excel.bad_legal_form", {"value": text["legal_form"]}, where("legal_form")))
    registration = REGISTRATION.get(fold(text["registration_type"]))
    if text["registration_type"] and registration is None:
        problems.append(
            Problem("excel.bad_registration", {"value": text["registration_type"]}, where("registration_type"))
        )
    sheet_id = text["sheet"]
    if not values.SHEET_NUMBER.problems(sheet_id, "sheet"):
        sheet_id = f"{rule_version_id}-{values.parse_int(sheet_id, 'sheet'):02d}"
    if text["sheet"] and not sheet_exists(rule_version_id, sheet_id):
        problems.append(Problem("excel.bad_sheet", {"value": text["sheet"]}, where("sheet")))
    submitted = _date(raw["submission_date"])
    if text["submission_date"] and submitted is None:
        problems.append(Problem("excel.bad_date", {"value": text["submission_date"]}, where("submission_date")))
    gender = GENDERS.get(fold(text["representative_gender"])) if text["representative_gender"] else None
    if text["representative_gender"] and gender is None:
        problems.append(
            Problem("excel.bad_gender", {"value": text["representative_gender"]}, where("representative_gender"))
        )
    order = text["agenda_order"]
    problems += [
        Problem(p.code, p.params, where("agenda_order"))
        for p in (values.AGENDA_ORDER.problems(order, "agenda_order") if order else [])
    ]
    for key in ("product", "code"):  # the producer's fields are checked with the producer below
        problems += [Problem(p.code, p.params, where(key)) for p in values.LINE.problems(text[key], key)]
    phone = text["phone"] or None
    if phone is not None and lost_leading_zero(phone):
        problems.append(Problem("excel.phone_lost_zero", {"value": phone}, where("phone")))
        phone = None  # said once, as what happened, not again as a malformed number
    fields = {
        "representative_name": text["representative_name"] or None,
        "representative_gender": gender,
        "phone": phone,
        "email": text["email"] or None,
        "province_code": text["province_code"].zfill(2) if text["province_code"] else None,
        "commune_code": text["commune_code"].zfill(5) if text["commune_code"] else None,
        "street_address": text["street_address"] or None,
    }
    for problem in producer_problems(text["producer"] or "?", fields):
        field = dict(problem.location).get("field", "producer")
        problems.append(Problem(problem.code, problem.params, where(field if field in letters else "producer")))
    if problems or legal_form is None or registration is None or submitted is None:
        return None, problems
    return (
        ImportRow(
            row=index,
            agenda_order=values.parse_int(order, "agenda_order") if order else index - 1,
            producer=text["producer"],
            legal_form=legal_form,
            producer_fields={k: v for k, v in fields.items() if v is not None},
            product=text["product"],
            sheet_id=sheet_id,
            registration_type=registration,
            submission_date=submitted,
            code=text["code"] or None,
        ),
        [],
    )


@dataclass(frozen=True)
class ImportResult:
    dossiers: int
    producers_created: int
    producers_reused: int
    backup: str
    agenda: tuple[int, int]  # the first and last number the dossiers took on the agenda


def import_dossiers(db: Database, *, actor: Actor, round_id: str, preview: ImportPreview) -> ImportResult:
    """Save a checked preview: one transaction after a backup. A producer already in the file (same name and
    commune) is reused, not duplicated. The dossiers take the agenda numbers after those the round has, in the
    order of the list's STT column: a list numbered 1–4 added to a round holding dossier 1 becomes 2–5."""
    require(actor, Permission.EDIT_REGISTRY)
    if not preview.ok:
        raise ValidationFailed(list(preview.problems) or [Problem("excel.empty", {})])
    with db.reading() as s:
        refuse_if_decided(s, get_or_fail(s, Round, round_id, "round"))  # before the backup: nothing is done
    saved = db.backup("truoc-nhap-excel")
    created = reused = 0
    with db.transaction() as s:
        rnd = get_or_fail(s, Round, round_id, "round")
        known = {(p.name_fold, p.commune_code): p for p in s.scalars(select(Producer))}
        numbers = []
        for row in sorted(preview.rows, key=lambda r: (r.agenda_order, r.row)):
            key = (fold(row.producer), row.producer_fields.get("commune_code"))
            producer = known.get(key)
            if producer is None:
                producer = add_producer(s, actor, row.producer, row.legal_form, dict(row.producer_fields))
                known[key] = producer
                created += 1
            else:
                reused += 1
            try:
                product = add_product(
                    s,
                    actor,
                    producer,
                    name=row.product,
                    sheet_id=row.sheet_id,
                    rule_version_id=rnd.rule_version_id,
                    year=row.submission_date.year,
                    code=row.code,
                )
                dossier = add_dossier(
                    s,
                    actor,
                    rnd,
                    product,
                    registration_type=row.registration_type,
                    submission_date=row.submission_date,
                )
                numbers.append(dossier.agenda_order)
            except ValidationFailed as exc:
                raise ValidationFailed(
                    [
                        p.at(("file", preview.file), ("sheet", preview.sheet), ("row", str(row.row)))
                        for p in exc.problems
                    ]
                ) from exc
    return ImportResult(len(preview.rows), created, reused, str(saved), (min(numbers), max(numbers)))


def write_dossier_template(path: Path, province_code: str | None = None) -> Path:
    """The Excel template the importer reads: an empty list, an example on a sheet of its own, and the communes of
    the province `province_code` (every commune of the country without one) to look codes up in."""
    letters = {key: column for column, (key, _h) in enumerate(COLUMNS, start=1)}
    columns = TemplateColumns(
        text=tuple(letters[k] for k in ("phone", "province_code", "commune_code", "code")),
        date=letters["submission_date"],
        legal_form=letters["legal_form"],
        gender=letters["representative_gender"],
        registration=letters["registration_type"],
        commune=letters["commune_code"],
        widths=(5, 26, 13, 20, 10, 13, 18, 7, 9, 20, 24, 8, 12, 14, 14),
    )
    sample = (1, "Hợp tác xã Chè Tân Cương", "Hợp tác xã", "Nguyễn Thị Hòa", "Nữ", "0912345678", "", "19", "05503",
              "Xóm 6", "Chè búp Tân Cương", 11, "Lần đầu", dt.date(2026, 8, 10), "")  # fmt: skip
    units = load_units_2025(admin_units_dir())
    provinces = [p for p in units if p.code == province_code] if province_code else list(units)
    if not provinces:
        where = (("field", "province_code"),)
        raise ValidationFailed([Problem("registry.unknown_province", {"code": province_code}, where)])
    communes = [CommuneLine(c.code, c.name, p.name) for p in provinces for c in p.communes]
    return write_template(path, [header for _key, header in COLUMNS], columns, sample, communes)
