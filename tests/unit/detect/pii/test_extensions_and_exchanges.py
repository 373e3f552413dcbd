"""An office extension written as x and its digits, an area code before an exchange name, and
a lettered avenue (invented names and values). Dimensions, years, codes and prose stay quiet."""

from __future__ import annotations


def _phones(contacts, text: str) -> list[str]:
    return [t for e, t in contacts(text) if e == "PHONE_NUMBER"]


def _addresses(contacts, text: str) -> list[str]:
    return [t for e, t in contacts(text) if e == "STREET_ADDRESS"]


def test_x_extension_in_memos_drafting_and_orig_lines(contacts):
    memo = (
        "Questions may be put to Ivo Penn on x2415 or to Ada Morrow, x-3318.\n"
        "ORIG: XY/OPS (KESTREL X1492) COORD: XY/Z (ALDER)\n"
        "XY/OPS/IPenn:kl/x30417 (4 May 96)\n"
        "C/XY/Z, 2B41, Hqs., x 6152\n"
    )
    assert _phones(contacts, memo) == ["x2415", "x-3318", "X1492", "x30417", "x 6152"]


def test_x_between_numbers_years_and_codes_is_no_extension(contacts):
    text = (
        "The frame is 8 x 1200 lines; the 4x4000 tires wore out.\n"
        "Annex X 1964, the list of codes AX1234 and XY-X1234.\n"
        "The reel x123456 and the noise x1234÷e were read.\n"
    )
    assert _phones(contacts, text) == []


def test_area_code_before_an_exchange_name(contacts):
    text = (
        "Telephone 212-KEstrel 5-0134. He may be called at phone #713-AL-4-0158,\n"
        "or (301) Alder 4-5512 after six.\n"
    )
    assert _phones(contacts, text) == [
        "212-KEstrel 5-0134",
        "713-AL-4-0158",
        "(301) Alder 4-5512",
    ]


def test_months_document_words_and_201_files_after_three_digits_stay_quiet(contacts):
    text = "File 212-May 3-1963 was read; file 201-AB 1-1234 and the 410-Section 3-1234 rule.\n"
    assert _phones(contacts, text) == []


def test_lettered_avenue_with_its_town(contacts):
    text = (
        "Ivo Penn, 411 Ave. F., Millbrook, Texas, was seen.\n"
        "The lab at 2210 Avenue E East, Fairview,\nTexas, closed.\n"
        "In 1962 Avenue B, the market, grew; 4410 Avenue K was busy.\n"
    )
    assert _addresses(contacts, text) == [
        "411 Ave. F., Millbrook, Texas",
        "2210 Avenue E East, Fairview,\nTexas",
    ]
