"""A fixed sample of the synthetic OCR-damage probe (tests/support/ocr_damage.py): invented
records whose markings carry one to three OCR damages each. The marking steps must keep the
recall they reach per kind (a tolerance that regresses fails here), find every marking with
one damage, and report nothing on the invented prose and headings, clean or damaged.

Not timed. ``python bench/quality/ocr_damage.py`` prints the same figures on a larger draw.
"""

from __future__ import annotations

import pytest

from tests.support.ocr_damage import KINDS, records, score, traps

#: the draw: seed, records per kind and damage level (traps: per damage level)
SEED, PER, TRAPS = 7, 5, 6
#: damaged markings found per kind in that draw of damage model 1 (of 15; banner: of 30, top
#: and foot), as reached when the probe was added, raised since (control, slug: 2026-12-07,
#: specks, splits and lower case read in slug lines, E2 IMPDET and CL BY; control, caption,
#: release: 2026-12-07, ninth sitting, two edits where a caption or a short stamp is its whole
#: line). A five-letter caption piece one edit from an English word stays missed.
REACHED = {
    "banner": 29,
    "banner-alone": 14,
    "control": 12,
    "caption": 8,
    "slug": 15,
    "authority": 12,
    "release": 14,
    "notice": 14,
}
#: the same draw damaged by model 2 (a capital read as another letter's lower case,
#: typographic specks: tests/support/ocr_damage.py), as reached when model 2 was added
#: (control, caption, release raised in the ninth sitting)
REACHED_MODEL_2 = {
    "banner": 29,
    "banner-alone": 15,
    "control": 13,
    "caption": 9,
    "slug": 15,
    "authority": 13,
    "release": 11,
    "notice": 13,
}


@pytest.fixture(scope="module")
def probe():
    return score(records(SEED, PER, model=1), traps(SEED, TRAPS, model=1))


@pytest.fixture(scope="module")
def probe_model_2():
    return score(records(SEED, PER, model=2), traps(SEED, TRAPS, model=2))


@pytest.mark.parametrize("kind", KINDS)
def test_damaged_markings_are_found_as_often_as_before(probe, kind):
    found, total, _, _ = probe
    assert sum(found[kind, lv] for lv in (1, 2, 3)) >= REACHED[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_markings_damaged_by_model_2_are_found_as_often_as_before(probe_model_2, kind):
    found, total, false, _ = probe_model_2
    assert sum(found[kind, lv] for lv in (1, 2, 3)) >= REACHED_MODEL_2[kind]
    assert found[kind, 1] == total[kind, 1]  # every marking with one damage
    assert sum(false.values()) == 0


#: kinds with a marking of one damage still missed (strict xfail: a fix must remove it here).
#: None since 2026-12-07: the slug-line rule reads a token with a speck inside ("R~BAT").
ONE_DAMAGE_MISSED: set[str] = set()


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(k, marks=[pytest.mark.xfail(strict=True)] if k in ONE_DAMAGE_MISSED else [])
        for k in KINDS
    ],
)
def test_every_marking_with_one_damage_is_found(probe, kind):
    found, total, _, _ = probe
    assert found[kind, 1] == total[kind, 1]


def test_prose_and_headings_clean_or_damaged_raise_no_marking(probe):
    _, _, false, records_per_level = probe
    assert sum(records_per_level.values()) == 4 * TRAPS
    assert sum(false.values()) == 0
