"""One writer at a time: a data file open for writing is held through `<file>.lock` beside it.

The operating system's own lock on that file (flock / LockFileEx) is what holds it, so a process that dies —
killed, crashed, powered off — holds nothing any more: its lock file stays behind, stale, and the next process
takes it over without asking anyone. A process that closes the file normally removes its lock file. What the
file says (host, process, account, since) is only for the person told that the file is in use. Within one process
the lock is shared (each thread and each window opens its own connection)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt
else:
    import fcntl

LOCK_SUFFIX = ".lock"
_LOCK_OFFSET = 1 << 20  # Windows locks a byte range: one far past the text, so others can still read who holds it


@dataclass(frozen=True)
class Holder:
    """Who holds a data file for writing, as its lock file says."""

    host: str
    pid: int
    account: str
    since: str

    @classmethod
    def read(cls, path: Path) -> Holder | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not data:
            return None
        return cls(
            str(data.get("host", "?")),
            int(data.get("pid", 0)),
            str(data.get("account", "")),
            str(data.get("since", "")),
        )


class HeldElsewhere(Exception):
    """The file is open for writing in another process (`holder`: who, when known)."""

    def __init__(self, lock_path: Path, holder: Holder | None) -> None:
        super().__init__(str(lock_path))
        self.lock_path = lock_path
        self.holder = holder


def lock_path(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + LOCK_SUFFIX)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _write(fd: int, content: dict[str, Any]) -> None:
    data = json.dumps(content, ensure_ascii=False).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.fsync(fd)


def _lock_file(path: Path) -> int | None:
    """An open descriptor of the lock file at `path`, locked by this process; None when the folder cannot be written.

    The lock taken must be on the file that is at `path` now: a holder removes its lock file before unlocking it, so
    a process that opened the old one just before and locks it just after finds it gone and opens the new one."""
    for _attempt in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return None
        if not _try_lock(fd):
            os.close(fd)
            raise HeldElsewhere(path, Holder.read(path))
        opened = os.fstat(fd)
        try:
            current = os.stat(path)
        except FileNotFoundError:
            current = None
        if current is not None and (current.st_dev, current.st_ino) == (opened.st_dev, opened.st_ino):
            return fd
        _unlock(fd)
        os.close(fd)
    raise HeldElsewhere(path, Holder.read(path))


class _Held:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 0
        self.content: dict[str, Any] = {}


_HELD: dict[str, _Held] = {}
_GUARD = threading.Lock()


class WriterLock:
    """This process's hold on one data file; `release` once per `acquire`."""

    def __init__(self, data_path: Path) -> None:
        self.path = lock_path(data_path)
        self._key = str(self.path.resolve())
        self._released = False

    @classmethod
    def acquire(cls, data_path: Path) -> WriterLock:
        """Hold `data_path` for writing, or raise HeldElsewhere naming who holds it."""
        lock = cls(data_path)
        with _GUARD:
            held = _HELD.get(lock._key)
            if held is None:
                fd = _lock_file(lock.path)
                if fd is None:  # a read-only folder or medium: nothing can be written there by anyone
                    lock._released = True
                    return lock
                held = _Held(fd)
                held.content = {
                    "host": socket.gethostname(),
                    "pid": os.getpid(),
                    "account": "",
                    "since": dt.datetime.now().astimezone().strftime("%H:%M %d/%m/%Y"),
                }
                _write(fd, held.content)  # a stale holder's words (a dead process) are replaced by ours
                _HELD[lock._key] = held
            held.count += 1
        return lock

    def name_account(self, account: str) -> None:
        """Say which account works in this process (shown to whoever else tries to open the file)."""
        with _GUARD:
            held = _HELD.get(self._key)
            if held is not None and not self._released and held.content.get("account") != account:
                held.content["account"] = account
                with contextlib.suppress(OSError):
                    _write(held.fd, held.content)

    def release(self) -> None:
        with _GUARD:
            if self._released:
                return
            self._released = True
            held = _HELD.get(self._key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _HELD[self._key]
            with contextlib.suppress(OSError):  # removed while still locked: see `_lock_file` (Windows keeps it)
                os.unlink(self.path)
            _unlock(held.fd)
            os.close(held.fd)
