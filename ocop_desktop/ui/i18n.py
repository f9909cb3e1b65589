"""Interface language: Vietnamese by default (the source strings), English from `resources/i18n/ocop_en.qm`.

Every user-facing string goes through `tr()`, a plain function so that view-models and dialogs outside a
QObject can use it; `tools/i18n.py` collects the strings into `resources/i18n/ocop_en.ts` and compiles it to the
`.qm` kept beside it (in the repository and in every wheel: English works on a plain `pip install`). In Vietnamese,
Qt's own words (file dialogs, context menus, standard buttons) come from `resources/i18n/qt_vi.qm`: Qt ships no
Vietnamese catalogue. A catalogue that cannot be loaded is logged, and `missing_catalogue` says which, so that the
window can tell the person instead of staying silently in Vietnamese.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from ocop_desktop.domain.text import fill
from ocop_desktop.paths import resource_root

CONTEXT = ""  # plain tr("…") calls are filed under the empty context
LANGUAGE_KEY = "language"  # where QSettings keeps the interface language chosen
LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each named in its own language
QT_CATALOGUE = "qt_vi"  # Qt's own words in Vietnamese (tools/i18n.py qt-update lists them from the installed Qt)
log = logging.getLogger(__name__)
_state: dict[str, str] = {"lang": "vi", "missing": ""}
_translators: list[QTranslator] = []


def tr(text: str, /, **counts: object) -> str:
    """`text` in the interface's language. With `counts`, the translation is filled with them, and may give the
    word for each count in the singular or plural ("{count} {count:file|files}", see domain.text.fill)."""
    translated = QCoreApplication.translate(CONTEXT, text)
    return fill(translated, **counts) if counts else translated


def current_lang() -> str:
    return _state["lang"]


def catalogue(name: str) -> Path:
    """The compiled catalogue `name` (ocop_en, qt_vi)."""
    return resource_root() / "i18n" / f"{name}.qm"


def available(lang: str) -> bool:
    """Whether the interface can be shown in `lang` (Vietnamese always can)."""
    return lang == "vi" or catalogue(f"ocop_{lang}").is_file()


def missing_catalogue() -> Path | None:
    """The catalogue the last `install` asked for and could not load, if any."""
    return Path(_state["missing"]) if _state["missing"] else None


def install(app: QCoreApplication, lang: str) -> bool:
    """Load the catalogues for `lang`. Returns False when the English catalogue is missing: the interface is then
    in Vietnamese, the file is logged and `missing_catalogue` names it."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    _state["lang"], _state["missing"] = "vi", ""
    if lang != "vi":
        path = catalogue(f"ocop_{lang}")
        if _load(app, path):
            _state["lang"] = lang
            return True
        log.warning("interface catalogue %s cannot be loaded: the interface stays in Vietnamese", path)
        _state["missing"] = str(path)
    qt_words = catalogue(QT_CATALOGUE)
    if not _load(app, qt_words):
        log.warning("Qt's Vietnamese catalogue %s cannot be loaded: Qt's own dialogs speak English", qt_words)
    return lang == "vi"


def _load(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator()
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True
