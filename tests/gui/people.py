"""Driving the window the way people do: the modal dialogs it opens are answered in order by key presses (and,
where a person would click a named button, a click), and any dialog nobody expected fails the test instead of
hanging it."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget

REAL_DIALOG_EXEC = QDialog.exec  # taken before conftest's guard replaces them for the test
REAL_MESSAGE_EXEC = QMessageBox.exec

Answer = Callable[[Any], None]


class Dialogs:
    """The dialogs a test expects, each with how the person answers it; `seen` keeps every dialog's text."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.queue: deque[tuple[type, Answer]] = deque()
        self.seen: list[str] = []
        self.unexpected: list[str] = []
        dialogs = self

        def dialog_exec(dialog: QDialog) -> int:
            return dialogs._run(dialog, REAL_DIALOG_EXEC)

        def message_exec(box: QMessageBox) -> int:
            return dialogs._run(box, REAL_MESSAGE_EXEC)

        self.monkeypatch = monkeypatch
        self.guards = (QDialog.exec, QMessageBox.exec)  # what answered dialogs before (conftest's guard)
        monkeypatch.setattr(QDialog, "exec", dialog_exec)
        monkeypatch.setattr(QMessageBox, "exec", message_exec)

    def expect(self, kind: type, answer: Answer) -> Dialogs:
        self.queue.append((kind, answer))
        return self

    def _run(self, dialog: QDialog, real: Callable[[QDialog], int]) -> int:
        text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
        self.seen.append(f"{type(dialog).__name__}: {text}")
        expected = self.queue.popleft() if self.queue else None

        def answer() -> None:
            if expected is None or not isinstance(dialog, expected[0]):
                self.unexpected.append(self.seen[-1])
                dialog.reject()
                return
            try:
                expected[1](dialog)
            except Exception as exc:  # an assertion inside the dialog: fail the test, never abort Qt
                self.unexpected.append(f"{self.seen[-1]}: {type(exc).__name__}: {exc}")
                dialog.reject()

        def give_up() -> None:
            if dialog.isVisible():  # the answer did not close it: fail rather than hang
                self.unexpected.append(f"left open: {self.seen[-1]}")
                dialog.reject()

        QTimer.singleShot(0, dialog, answer)
        QTimer.singleShot(8000, dialog, give_up)  # cancelled with the dialog
        return real(dialog)

    def done(self) -> None:
        """Every expected dialog came and nothing else did; dialogs are then answered as before."""
        self.monkeypatch.setattr(QDialog, "exec", self.guards[0])
        self.monkeypatch.setattr(QMessageBox, "exec", self.guards[1])
        assert not self.unexpected, self.unexpected
        assert not self.queue, f"dialogs that never came: {[k.__name__ for k, _ in self.queue]}"


def type_text(widget: QWidget, text: str) -> None:
    """Typed character by character as key events carrying the character, as a Vietnamese keyboard (Unikey,
    Telex) delivers it; QTest.keyClicks only knows Latin-1."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into(field: QWidget, text: str) -> None:
    """Select what is there and type over it, as a person does."""
    field.setFocus()
    if isinstance(field, QLineEdit):
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(field, text)


def sign_in(username: str, password: str) -> Answer:
    """The sign-in dialog: name, password, Enter."""

    def answer(dialog: Any) -> None:
        type_into(dialog.username, username)
        type_into(dialog.password, password)
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)

    return answer


def member_pin(name: str, pin: str) -> Answer:
    """The PIN dialog: the member's name typed into the member box (type-ahead), the PIN, Enter."""

    def answer(dialog: Any) -> None:
        box = dialog.member
        box.setFocus()
        type_text(box, name)
        assert box.currentText() == name, (box.currentText(), name)
        type_into(dialog.pin, pin)
        QTest.keyClick(dialog.pin, Qt.Key.Key_Return)

    return answer


def press_button(words: str) -> Answer:
    """A message box answered by clicking its button with these words ("Có", "Đồng ý")."""

    def answer(box: Any) -> None:
        for button in box.buttons():
            if button.text() == words:
                button.click()
                return
        raise AssertionError(f"no button «{words}» in {[b.text() for b in box.buttons()]}")

    return answer


def keys(widget: QWidget, *sequence: Qt.Key | tuple[Qt.Key, Qt.KeyboardModifier]) -> None:
    """Key presses on `widget` (a shortcut goes through the window's shortcut map)."""
    _activate(widget.window())
    for key in sequence:
        if isinstance(key, tuple):
            QTest.keyClick(widget, key[0], key[1])
        else:
            QTest.keyClick(widget, key)
    QApplication.processEvents()


def shortcut(window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A window shortcut as a person presses it, on whatever has the focus. The offscreen platform does not give
    the focus back to the window when a dialog closes, as a window manager does: done here."""
    _activate(window)
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, key, modifiers)
    QApplication.processEvents()


def _activate(window: QWidget) -> None:
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        QApplication.processEvents()


def focused(window: QWidget) -> QWidget:
    """What has the keyboard in `window` (made the active window first, as the person's click or the window
    manager would)."""
    _activate(window)
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def write_text(text: str, button: str = "Đồng ý") -> Answer:
    """A dialog asking for a text (a reason, a discussion): typed in its field, then its button clicked."""

    def answer(dialog: Any) -> None:
        from PySide6.QtWidgets import QPlainTextEdit, QPushButton

        field = dialog.findChild(QPlainTextEdit) or dialog.findChild(QLineEdit)
        type_into(field, text)
        for candidate in dialog.findChildren(QPushButton):
            if candidate.text() == button:
                candidate.click()
                return
        raise AssertionError(f"no button «{button}»")

    return answer
