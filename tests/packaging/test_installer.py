"""The installer: build the one-folder bundle from build_installer.spec once, then use the built program as a person
would, with no Python and no checkout behind it — the demo round's documents, the window, a certificate's QR code
read back and verified, an old data file upgraded — and check that every data folder the app reads is inside."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import struct
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tools.frozen_main import arguments, restore_child_environment

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"
WINDOWS = sys.platform == "win32"
PROGRAM = "ocop-desktop.exe" if WINDOWS else "ocop-desktop"
SCRIPT = Path(sys.executable).parent / "ocop-desktop"
SOURCE_COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ocop_desktop"]
VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ")
slow = pytest.mark.slow


@dataclass(frozen=True)
class Bundle:
    folder: Path  # dist/OCOP-Desktop
    program: Path
    internal: Path  # sys._MEIPASS of the frozen program
    reference: Path  # the folder the demo wrote when run from the checkout, for comparison


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def frozen_env(data: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "OCOP_DESKTOP_DATA": str(data), "QT_QPA_PLATFORM": "offscreen", **extra}


def run(bundle: Bundle, *args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [str(bundle.program), *args], capture_output=True, text=True, timeout=timeout, check=False, env=env
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """Built once for the module. The demo from the checkout runs meanwhile on the other core, as the reference."""
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed: .venv/bin/pip install -e '.[dev]' (or bash tools/bootstrap.sh test)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("installer")
    reference = work / "reference"
    demo = subprocess.Popen(
        [*SOURCE_COMMAND, "demo", "--db", str(reference / "demo.ocopdb"), "--out", str(reference / "out")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "OCOP_DESKTOP_DATA": str(work / "reference-data")},
    )
    paths = ("--distpath", str(work / "dist"), "--workpath", str(work / "build"))
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", *paths, str(SPEC)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    _out, demo_err = demo.communicate(timeout=300)
    assert build.returncode == 0, f"PyInstaller failed:\n{build.stderr[-4000:]}"
    assert demo.returncode == 0, demo_err
    folder = work / "dist" / "OCOP-Desktop"
    return Bundle(folder, folder / PROGRAM, folder / "_internal", reference / "out")


@pytest.fixture(scope="module")
def frozen_demo(bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo round built and printed by the frozen program: the folder holding demo.ocopdb and out/."""
    folder = tmp_path_factory.mktemp("frozen-demo")
    proc = run(
        bundle,
        *("demo", "--db", str(folder / "demo.ocopdb"), "--out", str(folder / "out")),
        env=frozen_env(folder / "data"),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return folder


def pdf_checked(pdf: Path) -> int:
    """A PDF that opens, whose every font is an embedded Liberation Serif and whose first page has Vietnamese letters
    (the standard fonts would drop them silently). Returns its page count."""
    reader = PdfReader(pdf, strict=True)
    fonts: set[tuple[str, bool]] = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            obj = font.get_object()
            fonts.add((str(obj["/BaseFont"]).split("+")[-1], "/FontFile2" in obj.get("/FontDescriptor", {})))
    assert fonts and all(name.startswith("LiberationSerif") and embedded for name, embedded in fonts), (pdf, fonts)
    assert VIETNAMESE & set(reader.pages[0].extract_text()), pdf
    return len(reader.pages)


@slow
def test_the_frozen_demo_writes_the_same_documents_as_the_checkout(bundle: Bundle, frozen_demo: Path) -> None:
    out = frozen_demo / "out"
    assert files_under(out) == files_under(bundle.reference)
    names = files_under(out)
    for kind in ("phieu-danh-gia", "bien-ban-hop-hoi-dong", "bang-tong-hop-ket-qua", "phu-luc-danh-sach-san-pham"):
        assert f"{kind}.pdf" in names
    assert {"giay-chung-nhan.pdf", "giay-chung-nhan.xlsx", "phieu-gop-y.pdf"} <= names
    assert any(name.startswith("phieu-excel/") and name.endswith(".xlsx") for name in names)  # the members' ballots
    for name in sorted(names):
        if name.endswith(".pdf"):
            assert pdf_checked(out / name) == len(PdfReader(bundle.reference / name).pages), name
        elif name.endswith(".xlsx"):
            assert load_workbook(out / name).sheetnames == load_workbook(bundle.reference / name).sheetnames, name


@slow
def test_the_frozen_window_saves_a_screenshot(bundle: Bundle, frozen_demo: Path, tmp_path: Path) -> None:
    png = tmp_path / "results.png"
    args = ("gui", "--db", str(frozen_demo / "demo.ocopdb"), "--view", "results", "--screenshot", str(png))
    proc = run(bundle, *args, env=frozen_env(tmp_path / "data"))
    assert proc.returncode == 0, proc.stderr
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    assert width >= 800 and height >= 500, (width, height)
    assert png.stat().st_size > 30_000  # a painted window with text, not an empty frame


@slow
def test_the_frozen_program_verifies_a_certificate_it_printed(
    bundle: Bundle, frozen_demo: Path, tmp_path: Path
) -> None:
    """Reads the QR codes back (PDFium, zxing-cpp) and checks their Ed25519 signatures (cryptography) against a key
    trusted through the same program (the demo key's passphrase file is Argon2id-protected)."""
    data = tmp_path / "data"
    key = tmp_path / "demo-key.json"
    proc = run(bundle, "keys", "export", "--out", str(key), env=frozen_env(frozen_demo / "demo.khoa-mau"))
    assert proc.returncode == 0, proc.stderr
    proc = run(bundle, "keys", "trust", str(key), "--yes", env=frozen_env(data))
    assert proc.returncode == 0, proc.stderr
    pdf = frozen_demo / "out" / "giay-chung-nhan.pdf"
    proc = run(bundle, "verify-certificate", "--pdf", str(pdf), "--lang", "en", env=frozen_env(data))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with closing(sqlite3.connect(frozen_demo / "demo.ocopdb")) as con:
        (issued,) = con.execute("SELECT count(*) FROM certificates").fetchone()
    assert issued > 0 and proc.stdout.count("VALID: issued by Hội đồng mẫu") == issued  # every one of them
    proc = run(bundle, "verify-certificate", "--pdf", str(pdf), "--lang", "en", env=frozen_env(tmp_path / "other"))
    assert proc.returncode == 1 and "UNKNOWN ISSUER" in proc.stdout


@slow
def test_the_frozen_program_upgrades_an_old_data_file(bundle: Bundle, tmp_path: Path) -> None:
    """Alembic's migration scripts are read from disk inside the bundle."""
    old = tmp_path / "old.ocopdb"
    old.write_bytes((ROOT / "tests" / "fixtures" / "schema-0001.ocopdb").read_bytes())
    proc = run(bundle, "province", "show", "--db", str(old), env=frozen_env(tmp_path / "data"))
    assert proc.returncode == 0, proc.stderr
    proc = run(bundle, "db", "verify", str(old), env=frozen_env(tmp_path / "data"))
    assert proc.returncode == 0 and "Hợp lệ" in proc.stdout, proc.stdout + proc.stderr


@slow
def test_the_bundle_holds_every_data_folder(bundle: Bundle) -> None:
    """install_root() is sys._MEIPASS (the _internal folder) in the frozen program."""
    inside = bundle.internal
    source_resources = {name for name in files_under(ROOT / "resources") if not name.endswith(".ts")}
    assert "i18n/ocop_en.qm" in source_resources
    assert files_under(inside / "resources") == source_resources
    for folder in ("docs/screenshots", "docs/manual", "ocop_desktop/persistence/migrations"):
        assert files_under(inside / folder) == files_under(ROOT / folder), folder  # docs/manual may not exist yet
    assert files_under(inside / "docs/screenshots")
    assert any(p.name.startswith(("libpdfium", "pdfium")) for p in (inside / "pypdfium2_raw").iterdir())
    for name in ("LICENSE", "THIRD-PARTY-NOTICES.md"):  # the program's licence and the bundled components'
        assert (inside / name).read_bytes() == (ROOT / name).read_bytes(), name
    plugins = {p.name for p in inside.rglob("*") if p.parent.name == "platforms"}
    assert any("qoffscreen" in name for name in plugins)
    assert any("qwindows" in name for name in plugins) if WINDOWS else any("qxcb" in name for name in plugins)
    assert not any(p.parent.name == "translations" and p.suffix == ".qm" for p in inside.rglob("*"))  # trimmed


@slow
def test_the_frozen_program_without_arguments_in_a_terminal_prints_its_usage(bundle: Bundle, tmp_path: Path) -> None:
    env = {k: v for k, v in frozen_env(tmp_path / "data").items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = run(bundle, env=env)
    assert proc.returncode == 2 and "usage: ocop-desktop" in proc.stderr
    proc = run(bundle, "--version", env=env)
    assert proc.returncode == 0 and proc.stdout.startswith("OCOP Desktop ")


def test_no_arguments_opens_the_window_on_a_desktop_only() -> None:
    assert arguments([], {}, "win32") == ["gui"]
    assert arguments([], {"DISPLAY": ":0"}, "linux") == ["gui"]
    assert arguments([], {}, "linux") == []
    assert arguments(["demo"], {"DISPLAY": ":0"}, "linux") == ["demo"]


def test_programs_the_app_starts_get_the_library_path_the_person_had() -> None:
    environ = {"LD_LIBRARY_PATH": "/opt/app/_internal:/usr/local/lib", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib"}
    restore_child_environment(environ)
    assert environ == {"LD_LIBRARY_PATH": "/usr/local/lib"}
    environ = {"LD_LIBRARY_PATH": "/opt/app/_internal", "PATH": "/usr/bin"}
    restore_child_environment(environ)
    assert environ == {"PATH": "/usr/bin"}
