"""Which files a dossier may carry, recognised from their content, never from their name alone: the one check both
attaching a file (services.registry) and importing an exchange file (services.exchange_import) apply.

Accepted: PDF, JPEG, PNG and WebP pictures, Word (.docx) and Excel (.xlsx) documents — what attaching has always
taken — each with a matching extension. An executable (a Windows program, an ELF or Mach-O binary, a script) is
refused whatever it is called, and so is a name hiding one extension behind another (`Phieu-dang-ky.pdf.exe`)."""

from __future__ import annotations

import zipfile
from io import BytesIO

from ocop_desktop.domain.errors import Problem

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# media type → the extensions a file of that type may have
ACCEPTED: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/webp": (".webp",),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
}
# the first bytes of programs and scripts
EXECUTABLE_MAGIC = (
    b"MZ",  # Windows (PE, DOS)
    b"\x7fELF",  # Linux
    b"#!",  # a script
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",  # Mach-O
    b"\xca\xfe\xba\xbe",  # Mach-O universal, Java class
)  # fmt: skip
# extensions that run something when opened, anywhere in a name
EXECUTABLE_EXTENSIONS = frozenset(
    {
        ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".msp", ".dll", ".cpl", ".js", ".jse", ".vbs",
        ".vbe", ".wsf", ".wsh", ".ps1", ".psm1", ".hta", ".lnk", ".jar", ".sh", ".app", ".reg", ".apk", ".run",
        ".bin", ".elf", ".py", ".pl", ".docm", ".xlsm", ".pptm",
    }
)  # fmt: skip


def media_type(content: bytes) -> str | None:
    """The file's type from its first bytes; None for anything not accepted."""
    if content.startswith(b"%PDF-"):
        return "application/pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(content)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def _suffixes(filename: str) -> list[str]:
    """Every dotted part after the first, lower-cased: "Phieu-dang-ky.pdf.exe" → [".pdf", ".exe"]."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip().rstrip(". ")
    parts = name.split(".")
    return [f".{p.strip().lower()}" for p in parts[1:]] if len(parts) > 1 else []


def attachment_problem(filename: str, content: bytes) -> tuple[str | None, Problem | None]:
    """The accepted media type of a file named `filename` holding `content`, or the problem with it (its `name`
    said): an executable, a hidden second extension, a type not accepted, or a name whose extension is not the
    content's. The problem carries no location: the caller adds the dossier and the attachment."""
    suffixes = _suffixes(filename)
    if content.startswith(EXECUTABLE_MAGIC) or (suffixes and suffixes[-1] in EXECUTABLE_EXTENSIONS):
        return None, Problem("attachment.executable", {"name": filename})
    hidden = [s for s in suffixes[:-1] if s in EXECUTABLE_EXTENSIONS or any(s in e for e in ACCEPTED.values())]
    if hidden:
        return None, Problem("attachment.double_extension", {"name": filename, "extension": hidden[-1]})
    found = media_type(content)
    if found is None:
        return None, Problem("registry.attachment_type", {"name": filename})
    expected = ACCEPTED[found]
    if not suffixes or suffixes[-1] not in expected:
        return None, Problem(
            "attachment.extension_mismatch", {"name": filename, "media_type": found, "expected": " / ".join(expected)}
        )
    return found, None
