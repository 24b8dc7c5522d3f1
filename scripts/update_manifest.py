#!/usr/bin/env python3
"""Refresh the SHA-256 (and size) of every file listed in the resource manifest.

Run after editing a resource; bump that file's ``version`` by hand when its
meaning changes. New files under resources/ are added with version "1" and
must then be described by hand.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "rasd" / "resources"
SKIP = {"manifest.json", "__init__.py"}


def main() -> int:
    mpath = ROOT / "manifest.json"
    data = json.loads(mpath.read_text(encoding="utf-8")) if mpath.exists() else {"version": "1", "files": {}}
    files = data.setdefault("files", {})
    for p in sorted(ROOT.rglob("*")):
        rel = p.relative_to(ROOT).as_posix()
        if not p.is_file() or p.name in SKIP or "__pycache__" in rel:
            continue
        entry = files.setdefault(rel, {"version": "1", "description": "", "source": ""})
        entry["sha256"] = hashlib.sha256(p.read_bytes()).hexdigest()
        entry["bytes"] = p.stat().st_size
    for rel in [r for r in files if not (ROOT / r).is_file()]:
        print(f"dropping {rel}: no longer exists", file=sys.stderr)
        del files[rel]
    mpath.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(files)} resources in {mpath}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
