"""Golden briefings: the acceptance example's ledger and a few demo briefings.

Run ``pytest --update-golden`` to rewrite them after a deliberate change, and review the diff.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from sourcebrief import Briefing, Pipeline
from sourcebrief.serve.render import to_dict

from .conftest import EXAMPLE, GOLDEN, needs_shared

DEMO = Path(__file__).parents[1] / "src" / "sourcebrief" / "demo" / "wikinews.jsonl"
DEMO_GOLDEN_IDS = [
    "wn-2019-01-07-president-trump-says-he-can-and-may",
    "wn-2019-09-17-us-president-trump-says-osama-bin-ladens",
    "wn-2020-09-05-germany-says-alexei-navalny-poisoned-with-novichok",
]


def ledger(briefing: Briefing) -> dict[str, Any]:
    """What a reader checks in a briefing, without the article text itself."""
    text = briefing.articles[0].text
    return {
        "status": str(briefing.status),
        "claim": briefing.claims[0].text,
        "sources": [
            {
                "name": s.name,
                "kind": str(s.kind),
                "role": s.role,
                "affiliation": s.affiliation,
                "conduit": s.conduit,
                "stance": str(briefing.stance_of(s.id)),
                "statements": [
                    {
                        "cue": text[st.cue.start : st.cue.end] if st.cue else None,
                        "text": text[st.content.start : st.content.end],
                        "direct": st.direct,
                    }
                    for st in s.statements
                ],
            }
            for s in briefing.sources
        ],
        "reporting_chain": [{"outlet": link.outlet, "role": str(link.role)} for link in briefing.chain],
        "unknowns": [n.text for n in briefing.unknowns],
        "flags": [{"kind": str(f.kind), "text": f.text[:80]} for f in briefing.flags],
        "briefing": [n.text for n in briefing.sentences],
    }


def check_golden(path: Path, actual: dict[str, Any], update: bool) -> None:
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {path.name} was missing and has been written; review and commit it")
    assert actual == json.loads(path.read_text(encoding="utf-8")), f"differs from {path}; --update-golden"


@needs_shared(EXAMPLE)
def test_golden_example_ledger(pipeline: Pipeline, update_golden: bool) -> None:
    [briefing] = pipeline.run([str(EXAMPLE)]).briefings
    check_golden(GOLDEN / "cyber-pause-ledger.json", ledger(briefing), update_golden)


@needs_shared(EXAMPLE)
@pytest.mark.parametrize("mode", ["pipeline", "fast_pipeline"])
def test_golden_example_reads_as_a_careful_reader_would(request: pytest.FixtureRequest, mode: str) -> None:
    pipeline: Pipeline = request.getfixturevalue(mode)
    [briefing] = pipeline.run([str(EXAMPLE)]).briefings
    facts = ledger(briefing)
    assert facts["status"] == "contested"
    assert "Hegseth" in facts["claim"] and "pause planning for offensive" in facts["claim"]
    by_name = {s["name"]: s for s in facts["sources"]}
    officials = by_name["multiple U.S. officials"]
    assert (officials["kind"], officials["conduit"], officials["stance"]) == ("anonymous", "CBS News", "confirms")
    assert by_name["senior U.S. defense officials"]["stance"] == "declines_to_comment"
    assert by_name["A spokesperson"]["stance"] == "declines_to_comment"
    turner = by_name["Mike Turner"]
    assert turner["stance"] == "disputes" and "Rep." in turner["role"] and "Ohio" in turner["affiliation"]
    assert any(st["direct"] and st["text"].startswith("I’m unaware of that") for st in turner["statements"])
    waltz = by_name["Mike Waltz"]
    assert waltz["stance"] == "unaware" and waltz["role"] == "national security adviser"
    assert any(st["direct"] and st["text"].startswith("That has not been part") for st in waltz["statements"])
    chain = {(c["outlet"], c["role"]) for c in facts["reporting_chain"]}
    assert {("The Record", "first_report"), ("CBS News", "report"), ("this article", "republish")} <= chain
    assert {"the duration of this pause", "the reasoning behind it"} <= set(facts["unknowns"])
    kinds = [f["kind"] for f in facts["flags"]]
    assert {"furniture", "generator_leftover", "speculation"} <= set(kinds)
    assert any(f["text"].startswith("Related Posts") for f in facts["flags"])
    text = briefing.articles[0].text
    assert "This summary provides" not in text and "Share This Post" not in text and "baby" not in text


@pytest.mark.parametrize("article_id", DEMO_GOLDEN_IDS)
def test_golden_demo_briefing(pipeline: Pipeline, update_golden: bool, tmp_path: Path, article_id: str) -> None:
    line = next(line for line in DEMO.read_text(encoding="utf-8").splitlines() if article_id in line)
    (tmp_path / "one.jsonl").write_text(line + "\n", encoding="utf-8")
    [briefing] = pipeline.run([str(tmp_path / "one.jsonl")]).briefings
    data = to_dict(briefing)
    for article in data["articles"]:
        for varying in ("text", "origin", "provenance"):  # the text is checked by spans; paths vary
            article.pop(varying)
    check_golden(GOLDEN / "demo" / f"{article_id}.json", data | {"ledger": ledger(briefing)}, update_golden)
