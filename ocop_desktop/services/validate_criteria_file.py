"""Check a criteria catalogue file (YAML in the shared format, or JSON) before it is imported.

The file is untrusted: it is parsed with the safe YAML loader, every mapping remembers its line so that a
problem points at the line to fix, and the same validator as the bundled catalogues decides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_desktop.domain import values
from ocop_desktop.domain.errors import Problem, ValidationFailed
from ocop_desktop.paths import not_a_file
from ocop_desktop.scoring.catalogue import CriteriaSet, parse_criteria_set
from ocop_desktop.services.criteria_catalogue import rule_versions

MAX_FILE_BYTES = 20 * 1024 * 1024


class _LineDict(dict[str, Any]):
    """A mapping that knows the line it started on in its file."""

    source_line: int | None = None


def _load_yaml(text: str) -> Any:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _LineDict:
        mapping = _LineDict({str(key): value for key, value in loader.construct_mapping(node, deep=True).items()})
        mapping.source_line = node.start_mark.line + 1
        return mapping

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass


@dataclass(frozen=True)
class FileCheck:
    path: str
    criteria_set: CriteriaSet | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.criteria_set is not None and not self.problems


def check_criteria_file(path: Path) -> FileCheck:
    """Read and validate `path`; every problem carries the file, sheet, criterion, option and line."""
    origin = (("file", path.name),)
    refused = not_a_file(path)
    if refused is not None:
        return FileCheck(str(path), None, (refused,))
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return FileCheck(
                str(path), None, (Problem("input.unreadable", {"detail": f"> {MAX_FILE_BYTES // 1048576} MB"}, origin),)
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return FileCheck(str(path), None, (Problem("input.unreadable", {"detail": str(exc)}, origin),))
    try:
        if path.suffix.lower() == ".json":
            data = values.loads_bounded(text)
        else:
            data = _load_yaml(text)
    except json.JSONDecodeError as exc:
        return FileCheck(
            str(path),
            None,
            (Problem("input.not_json", {"line": exc.lineno, "column": exc.colno, "detail": exc.msg}, origin),),
        )
    except ValidationFailed as exc:  # too deep or too large to parse
        return FileCheck(str(path), None, tuple(p.at(*origin) for p in exc.problems))
    except Exception as exc:  # yaml.YAMLError and its marks; yaml is imported lazily
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        detail = getattr(exc, "problem", None) or str(exc)
        return FileCheck(str(path), None, (Problem("catalogue.yaml_error", {"line": line, "detail": detail}, origin),))
    known = None
    if isinstance(data, dict):
        for version in rule_versions():
            if version.id == data.get("version_id"):
                known = version.parts_max
    criteria_set, problems = parse_criteria_set(data, origin=origin, known_parts_max=known)
    return FileCheck(str(path), criteria_set, tuple(problems))
