"""Every workbook the app writes, as LibreOffice Calc prints it: a demo round is built, its workbooks (results
summary, decision annex, certificate register, each member's Excel ballots), the province list and the dossier
template are converted to PDF by `soffice --headless --convert-to pdf` and each page is rendered to PNG by pdftoppm.
The page count of each workbook is printed, so a sheet that prints on 192 pages is seen at once.

Not used by the test suite (LibreOffice is no dependency of the app or its tests). Needs soffice and pdftoppm
(Debian: libreoffice-calc, poppler-utils).

    .venv/bin/python tools/workbook_pictures.py OUT_DIR [--from DEMO_OUT_DIR] [--dpi 50] [--docs docs/documents]

With --docs the first page of the results summary, the province list, a member's ballot workbook (its first
product sheet) and the dossier template (its example sheet) are copied there as *-xlsx.png.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / ".venv" / "bin" / "ocop-desktop"
# picture in docs/documents/ ← (workbook, page of its PDF)
DOC_PICTURES = {
    "bang-tong-hop-ket-qua-xlsx.png": ("bang-tong-hop-ket-qua", 1),
    "danh-sach-san-pham-toan-tinh-xlsx.png": ("danh-sach-san-pham-toan-tinh", 1),
    "phieu-excel-xlsx.png": ("phieu-excel-nguyen-van-thanh", 2),
    "mau-danh-sach-ho-so-xlsx.png": ("mau-danh-sach-ho-so", 2),  # the example sheet
}


def run(*command: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


def demo_workbooks(folder: Path) -> list[Path]:
    """Build the demo round into `folder` and write the two workbooks it does not make (province list, template)."""
    db = folder / "demo.ocopdb"
    run(CLI, "demo", "--db", db, "--out", folder)
    run(CLI, "province", "export", "--db", db, "--out", folder / "danh-sach-san-pham-toan-tinh.xlsx")
    run(CLI, "dossiers", "template", "--province", "19", folder / "mau-danh-sach-ho-so.xlsx")
    return sorted(folder.rglob("*.xlsx"))


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.MULTILINE)
    return int(match.group(1)) if match else 0


def font_config(folder: Path) -> dict[str, str]:
    """An environment in which "Times New Roman" is the bundled Liberation Serif (same metrics), as on a computer
    with Times New Roman: the system's fontconfig plus resources/fonts."""
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{ROOT / 'resources' / 'fonts'}</dir>\n"
        '  <alias binding="same"><family>Times New Roman</family><accept><family>Liberation Serif</family></accept>'
        "</alias>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def picture(workbook: Path, out: Path, dpi: int, profile: Path, env: dict[str, str]) -> tuple[str, int]:
    """The workbook's PDF as LibreOffice prints it and one PNG per page, named after the workbook."""
    name = f"{workbook.parent.name}-{workbook.stem}" if workbook.parent.name == "phieu-excel" else workbook.stem
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
             "--outdir", tmp, str(workbook)],
            check=True, capture_output=True, env=env,
        )  # fmt: skip
        pdf = out / f"{name}.pdf"
        shutil.move(Path(tmp) / f"{workbook.stem}.pdf", pdf)
    run("pdftoppm", "-r", str(dpi), "-png", pdf, out / name)
    return name, page_count(pdf)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder for the PDFs and pictures")
    parser.add_argument("--from", dest="source", type=Path, help="a folder of workbooks already written")
    parser.add_argument("--dpi", type=int, default=50)
    parser.add_argument("--docs", type=Path, help="copy a first page of the main workbooks here")
    args = parser.parse_args(argv)
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        print("needs soffice (libreoffice-calc) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workbooks = sorted(args.source.rglob("*.xlsx")) if args.source else demo_workbooks(Path(tmp) / "demo")
        profile, env = Path(tmp) / "lo-profile", font_config(Path(tmp))
        pages = dict(picture(book, args.out, args.dpi, profile, env) for book in workbooks)
    for name, count in pages.items():
        print(f"{count:4d} trang  {name}")
    if args.docs:
        for target, (name, page) in DOC_PICTURES.items():
            shots = sorted(args.out.glob(f"{name}-*.png"))
            if len(shots) >= page:
                shutil.copyfile(shots[page - 1], args.docs / target)
                print(f"{args.docs / target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
