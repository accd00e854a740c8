"""The action plan as the files under content/actionplan/ give it, for tests that compare
pages and commands with the source (the shape the old Python literals had)."""

from __future__ import annotations

from typing import Any

from sterk.core import content

PLAN: dict[str, Any] = content.item("actionplan/plan")
EVALUATION: dict[str, Any] = content.item("actionplan/evaluation")
CHALLENGES: list[dict[str, Any]] = [entry.data for entry in content.items("actionplan/challenges")]
ACTIONS: list[dict[str, Any]] = [
    {**action, "challenge": challenge["number"]}
    for challenge in CHALLENGES
    for action in challenge["actions"]
]
SPEARHEADS: list[dict[str, Any]] = [entry.data for entry in content.items("actionplan/spearheads")]
