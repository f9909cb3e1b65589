"""The program's log file, in the person's data folder: the one place an error nobody foresaw is written down with
its traceback. The Windows program has no console (its standard output and error go to a null device), so without
this file a fault in the field would leave no trace at all.

`configure` is called once by each entry point (the window at INFO, the command line at WARNING); calling it again
only changes the level, or moves the file when the data folder has changed (tests). Third-party libraries log to
it from WARNING up; this package from the level chosen."""

from __future__ import annotations

import logging
import os
import platform
import sys
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ocop_desktop import __version__
from ocop_desktop.paths import user_data_dir

FILE_NAME = "ocop-desktop.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5  # ocop-desktop.log.1 … .5: six files of at most 1 MiB
FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"

log = logging.getLogger("ocop_desktop")
_state: dict[str, RotatingFileHandler | None] = {"handler": None}


class _LogFile(RotatingFileHandler):
    """Opened at the first record, its folder made then: a command that logs nothing leaves nothing behind."""

    def _open(self) -> TextIOWrapper:  # the standard library's own name and signature
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def shouldRollover(self, record: logging.LogRecord) -> bool:  # the standard library's name
        """Counted in bytes: the standard handler adds the record's length in characters to the file's length in
        bytes, so Vietnamese text (two or three bytes a letter) let a file grow past MAX_BYTES."""
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        position = self.stream.tell()
        size = len(f"{self.format(record)}{self.terminator}".encode(self.encoding or "utf-8"))
        return bool(position) and position + size > self.maxBytes


def log_folder() -> Path:
    return user_data_dir() / "logs"


def log_file() -> Path:
    return log_folder() / FILE_NAME


def configure(level: int = logging.INFO) -> Path:
    """Send log records to the rotating file (UTF-8, MAX_BYTES × BACKUP_COUNT); returns the file's path."""
    path = log_file()
    handler = _state["handler"]
    if handler is None or handler.baseFilename != os.path.abspath(path):
        close()
        handler = _LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter(FORMAT))
        logging.getLogger().addHandler(handler)
        _state["handler"] = handler
    log.setLevel(level)
    return path


def close() -> None:
    """Detach and close the file (the next `configure` opens it again)."""
    handler = _state["handler"]
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
        _state["handler"] = None


def flush() -> None:
    """Everything written so far on disk (before a fatal error ends the process)."""
    handler = _state["handler"]
    if handler is not None:
        handler.flush()


def started(what: str, **versions: str) -> None:
    """The first line of a run: which program, on what, so that a log sent in says where it came from."""
    extra = "".join(f", {name} {value}" for name, value in versions.items())
    log.info(
        "OCOP Desktop %s started (%s): Python %s on %s%s",
        __version__,
        what,
        platform.python_version(),
        platform.platform(),
        extra,
    )
    if getattr(sys, "frozen", False):
        log.info("installed program at %s", sys.executable)
