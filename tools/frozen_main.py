"""The installed program's entry point (build_installer.spec): the same command line as `ocop-desktop`, and the window
when it is started with no arguments from a desktop (a double-click, a Start-menu shortcut)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import MutableMapping

from ocop_desktop import logfile
from ocop_desktop.cli import main as cli_main


def restore_child_environment(environ: MutableMapping[str, str]) -> None:
    """On Linux the bootloader puts the bundle's folder first on LD_LIBRARY_PATH so that this process loads the
    libraries it was built with (the loader has read it by now). A PDF viewer or file manager the app starts
    (QDesktopServices) would inherit it and load the bundle's copies of system libraries instead of its own."""
    original = environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        environ.pop("LD_LIBRARY_PATH", None)
    else:
        environ["LD_LIBRARY_PATH"] = original


def arguments(argv: list[str], environ: MutableMapping[str, str], platform: str) -> list[str]:
    """No arguments opens the window where there is a screen; in a terminal without one, the usage as before."""
    if argv:
        return argv
    desktop = platform in ("win32", "darwin") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    return ["gui"] if desktop else []


def main() -> int:
    """The log file is opened first: in the windowed Windows build standard output and error go to a null device,
    so whatever goes wrong from here on, even before the window, is found only there."""
    if getattr(sys, "frozen", False):
        restore_child_environment(os.environ)
    for name in ("stdout", "stderr"):  # None in the windowed Windows build, where print() is silent but write() fails
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    logfile.configure(logging.WARNING)  # the window raises it to INFO
    try:
        return cli_main(arguments(sys.argv[1:], os.environ, sys.platform))
    except Exception:  # outside the command line's own last line of defence (building its parser)
        logfile.log.exception("the program stopped")
        raise


if __name__ == "__main__":
    raise SystemExit(main())
