"""500 certificates into one PDF with signed QR codes (issue 5), against a bare ReportLab script drawing the same page
(same fonts, texts, stars and QR code, positions written out by hand) in the same run.

    .venv/bin/python benchmarks/bench_certificates.py [--count 500] [--repeat 3]

Prints pages per second of each, their ratio (target: ours ≥ 0.7 × bare), the time to sign the payloads, the file
size and the peak memory. Each timing is the best of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import zxingcpp
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocop_desktop.documents import certificate
from ocop_desktop.documents.pdf.fonts import register_fonts
from ocop_desktop.persistence.keys import create_key
from ocop_desktop.services.certificate_seal import sign_payload

FIELDS = {
    **certificate.standard_fields(),
    "issuing_body": "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
    "product": "Chè búp Tân Cương đặc biệt",
    "producer": "Hợp tác xã Chè Tân Cương",
    "address": "Xóm 6, Xã Tân Cương, Tỉnh Thái Nguyên",
    "product_code": "19-05503-1-2026",
    "stars": "4",
    "decision_number": "2150/QĐ-UBND",
    "decision_date": "02/11/2026",
    "decision_body": "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
    "certificate_number": "0001/2026/GCN-OCOP",
    "issue_date": "02/11/2026",
    "expiry_date": "02/11/2029",
    "place_date": "Thái Nguyên, ngày 02 tháng 11 năm 2026",
    "signer_title": "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
    "signer": "Nguyễn Văn Thành",
    "key_id": "0000-0000-0000-0000",
}


def pages(count: int, folder: Path) -> tuple[list[certificate.CertificatePage], float]:
    key = create_key("khóa thử đo thời gian", folder)  # a throw-away key of its own
    start = time.perf_counter()
    result = []
    for n in range(1, count + 1):
        number = f"{n:04d}/2026/GCN-OCOP"
        payload = sign_payload(
            {"so": number, "ma_sp": FIELDS["product_code"], "san_pham": FIELDS["product"],
             "chu_the": FIELDS["producer"], "sao": 4, "qd": "2150/QĐ-UBND ngày 02/11/2026",
             "ngay_cap": "2026-11-02", "het_han": "2029-11-02"},
            key,
        )  # fmt: skip
        result.append(certificate.CertificatePage({**FIELDS, "certificate_number": number}, 4, payload))
    return result, time.perf_counter() - start


def bare(items: list[certificate.CertificatePage], path: Path) -> None:
    """The same page drawn with plain canvas calls: no template, no checks."""
    family = register_fonts()
    width, height = landscape(A4)
    canvas = Canvas(str(path), pagesize=(width, height))
    red = colors.HexColor("#8b1a1a")
    for item in items:
        f = item.fields
        canvas.setStrokeColor(red)
        canvas.setLineWidth(3)
        canvas.rect(8 * mm, 8 * mm, width - 16 * mm, height - 16 * mm)
        canvas.setLineWidth(0.8)
        canvas.rect(11 * mm, 11 * mm, width - 22 * mm, height - 22 * mm)
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(colors.black)
        canvas.setFont(f"{family}-Bold", 13)
        canvas.drawCentredString(72 * mm, height - 26 * mm, f["issuing_body"])
        canvas.drawCentredString(205 * mm, height - 26 * mm, f["national_title"])
        canvas.drawCentredString(205 * mm, height - 32 * mm, f["motto"])
        canvas.setLineWidth(0.6)
        canvas.line(57 * mm, height - 28.5 * mm, 87 * mm, height - 28.5 * mm)
        canvas.line(181 * mm, height - 34 * mm, 229 * mm, height - 34 * mm)
        canvas.setFillColor(red)
        canvas.setFont(f"{family}-Bold", 34)
        canvas.drawCentredString(148.5 * mm, height - 58 * mm, "GIẤY CHỨNG NHẬN")
        canvas.setFillColor(colors.black)
        canvas.setFont(f"{family}-Bold", 15)
        canvas.drawCentredString(148.5 * mm, height - 68 * mm, "SẢN PHẨM OCOP — CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM")
        canvas.setFillColor(colors.HexColor("#0b3d91"))
        canvas.setFont(f"{family}-Bold", 24)
        canvas.drawCentredString(148.5 * mm, height - 84 * mm, f["product"])
        canvas.setFillColor(colors.black)
        canvas.setFont(family, 13)
        canvas.drawCentredString(148.5 * mm, height - 93 * mm, f"Mã số sản phẩm: {f['product_code']}")
        canvas.setFont(f"{family}-Bold", 14)
        canvas.drawCentredString(148.5 * mm, height - 101 * mm, f"Chủ thể: {f['producer']}")
        canvas.setFont(family, 13)
        canvas.drawCentredString(148.5 * mm, height - 108 * mm, f"Địa chỉ: {f['address']}")
        canvas.setFillColor(colors.HexColor("#e3a008"))
        canvas.setStrokeColor(colors.HexColor("#8b5a00"))
        size, gap = 15 * mm, 4 * mm
        left = 148.5 * mm - (item.stars * size + (item.stars - 1) * gap) / 2
        for n in range(item.stars):
            path = certificate.star_path(canvas, left + n * (size + gap) + size / 2, height - 123 * mm, size / 2)
            canvas.drawPath(path, fill=1, stroke=1)
        canvas.setFillColor(red)
        canvas.setFont(f"{family}-Bold", 17)
        canvas.drawCentredString(148.5 * mm, height - 137 * mm, f"ĐẠT HẠNG {f['stars']} SAO")
        canvas.setFillColor(colors.black)
        canvas.setFont(f"{family}-Italic", 12)
        decision = f"Theo Quyết định số {f['decision_number']} ngày {f['decision_date']}"
        canvas.drawCentredString(148.5 * mm, height - 145 * mm, decision)
        symbol = memoryview(
            zxingcpp.create_barcode(item.payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
                scale=1, add_quiet_zones=False
            )
        )
        count = symbol.shape[0]
        qr, x, y = 32 * mm, 22 * mm, height - 184 * mm
        module = qr / (count + 8)
        canvas.setFillColor(colors.white)
        canvas.rect(x, y, qr, qr, stroke=0, fill=1)
        path = canvas.beginPath()
        for row in range(count):
            start = None
            for col in range(count + 1):
                dark = col < count and not symbol[row, col]
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    path.rect(x + (start + 4) * module, y + qr - (row + 5) * module, (col - start) * module, module)
                    start = None
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFont(family, 12)
        canvas.drawString(58 * mm, height - 164 * mm, f"Số: {f['certificate_number']}")
        canvas.drawString(58 * mm, height - 170 * mm, f"Ngày cấp: {f['issue_date']}")
        canvas.setFont(f"{family}-Bold", 12)
        canvas.drawString(58 * mm, height - 176 * mm, f"Có giá trị đến: {f['expiry_date']}")
        canvas.setFont(family, 8)
        canvas.drawString(58 * mm, height - 183 * mm, f"Quét mã QR để kiểm tra · khóa {f['key_id']}")
        canvas.setFont(f"{family}-Italic", 13)
        canvas.drawCentredString(215 * mm, height - 158 * mm, f["place_date"])
        canvas.setFont(f"{family}-Bold", 13)
        canvas.drawCentredString(215 * mm, height - 165 * mm, f["signer_title"])
        canvas.drawCentredString(215 * mm, height - 193 * mm, f["signer"])
        canvas.showPage()
    canvas.save()


def best(repeat: int, work: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        items, sign_s = pages(args.count, folder / "key")
        template = certificate.load_template(None)
        ours = best(args.repeat, lambda: certificate.render_pdf(items, folder / "ours.pdf", template))
        raw = best(args.repeat, lambda: bare(items, folder / "bare.pdf"))
        size = (folder / "ours.pdf").stat().st_size / 2**20
        bare_size = (folder / "bare.pdf").stat().st_size / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.count} certificates, signing the payloads: {sign_s:.2f} s ({args.count / sign_s:.0f} per second)")
    print(f"OCOP Desktop (template): {ours:.2f} s, {args.count / ours:.0f} pages/s, {size:.1f} MiB")
    print(f"bare ReportLab, same page: {raw:.2f} s, {args.count / raw:.0f} pages/s, {bare_size:.1f} MiB")
    print(f"ratio (ours / bare pages per second): {raw / ours:.2f} (target ≥ 0.7); peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
