"""Subprocess driver of the kill -9 test: ``rasd ingest``'s code path with scripted records.

    python kill_driver.py DB INPUT.jsonl

Runs :func:`rasd.cli.store.run_ingest` (what ``rasd ingest`` runs) with an
extractor whose records are written in each article's ``plan`` key, so that the
batch exercises merging while the lead's event stages are being written.
``RASD_TEST_DELAY`` (seconds per article) slows it down so the test can kill
it mid-batch.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rasd.cli.progress import Progress  # noqa: E402
from rasd.cli.store import run_ingest  # noqa: E402
from rasd.document import Article  # noqa: E402
from rasd.extract import Extraction  # noqa: E402
from rasd.io import ReadOptions  # noqa: E402
from rasd.store import Store  # noqa: E402
from storekit import VERSION, record  # noqa: E402


class ScriptedExtractor:
    """Records from ``article.meta["plan"]``: a list of {key, kind, field: value...}."""

    version = VERSION

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def extract(self, art: Article) -> Extraction:
        time.sleep(self.delay)
        recs = [record(art, p["key"], p.get("kind", "event"),
                       **{k: v for k, v in p.items() if k not in ("key", "kind")})
                for p in art.meta.get("plan", ())]
        return Extraction(art, tuple(recs))


def main(db_url: str, source: str) -> int:
    delay = float(os.environ.get("RASD_TEST_DELAY", "0"))
    with Store.open(db_url) as store, Progress(None, "ingest", sys.stderr) as bar:
        summary = run_ingest([source], store, ScriptedExtractor(delay), ReadOptions(), bar)
    print("\n".join(summary.lines()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
