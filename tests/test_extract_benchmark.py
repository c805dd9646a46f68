"""The extraction benchmark on a sample of its pages (../shared), through bench/extraction.py."""

import json
import subprocess
import sys
from pathlib import Path

from .conftest import SHARED, needs_shared

DATA = SHARED / "data" / "article-extraction-benchmark"
BENCH = Path(__file__).resolve().parents[1] / "bench" / "extraction.py"
SAMPLE_PAGES = 30
# Floors measured on this sample (the full run is in docs/bench-extraction.md); they only go up.
MIN_F1 = 0.975


@needs_shared(DATA)
def test_extract_benchmark_sample_beats_trafilatura_and_dates_agree_with_json_ld() -> None:
    command = [sys.executable, str(BENCH), "--data", str(DATA), "--limit", str(SAMPLE_PAGES)]
    command += ["--only", "sourcebrief", "trafilatura", "--metadata", "--json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(result.stdout)
    ours, theirs = report["tools"]["sourcebrief"], report["tools"]["trafilatura"]
    assert ours["f1"] >= MIN_F1 and ours["f1"] > theirs["f1"]
    metadata = report["metadata"]
    assert metadata["published_vs_jsonld_right"] == metadata["published_vs_jsonld_total"] > 0
    assert metadata["authors_vs_jsonld_right"] >= 0.9 * metadata["authors_vs_jsonld_total"]
