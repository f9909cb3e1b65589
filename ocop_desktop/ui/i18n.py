"""Interface language: Vietnamese by default (the source strings), English from `resources/i18n/ocop_en.qm`.

Every user-facing string goes through `tr()`, a plain function so that view-models and dialogs outside a
QObject can use it; `pyside6-lupdate` collects the strings into `resources/i18n/ocop_en.ts`
(`tools/translations.sh`), and the setup compiles it to `.qm`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ocop_desktop.paths import resource_root

CONTEXT = ""  # pyside6-lupdate files plain tr("…") calls under the empty context
LANGUAGE_KEY = "language"  # where QSettings keeps the interface language chosen
LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each named in its own language
_state = {"lang": "vi"}
_translators: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def current_lang() -> str:
    return _state["lang"]


def install(app: QCoreApplication, lang: str) -> bool:
    """Load the catalogue for `lang` ("vi" needs none). Returns False when the English catalogue is missing."""
    _state["lang"] = lang
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang == "vi":
        return True
    translator = QTranslator()
    if not translator.load(str(resource_root() / "i18n" / f"ocop_{lang}.qm")):
        _state["lang"] = "vi"
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True
