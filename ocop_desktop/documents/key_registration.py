"""The registration form of a council's signing key (phiếu đăng ký khóa xác thực): what the chair signs and stamps
and sends to the province by official dispatch, so that the province trusts the key because the paper says so, not
because a file arrived by the same road as the data it vouches for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ocop_desktop.documents.certificate import draw_qr
from ocop_desktop.documents.pdf import layout
from ocop_desktop.documents.pdf.fonts import register_fonts

TITLE = "PHIẾU ĐĂNG KÝ KHÓA XÁC THỰC CỦA HỘI ĐỒNG"


@dataclass(frozen=True)
class KeyRegistration:
    issuer: str  # the council or body that holds the key
    key_id: str  # XXXX-XXXX-XXXX-XXXX
    public_raw: bytes
    public_line: str  # what the QR code carries: the one-line public key file
    created: dt.date | None
    date: dt.date | None  # the day the key was made (the event the form records); None: left to fill by hand
    place: str = ""
    council_id: str = ""  # the council the key signs for (the province binds the key to it), when known
    council_name: str = ""


def hex_groups(raw: bytes) -> list[str]:
    """The public key as four lines of four groups of four hex digits: easy to read out and compare."""
    text = raw.hex().upper()
    groups = [text[i : i + 4] for i in range(0, len(text), 4)]
    return ["  ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]


class QrCode(Flowable):
    """A QR code as a flowable, drawn by the certificates' own encoder."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload, self.size = payload, size
        self.width = self.height = size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)


def _style(name: str, **changes: Any) -> ParagraphStyle:
    return ParagraphStyle(name, parent=layout.styles()["cell"], **changes)


def story(form: KeyRegistration) -> list[Flowable]:
    s = layout.styles()
    width = layout.content_width()
    family = register_fonts()
    mono = _style("mono", fontName=f"{family}-Bold", fontSize=12, leading=16)
    big = _style("big", fontName=f"{family}-Bold", fontSize=22, leading=28)
    place = form.place or "………………"
    heading = layout.Heading(form.issuer, None, None, place, form.date)
    created = form.created.strftime("%d/%m/%Y") if form.created else "…/…/……"
    holder = f"<b>{escape(form.issuer)}</b>"
    if form.council_id:  # what the province binds the key to: it signs for this council only
        holder += f"<br/>Khóa chỉ ký cho hội đồng: {escape(form.council_name)} (mã {escape(form.council_id)})"
    rows = [
        [Paragraph("Hội đồng / đơn vị giữ khóa", s["cell"]), Paragraph(holder, s["cell"])],
        [Paragraph("Mã khóa (đọc để đối chiếu)", s["cell"]), Paragraph(escape(form.key_id), big)],
        [
            Paragraph("Khóa công khai Ed25519 (32 byte, hệ 16)", s["cell"]),
            Paragraph("<br/>".join(hex_groups(form.public_raw)), mono),
        ],
        [Paragraph("Ngày tạo khóa", s["cell"]), Paragraph(created, s["cell"])],
        [
            Paragraph("Mục đích", s["cell"]),
            Paragraph(
                "Kiểm tra chữ ký trên mã QR của giấy chứng nhận OCOP và trên tệp trao đổi kết quả (.ocop) "
                "do hội đồng lập bằng phần mềm OCOP Desktop.",
                s["cell"],
            ),
        ],
    ]
    table = Table(rows, colWidths=[width * 0.34, width * 0.66])
    table.setStyle(
        layout.cell_style(
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
        )
    )
    qr_size = 36 * mm
    steps = [
        "Hội đồng gửi phiếu này (có chữ ký của Chủ tịch hội đồng và đóng dấu) bằng đường công văn, kèm tệp khóa "
        "công khai; không chỉ gửi qua thư điện tử hay USB cùng đường với dữ liệu.",
        "Cán bộ tỉnh gọi điện cho Chủ tịch hội đồng theo số điện thoại đã biết (không dùng số ghi trên tệp gửi kèm), "
        "nhờ đọc mã khóa và so với mã khóa in trên phiếu này.",
        "Trên OCOP Desktop của tỉnh: menu <b>Khóa ký → Khóa tin cậy → Thêm từ tệp…</b> (hoặc lệnh "
        "“ocop-desktop keys trust TỆP”); so mã khóa hiện trên màn hình với mã trên phiếu rồi mới xác nhận.",
        "Lưu phiếu vào hồ sơ. Khi hội đồng báo mất máy, lộ cụm mật khẩu hay đổi máy: thu hồi khóa từ ngày được báo "
        "(Khóa tin cậy → Thu hồi…, hoặc “ocop-desktop keys revoke”) và đăng ký khóa mới.",
    ]
    small = _style("small_center", fontSize=9, leading=11, alignment=1)
    instructions = [Paragraph("<b>Hướng dẫn đăng ký</b>", s["cell"])]
    instructions += [Paragraph(f"{i}. {text}", s["cell"]) for i, text in enumerate(steps, 1)]
    qr = Table(
        [
            [
                [
                    QrCode(form.public_line, qr_size),
                    Paragraph(
                        "Mã QR: dòng khóa công khai, để nhập thay cho gõ tay; điều quyết định là mã khóa đã đối chiếu.",
                        small,
                    ),
                ],
                instructions,
            ]
        ],
        colWidths=[qr_size + 4 * mm, width - qr_size - 4 * mm],
    )
    qr.setStyle(layout.cell_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)))
    receipt = [
        Paragraph("<b>PHẦN DÀNH CHO CƠ QUAN TIẾP NHẬN</b>", s["cell"]),
        Paragraph(
            "Ngày nhận: …/…/…… Đã đối chiếu mã khóa qua điện thoại với ông/bà ………………………… lúc …… giờ, ngày …/…/……",
            s["cell"],
        ),
        Paragraph("Người tiếp nhận (ký, ghi rõ họ tên)", s["cell"]),
        Spacer(1, 12 * mm),
    ]
    signer = [
        Paragraph("<b>CHỦ TỊCH HỘI ĐỒNG</b>", s["center"]),
        Paragraph("(Ký, ghi rõ họ tên và đóng dấu)", s["date"]),
        Spacer(1, 24 * mm),
    ]
    closing = Table([[receipt, signer]], colWidths=[width * 0.5, width * 0.5])
    closing.setStyle(layout.cell_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (0, 0), 0.5, colors.black)))
    return [
        layout.heading_table(heading, width),
        Paragraph(TITLE, s["title"]),
        Paragraph("(khóa công khai dùng để kiểm tra giấy chứng nhận và tệp kết quả OCOP)", s["date"]),
        Spacer(1, 2 * mm),
        Paragraph("Kính gửi: Cơ quan thường trực Chương trình OCOP cấp tỉnh", s["center"]),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 4 * mm),
        qr,
        Spacer(1, 4 * mm),
        KeepTogether([closing]),
    ]


def render_pdf(form: KeyRegistration, path: Path) -> Path:
    return layout.build(
        path,
        lambda: story(form),
        title="Phiếu đăng ký khóa xác thực",
        author=form.issuer,
        subject=f"Khóa {form.key_id}",
        running=f"Phiếu đăng ký khóa xác thực · {form.issuer} · mã khóa {form.key_id}",
    )
