#!/usr/bin/env python3
"""Regenerate src/rasd/resources/manifest.json from the resource files on disk.

Each resource describes itself: a TOML resource has a ``[meta]`` table with
``version``, ``description`` and ``source``; any other file has a sidecar
``<name>.meta.toml`` with the same keys. The manifest records those plus the
SHA-256 and size of every file, and a set version derived from all hashes, so
it can be regenerated at any time by anyone without losing information.
Run it after editing any resource (a test fails when the manifest is stale).
"""
from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "rasd" / "resources"
SKIP_NAMES = {"manifest.json", "__init__.py"}


def describe(p: Path) -> dict:
    """The file's own metadata: [meta] of a TOML file, else its .meta.toml sidecar."""
    if p.suffix == ".toml":
        return dict(tomllib.loads(p.read_text(encoding="utf-8")).get("meta", {}))
    side = p.with_name(p.name + ".meta.toml")
    if side.is_file():
        return dict(tomllib.loads(side.read_text(encoding="utf-8")).get("meta", {}))
    return {}


def build() -> dict:
    files = {}
    for p in sorted(ROOT.rglob("*")):
        rel = p.relative_to(ROOT).as_posix()
        if (not p.is_file() or p.name in SKIP_NAMES or "__pycache__" in rel
                or p.name.endswith(".meta.toml") or p.suffix == ".py"):
            continue
        meta = describe(p)
        files[rel] = {
            "version": str(meta.get("version", "1")),
            "description": meta.get("description", ""),
            "source": meta.get("source", ""),
            "sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
            "bytes": p.stat().st_size,
        }
    overall = hashlib.sha256("".join(f"{k}:{v['sha256']}\n" for k, v in files.items()).encode())
    return {"version": overall.hexdigest()[:12], "files": files}


def main() -> int:
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (ROOT / "manifest.json").write_text(text, encoding="utf-8")
    print(f"{len(data['files'])} resources, set version {data['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
