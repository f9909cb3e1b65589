"""Write the exact schema of every revision (`ocop_desktop/persistence/migrations/schemas/NNNN.json`) from a
database the migrations build: run it after adding a migration, and commit what it writes."""

from __future__ import annotations

import json

from ocop_desktop.persistence.database import build_schema, known_revisions
from ocop_desktop.persistence.schema import SCHEMAS


def main() -> None:
    SCHEMAS.mkdir(exist_ok=True)
    for revision in known_revisions()[0]:
        entries = [list(entry) for entry in build_schema(revision)]
        text = json.dumps(entries, ensure_ascii=False, indent=1) + "\n"
        (SCHEMAS / f"{revision}.json").write_text(text, encoding="utf-8")
        print(f"{revision}: {len(entries)} entries")


if __name__ == "__main__":
    main()
