"""Shared fixtures. Tests that read ../shared skip (with the reason) when it is absent."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rasd.document import Article, Document
from rasd.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "eval" / "dev"


def needs_shared() -> None:
    if not DEV.is_dir():
        pytest.skip(f"../shared is not beside the checkout ({SHARED})")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    needs_shared()
    return SHARED


@pytest.fixture(scope="session")
def seed_article() -> Article:
    """The article that started the project (first line of the dev set)."""
    needs_shared()
    with open(DEV / "articles.jsonl", encoding="utf-8") as f:
        row = json.loads(f.readline())
    return Article(row["id"], row["text"], date.fromisoformat(row["published"]))


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    needs_shared()
    with open(DEV / "gold.jsonl", encoding="utf-8") as f:
        return json.loads(f.readline())


def run_stages(text: str, stages: list[str], published: date | None = date(2016, 11, 18),
               article_id: str = "t") -> Document:
    """Run the named stages on a short passage."""
    return Pipeline.from_names(stages)(Article(article_id, text, published))
