"""Rare-looking names probe: invented names whose letters the packaged lists make unlikely
(person_model_only drops such letters when only the model reads them as a name, once, on a bad
scan), from many naming traditions, in plain sentences in mixed case and in ALL-CAPS cable style.

Every name here is made up for this test (given names and surnames of many traditions, put
together at random and often respelled); the sentences are our own writing. A name counts as
found when a PERSON finding overlaps it. The letter test is asked only of spans nothing but the
model supports, alone in the document, amid debris: names in clean sentences stay found.
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.letter_model import letter_score
from redactcheck.document import Segment

pytestmark = pytest.mark.nlp

#: (sentence, name) pairs; the name appears once in its sentence.
PROBE = [
    ("The visa was issued to Niamh Ui Bhraonain on Friday.", "Niamh Ui Bhraonain"),
    ("Ambassador Tzvetomir Khrzhanovski called on the minister.", "Tzvetomir Khrzhanovski"),
    ("The cable quotes Dr. Xochiquetzal Ixtlahuac at length.", "Xochiquetzal Ixtlahuac"),
    ("Mr. Mkrtich Vardgesyan met the consul on Tuesday.", "Mkrtich Vardgesyan"),
    ("The letter was signed by Yevgeniya Shcherbatskaya.", "Yevgeniya Shcherbatskaya"),
    ("Colonel Tjahjo Wirjosoedarmo briefed the attache.", "Tjahjo Wirjosoedarmo"),
    ("Mrs. Nkechinyere Okwuosa-Ibekwe chaired the panel.", "Nkechinyere Okwuosa-Ibekwe"),
    ("The defector named Dzhokhar Tsagolov as his handler.", "Dzhokhar Tsagolov"),
    ("Professor Hrafnkell Thorgrimsdottir gave the lecture.", "Hrafnkell Thorgrimsdottir"),
    ("Minister Tupou Fakatava'alu greeted the delegation.", "Tupou Fakatava'alu"),
    ("The embassy was told that Kyrylo Pshenychnyi had left.", "Kyrylo Pshenychnyi"),
    ("Senator Aoibheann Mhic Giolla spoke against the bill.", "Aoibheann Mhic Giolla"),
    ("Mr. Przemyslaw Szczygielski delivered the documents.", "Przemyslaw Szczygielski"),
    ("Judge Mthokozisi Ngcobo-Zwane read the decision.", "Mthokozisi Ngcobo-Zwane"),
    ("The source described Qiuyue Zhvang as a courier.", "Qiuyue Zhvang"),
    ("Ms. Ahiga Tsinajinnie filed the complaint in March.", "Ahiga Tsinajinnie"),
    ("Dr. Gwenllian Pwllheli-Rhys examined the samples.", "Gwenllian Pwllheli-Rhys"),
    ("Captain Oyvind Kvalsvik commanded the vessel.", "Oyvind Kvalsvik"),
    ("The report cites Mr. Xhemal Gjokaj of the port authority.", "Xhemal Gjokaj"),
    ("General Batkhuyag Tsogtbaatar received the envoy.", "Batkhuyag Tsogtbaatar"),
    ("Mrs. Ngaire Whakaarohia-Tuhoe wrote to the council.", "Ngaire Whakaarohia-Tuhoe"),
    ("The pilot, Mr. Zdzislaw Wrzosek, landed at noon.", "Zdzislaw Wrzosek"),
    ("Dr. Chidubem Nwosu-Ezeh treated the injured clerk.", "Chidubem Nwosu-Ezeh"),
    ("Ambassador Tshilidzi Mphephu-Ramabulana arrived late.", "Tshilidzi Mphephu-Ramabulana"),
    ("Mr. Eyjolfur Hvannberg translated the statement.", "Eyjolfur Hvannberg"),
    ("The attache met Colonel Ruaidhri Mac Giolla Phadraig.", "Ruaidhri Mac Giolla Phadraig"),
    ("Mrs. Tlalli Cuauhtzin handed over the ledger.", "Tlalli Cuauhtzin"),
    ("Mr. Vukasin Mrkonjic-Djukic declined the invitation.", "Vukasin Mrkonjic-Djukic"),
    ("The envoy, Mr. Sqaliq Kuujjuaqtuk, flew north.", "Sqaliq Kuujjuaqtuk"),
    ("Dr. Phuoc Nghiem Quynh presented the findings.", "Phuoc Nghiem Quynh"),
    ("Minister Ebrima Njie-Sowe signed the accord.", "Ebrima Njie-Sowe"),
    ("Mr. Tsegaye Gebrekristos was named as the contact.", "Tsegaye Gebrekristos"),
]


def _found(scanner, text_of) -> list[str]:
    missed = []
    for sentence, name in PROBE:
        text = text_of(sentence)
        start = text.index(text_of(name))
        end = start + len(name)
        people = [f for f in scanner.name_detector.detect(Segment(text)) if f.entity == "PERSON"]
        if not any(f.start < end and f.end > start for f in people):
            missed.append(name)
    return missed


def test_the_probe_holds_letters_the_lists_make_unlikely():
    # the probe tests what it says only if its names would fail the letter test alone
    unlikely = [n for _, n in PROBE if min(letter_score(w) or 0 for w in n.split()) < -3.6]
    assert len(PROBE) >= 30 and len(unlikely) >= 20, unlikely


@pytest.mark.parametrize("casing", ["mixed", "caps"])
def test_rare_looking_names_are_found(scanner, casing):
    missed = _found(scanner, (lambda s: s) if casing == "mixed" else str.upper)
    assert len(missed) <= 1, f"{casing}: missed {missed}"
