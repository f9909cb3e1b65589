"""A wheel carries what the application reads at run time beside its code: the criteria, fonts, administrative
units, the compiled interface catalogues (resources/) and the manual with its pictures (docs/), copied into
`ocop_desktop/_data/`, where `paths.install_root()` finds them. An editable install reads them from the checkout.
Everything else is declared in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = ("resources", "docs/manual", "docs/screenshots", "docs/documents")  # as build_installer.spec bundles them
SOURCES_ONLY = ("*.ts",)  # the catalogues' sources: the compiled .qm files are what the application loads


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "ocop_desktop" / "_data"
        for folder in DATA:
            shutil.copytree(
                ROOT / folder, target / folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*SOURCES_ONLY)
            )


setup(cmdclass={"build_py": BuildPyWithData})
