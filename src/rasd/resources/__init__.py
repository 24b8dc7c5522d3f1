"""Bundled Arabic knowledge: gazetteer, actor dictionary, lexicons.

Everything the extractor knows about Arabic and about places and actors lives
in versioned data files under this package, listed in ``manifest.json`` with
their version, SHA-256 and provenance. Code reads them only through
:func:`load_toml`, :func:`path` and friends, which check the manifest.
"""
from __future__ import annotations

import functools
import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

from ..errors import ResourceError

ROOT = Path(__file__).resolve().parent
MANIFEST = ROOT / "manifest.json"


@functools.lru_cache(maxsize=1)
def manifest() -> dict[str, Any]:
    """The parsed manifest (``{"version": ..., "files": {relpath: {...}}}``)."""
    try:
        return json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ResourceError(f"cannot read resource manifest {MANIFEST}: {exc}") from exc


def path(rel: str) -> Path:
    """Absolute path of a bundled resource listed in the manifest."""
    entry = manifest()["files"].get(rel)
    if entry is None:
        raise ResourceError(f"resource {rel!r} is not listed in manifest.json")
    p = ROOT / rel
    if not p.is_file():
        raise ResourceError(f"resource {rel!r} is missing from the package")
    return p


def sha256(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@functools.lru_cache(maxsize=None)
def verified_path(rel: str) -> Path:
    """Like :func:`path`, and the file's hash must match the manifest."""
    p = path(rel)
    want = manifest()["files"][rel].get("sha256")
    if want and sha256(p) != want:
        raise ResourceError(f"resource {rel!r} does not match its manifest hash "
                            "(run scripts/update_manifest.py after editing it)")
    return p


@functools.lru_cache(maxsize=None)
def load_toml(rel: str) -> dict[str, Any]:
    """Parse a TOML resource."""
    try:
        with open(verified_path(rel), "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise ResourceError(f"resource {rel!r} is not valid TOML: {exc}") from exc


def version(rel: str) -> str:
    """The declared version of one resource."""
    return str(manifest()["files"][rel].get("version", "0"))


def resources_version() -> str:
    """The version of the whole resource set (part of the pipeline version)."""
    return str(manifest().get("version", "0"))
