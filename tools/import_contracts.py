"""An import-linter contract type the built-in ones cannot say: "these packages import the standard library and
the listed packages of this project, nothing else". A forbidden contract names what may not be imported, so any
new third-party package would slip through; this one names what may."""

from __future__ import annotations

import sys

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

STANDARD_LIBRARY = frozenset(sys.stdlib_module_names) | {"__future__"}


def _within(module: str, packages: set[str]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


class StandardLibraryOnlyContract(Contract):
    """source_modules may import the standard library and allowed_modules (packages of this project) only."""

    type_name = "standard_library_only"

    source_modules = fields.SetField(subfield=fields.ModuleField())
    allowed_modules = fields.SetField(subfield=fields.ModuleField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        sources = {module.name for module in self.source_modules}  # type: ignore[attr-defined]
        allowed = sources | {module.name for module in self.allowed_modules}  # type: ignore[attr-defined]
        root = next(iter(sources)).split(".")[0]
        broken = []
        for importer in sorted(m for m in graph.modules if _within(m, sources)):
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                inside = imported.split(".")[0] == root
                if (inside and _within(imported, allowed)) or (
                    not inside and imported.split(".")[0] in STANDARD_LIBRARY
                ):
                    continue
                lines = sorted(
                    detail["line_number"] for detail in graph.get_import_details(importer=importer, imported=imported)
                )
                broken.append({"importer": importer, "imported": imported, "lines": lines})
        return ContractCheck(kept=not broken, warnings=None, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for item in check.metadata["broken"]:
            lines = ", ".join(f"l.{line}" for line in item["lines"])
            output.print_error(f"{item['importer']} imports {item['imported']} ({lines}), neither the standard library")
            output.print_error("nor a package this contract allows.")
            output.new_line()
