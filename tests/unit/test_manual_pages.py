"""The user manual (docs/manual) never goes stale: every picture it shows exists and is made by the screenshot
scripts, every link between chapters leads to a page, both languages have the same chapters with the same pictures,
the menus and buttons it names in bold are the interface's own words, and the Markdown stays within what Qt's
QTextDocument renders (no HTML, no footnotes, no heading anchors)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from defusedxml import ElementTree

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "docs" / "manual"
SHOTS = ROOT / "docs" / "screenshots"
TOOLS = ROOT / "tools"
TS = ROOT / "resources" / "i18n" / "ocop_en.ts"
LANGS = ("vi", "en")
CHAPTERS = 9

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
MENU_STEP = " → "


def pages(lang: str) -> list[Path]:
    return sorted((MANUAL / lang).glob("*.md"))


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def pictures(path: Path) -> list[str]:
    return IMAGE.findall(text(path))


def all_pages() -> list[Path]:
    return [page for lang in LANGS for page in pages(lang)]


def page_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def test_both_languages_have_the_same_chapters() -> None:
    names = {lang: [p.name for p in pages(lang)] for lang in LANGS}
    assert names["vi"] == names["en"]
    numbered = [n for n in names["vi"] if re.match(r"\d\d-", n)]
    assert [n[:2] for n in numbered] == [f"{i:02d}" for i in range(1, CHAPTERS + 1)]
    assert set(names["vi"]) == {"index.md", *numbered}


@pytest.mark.parametrize("lang", LANGS)
def test_the_contents_link_every_chapter(lang: str) -> None:
    linked = LINK.findall(text(MANUAL / lang / "index.md"))
    assert linked == [p.name for p in pages(lang) if p.name != "index.md"]


@pytest.mark.parametrize("page", all_pages(), ids=page_id)
def test_every_link_leads_to_a_page_of_the_same_manual(page: Path) -> None:
    for target in LINK.findall(text(page)):
        assert "://" not in target and not target.startswith("mailto:"), f"{target}: the manual opens no address"
        assert "#" not in target, f"{target}: Qt's Markdown pages have no heading anchors"
        resolved = (page.parent / target).resolve()
        assert resolved.parent == page.parent.resolve(), f"{target} leaves the {page.parent.name} manual"
        assert resolved.is_file(), f"{page_id(page)}: {target} does not exist"


@pytest.mark.parametrize("page", all_pages(), ids=page_id)
def test_every_picture_exists(page: Path) -> None:
    for target in pictures(page):
        resolved = (page.parent / target).resolve()
        assert resolved.parent == SHOTS.resolve(), f"{target}: pictures come from docs/screenshots"
        assert resolved.is_file(), f"{page_id(page)}: {target} does not exist"


@pytest.mark.parametrize("name", sorted(p.name for p in pages("vi")))
def test_the_english_chapter_shows_the_english_twins_of_the_pictures(name: str) -> None:
    vietnamese = [Path(t).name for t in pictures(MANUAL / "vi" / name)]
    english = [Path(t).name for t in pictures(MANUAL / "en" / name)]
    assert not [n for n in vietnamese if n.endswith("-en.png")]
    assert english == [n.removesuffix(".png") + "-en.png" for n in vietnamese]


def made_by_the_scripts(name: str) -> bool:
    """True when tools/screenshots.sh makes this picture: a view in its `for view in …` loop, or a name written
    by one of the tools/screenshot_*.py scripts it runs (`f"NAME{suffix}.png"`, or "NAME" in a list of names; a
    numbered series such as first-run-1 … first-run-6 may be written `f"first-run-{n}{suffix}.png"`)."""
    base = name.removesuffix(".png").removesuffix("-en")
    driver = text(TOOLS / "screenshots.sh")
    loop = re.search(r"for view in ([^;]+); do", driver)
    if loop and base in loop.group(1).split():
        return True
    scripts = [p for p in TOOLS.glob("screenshot_*.py") if p.name in driver]
    series = re.sub(r"\d+$", "{", base)
    patterns = [f"{base}{{suffix}}.png", f'"{base}"']
    if series != base:
        patterns.append(series)
    return any(pattern in text(script) for script in scripts for pattern in patterns)


def test_every_picture_is_made_by_the_screenshot_scripts() -> None:
    used = {Path(t).name for page in all_pages() for t in pictures(page)}
    assert used
    unmade = sorted(n for n in used if not made_by_the_scripts(n))
    assert not unmade, f"not made by tools/screenshots.sh: {unmade}"


def test_the_picture_check_can_tell_a_picture_nobody_makes() -> None:
    assert made_by_the_scripts("scoring-en.png")
    assert not made_by_the_scripts("scoring-dialog-nobody-makes.png")


@pytest.mark.parametrize("page", all_pages(), ids=page_id)
def test_the_text_is_nfc_markdown_qt_renders(page: Path) -> None:
    content = text(page)
    assert unicodedata.normalize("NFC", content) == content
    assert content.startswith("# ")
    outside_code = re.sub(r"```.*?```", "", content, flags=re.DOTALL)
    assert not re.search(r"^\s*<", outside_code, re.MULTILINE), "no HTML blocks"
    assert "[^" not in outside_code, "no footnotes"


def interface_words(lang: str) -> set[str]:
    """What the interface shows: the Vietnamese sources of tr(), or their English translations (accelerator
    marks removed)."""
    words = set()
    for message in ElementTree.parse(TS).getroot().iter("message"):
        word = message.findtext("source" if lang == "vi" else "translation") or ""
        words.add(word.replace("&", ""))
    return words


@pytest.mark.parametrize("lang", LANGS)
def test_menus_and_buttons_named_in_bold_are_the_interface_labels(lang: str) -> None:
    """A bold menu path (Tệp → Mở…) or a bold label ending in "…" must be written exactly as the window shows it."""
    words = interface_words(lang)
    wrong = []
    for page in pages(lang):
        for bold in BOLD.findall(text(page)):
            label = " ".join(bold.split())
            if MENU_STEP in label or label.endswith("…"):
                wrong += [f"{page.name}: {part}" for part in label.split(MENU_STEP) if part not in words]
    assert not wrong
