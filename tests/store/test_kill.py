"""kill -9 in the middle of a batch, then the same command again = one clean run."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest

from rasd.store import Store
from storekit import fresh_db

HERE = Path(__file__).resolve().parent
RASD = Path(sys.executable).with_name("rasd")
PLACES = [("C1025", "باتبو"), ("C1034", "كفرناها"), ("C1144", "عنجارة"), ("C1202", "الباب")]


def _scripted_articles(path: Path, n: int) -> None:
    """``n`` short articles; every three report the same strike (one place and day)."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            pcode, name = PLACES[(i // 3) % len(PLACES)]
            day = f"2016-11-{1 + (i // 12) % 28:02d}"
            plan = [{"key": "e", "pcode": pcode, "location_ar": name, "event_date": day,
                     "fatalities": 10 + i % 3, "fatalities_reported": {"min": 10 + i % 3,
                                                                       "max": 10 + i % 3}}]
            if i % 5 == 0:
                plan.append({"key": "t", "kind": "tally", "fatalities": 59})
            row = {"id": f"k{i:04d}", "published": "2016-11-29", "outlet": f"Outlet {i % 4}",
                   "text": f"قتل {10 + i % 3} مدنيين في غارة على {name} (الخبر {i}).", "plan": plan}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _plain_articles(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            row = {"id": f"p{i:05d}", "published": "2016-11-18",
                   "text": f"قصفت الطائرات الحربية بلدة باتبو في ريف حلب الغربي، الخبر رقم {i}."}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _stored(url: str) -> int:
    """Articles committed so far, read from outside the writing process (0 before the schema)."""
    if url.startswith("postgresql"):
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except psycopg.errors.UndefinedTable:
            return 0
    if not Path(url).exists():
        return 0
    try:
        with sqlite3.connect(url, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0
        raise


def _kill_midway(cmd: list[str], url: str, after: int, total: int, env: dict[str, str]) -> int:
    """Start ``cmd``, SIGKILL it once ``after`` articles are stored; how many were."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while _stored(url) < after:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "the batch never got going"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stored = _stored(url)
    assert after <= stored < total, f"killed too late: {stored} of {total} stored"
    return stored


def _dump(url: str) -> dict[str, Any]:
    with Store.open(url) as store:
        return store.dump()


def test_killed_ingest_rerun_equals_a_clean_run(backend: str, db_url: str, tmp_path: Path) -> None:
    source = tmp_path / "batch.jsonl"
    _scripted_articles(source, 150)
    cmd = [sys.executable, str(HERE / "kill_driver.py"), db_url, str(source)]
    env = dict(os.environ, RASD_TEST_DELAY="0.02")
    _kill_midway(cmd, db_url, 25, 150, env)
    subprocess.run(cmd, env=dict(os.environ), check=True, capture_output=True)
    with fresh_db(backend, tmp_path) as clean:
        subprocess.run([sys.executable, str(HERE / "kill_driver.py"), clean, str(source)],
                       check=True, capture_output=True)
        want = _dump(clean)
    got = _dump(db_url)
    assert got == want
    assert len(got["articles"]) == 150 and len(got["incidents"]) == 50


def test_killed_rasd_ingest_command_rerun_equals_a_clean_run(backend: str, db_url: str,
                                                             tmp_path: Path) -> None:
    if not RASD.exists():
        pytest.skip(f"the rasd command is not installed beside {sys.executable}")
    source = tmp_path / "plain.jsonl"
    _plain_articles(source, 4000)
    cmd = [str(RASD), "ingest", str(source), "--db", db_url, "--no-progress"]
    _kill_midway(cmd, db_url, 100, 4000, dict(os.environ))
    rerun = subprocess.run(cmd, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert "already stored" in rerun.stderr
    with fresh_db(backend, tmp_path) as clean:
        subprocess.run([str(RASD), "ingest", str(source), "--db", clean, "--no-progress"],
                       check=True, capture_output=True)
        assert _dump(db_url) == _dump(clean)
