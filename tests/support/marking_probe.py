"""A synthetic probe of the marking and contact shapes that real scanned records carry (issue 17):
OCR-damaged banner words, OCR forms of portion marks, old control markings, sensitivity
indicators, authority lines, release stamps, fax-header and damaged phone numbers, private
letterhead addresses; and the prose, headings and office addresses that must stay quiet.

Every text here is invented. ``[[...]]`` marks a span a reviewer must see (label after ``|``
when it is not MARKING: ``[[212 555 0134|CONTACT]]``); ``{{...}}`` marks a span that must not
be reported. A case with no ``[[`` is a trap: no finding of its label may appear (only on its
``{{...}}`` spans when it has some). ``python tests/support/marking_probe.py`` prints what is
missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"(\[\[|\{\{)(.+?)(?:\|(MARKING|CONTACT))?(?:\]\]|\}\})", re.DOTALL)


@dataclass(frozen=True)
class Case:
    kind: str
    text: str  # without the [[ ]] markup
    spans: tuple[tuple[int, int, str], ...]  # (start, end, label)
    trap_label: str = ""  # for a trap: the label that must not be reported
    forbidden: tuple[tuple[int, int], ...] = ()  # a trap's spans that must not be reported

    @property
    def ident(self) -> str:
        return f"{self.kind}:{self.text[:40]!r}"


def _parse(kind: str, raw: str, trap_label: str = "") -> Case:
    out, spans, forbidden, pos = [], [], [], 0
    for m in _MARK.finditer(raw):
        out.append(raw[pos : m.start()])
        start = sum(len(p) for p in out)
        out.append(m.group(2))
        if m.group(1) == "{{":
            forbidden.append((start, start + len(m.group(2))))
        else:
            spans.append((start, start + len(m.group(2)), m.group(3) or "MARKING"))
        pos = m.end()
    out.append(raw[pos:])
    return Case(kind, "".join(out), tuple(spans), trap_label, tuple(forbidden))


# A page of an invented scanned memo: the banner slot is filled with each damaged form.
_PAGE = (
    "{top}\n\n"
    "MEMORANDUM FOR: Chief, Records Branch\n"
    "SUBJECT: Travel of the survey team to Port Elwin\n\n"
    "1. The team left on 4 May and reached the harbour two days later. The\n"
    "weather held and the soundings were finished on time.\n\n"
    "2. No further action is needed at this office.\n\n"
    "{bottom}\n"
)

_BANNER_FORMS = [
    # damaged SECRET
    "SEGRET",
    "SRCRET",
    'SEG "ET',
    "S-E-C-R~E-T",
    "s ECRET",
    "SECRFT",
    "SFCRET",
    "5EGRE7",
    "SE CRET",
    "SEC RET",
    "SECR ET",
    "S ECRET",
    "SEGRE T",
    "SECRE'T",
    "SEC-RET",
    "$ECRET",
    "SBCRET",
    "SECKET",
    "SEORET",
    "SEGKET",
    "SECRET.",
    "-SECRET-",
    "SEC\u201dET",
    "SE(RET",
    # damaged CONFIDENTIAL
    "CONF MENTIAL",
    "COW IDENTIAL",
    "CON\u201d NTIAL",
    "CONFIDENTLAL",
    "C0NFIDENTIAI",
    "CONFIDEN TIAL",
    "CONFI DENTIAL",
    "COMFIDENTIAL",
    "CONFIDFNTIAL",
    "ONFIDENTIAL",
    "CONFIDENTIA",
    "GONFIDENTIAL",
    "CONFTDENTTAL",
    "CON FIDEN TIAL",
    "CONFIDENT IAL",
    "C O N F I D E N T I A L",
    "CONFI- DENTIAL",
    "CONFLDENTLAL",
    "CONFIBENTIAL",
    # damaged UNCLASSIFIED
    "sU CLASSIFIED",
    "UNCLASSIFIEO",
    "UNCLASS IFIED",
    "UNGLASSIFIED",
    "NCLASSIFIED",
    "UNCLASSIF1ED",
    "UNCLAS SIFIED",
    "WNCLASSIFIED",
    "UNCLASSTFIED",
    "UMCLASSIFIED",
    # damaged TOP SECRET
    "TOP SEGRET",
    "TOP SECRE T",
    "T0P SECRET",
    "TOPSECRET",
    "TOP SECKET",
    "TUP SECRET",
]

# where the banner stands on the line: alone, with a page number, after a box edge, indented
_BANNER_SLOTS = ["{w}", "   {w}   ", "{w}  14", "| {w} |", "~ {w}", "{w}\n- 2 -"]


def _banner_cases() -> list[Case]:
    cases = []
    for i, form in enumerate(_BANNER_FORMS):
        slot = _BANNER_SLOTS[i % len(_BANNER_SLOTS)]
        top = slot.replace("{w}", f"[[{form}]]")
        bottom = _BANNER_SLOTS[(i + 3) % len(_BANNER_SLOTS)].replace("{w}", f"[[{form}]]")
        cases.append(_parse("banner", _PAGE.format(top=top, bottom=bottom)))
        # the same page where only the top slot is damaged, the bottom clean: page evidence
        cases.append(_parse("banner-1", _PAGE.format(top=top, bottom="")))
    # a word cut short or turned into another word ("EGRET"): a banner only where the same
    # document prints the level clearly elsewhere (page evidence)
    for i, (form, clean) in enumerate(_TRUNCATED):
        slot = _BANNER_SLOTS[i % len(_BANNER_SLOTS)].replace("{w}", f"[[{form}]]")
        cases.append(_parse("banner-cut", _PAGE.format(top=slot, bottom=f"[[{clean}]]")))
    return cases


_TRUNCATED = [
    ("EGRET", "SECRET"),
    ("ECRET", "SECRET"),
    ("SECRE", "SECRET"),
    ("ECRE T", "SECRET"),
    ("SEGRE", "SECRET"),
    ("ONFIDENTIA", "CONFIDENTIAL"),
    ("NCLASSIFIE", "UNCLASSIFIED"),
    ("CONFIDEN", "CONFIDENTIAL"),
    ("REGRET", "SECRET"),
    ("SECRETS", "SECRET"),
]


# Portion marks in OCR forms, on a page that carries other, clean portion marks.
_PORTION_PAGE = (
    "SECRET\n\n"
    "1. (S) The station reported the meeting of 3 June.\n\n"
    "2. {mark} The visitor asked about the harbour works.\n\n"
    "3. (C) A second meeting is planned.\n\n"
    "SECRET\n"
)
_PORTION_FORMS = [
    "(0)",
    "{U)",
    "(U]",
    "(U}",
    "[U)",
    "(O)",
    "{S)",
    "(S]",
    "(C}",
    "[C)",
    "(U )",
    "( U)",
    "(S )",
    "(TS]",
    "{TS)",
    "(C/NF]",
    "(S//NF}",
    "(0//FOUO)",
]


def _portion_cases() -> list[Case]:
    out = []
    for form in _PORTION_FORMS:
        out.append(_parse("portion", _PORTION_PAGE.format(mark=f"[[{form}]]")))
        # without a paragraph number
        page = _PORTION_PAGE.replace("2. {mark}", "{mark}")
        out.append(_parse("portion-nonum", page.format(mark=f"[[{form}]]")))
    return out


#: Older agency memoranda mark each paragraph at its end, after its last sentence.
_TRAILING_PAGE = (
    "MEMORANDUM FOR THE RECORD\n\n"
    "The reviewers read the draft chapter in full. {mark}\n\n"
    "Two passages name the liaison service. (C)\n\n"
    "The remaining text may be released. (U)\n"
)
_TRAILING_FORMS = ["(U)", "(C)", "(S)", "(UL", "(UX)", "(U]", "(C|", "(S1"]


def _trailing_cases() -> list[Case]:
    out = []
    for form in _TRAILING_FORMS:
        out.append(_parse("portion-end", _TRAILING_PAGE.format(mark=f"[[{form}]]")))
    # the first mark of a page, alone: only the clean and capital forms
    out.append(_parse("portion-end-1", "The officer left on Monday. [[(UX)]]\n\nNothing else.\n"))
    return out


#: The level a record prints as a banner, again on a stamp line OCR ran noise onto.
_REPEAT_PAGE = "SECRET\n\nThe convoy left at noon on the fourth.\n\n{line}\n\nThe rest follows.\n"
_REPEAT_LINES = [
    "[[SECRET]] onue |",
    "i ee [[SECRET]] tiue",
    "To: Field Office, Dover (62-4410) [[SECRET]] eiu",
    "[[Secret]].",
    "[[SECRET]] FURTHER HANDLING OF THIS REPORT IS CONTROLLED",
]


def _repeat_cases() -> list[Case]:
    return [_parse("repeat-level", _REPEAT_PAGE.format(line=line)) for line in _REPEAT_LINES]


_CONTROL_FORMS = [
    "NO FOREIGN DISSEM",
    "NO FOREIGN DISSEN",
    "NO FOREIGN DIS SEM",
    "NOFOREIGN DISSEM",
    "NO FOREIGN\nDISSEM",
    "NO FORE IGN DISSEM",
    "NO FOREIGM DISSEM",
    "NO FORIGN DISSEM",
    "NQ FOREIGN DISSFM",
    "N0 F0REIGN DISSEM",
    "NO FOREIGN DISSEM/BACKGROUND USE ONLY",
    "BACKGROUND USE ONLY",
    "BACKGROUND USE 0NLY",
    "BACKGROUN D USE ONLY",
    "BACKGROUND USF ONLY",
    "BACKCROUND USE ONLY",
    "BACK GROUND USE ONLY",
    "BACKGROUND\nUSE ONLY",
    "NO DISSEM ABROAD",
    "NO DISSEM ABRO AD",
    "NO DISSEN ABROAD",
    "NO DISSEM ABROAO",
    "NO DISSEM\nABROAD",
    "NO LOCAL DISSEM",
    "NO LOCAL DISSFM",
    "NO LOCA L DISSEM",
    "RESTRICTED HANDLING",
    "RESTRICTED HANDL ING",
    "RESTRTCTED HANDLING",
    "CONTROLLED DISSEM",
    "CONTROLLED DISSFM",
    "NO FOREIGN DISSEM.",
]


def _control_cases() -> list[Case]:
    out = []
    for i, form in enumerate(_CONTROL_FORMS):
        if i % 3 == 0:
            raw = f"SECRET\n[[{form}]]\n\nSUBJECT: Harbour survey\n\n1. The team left on time.\n"
        elif i % 3 == 1:
            raw = (
                f"CONFIDENTIAL  [[{form}]]\n\nThe team reached the harbour and the soundings\n"
                "were finished.\n"
            )
        else:
            raw = f"Report No. 4412\n\n[[{form}]]\n\nThe team reached the harbour on 5 May.\n"
        out.append(_parse("control", raw))
    return out


_CAPTION_FORMS = [
    "LIMDIS",
    "L I M D I S",
    "LIMD IS",
    "LIMDTS",
    "LTMDIS",
    "LIMDI5",
    "L1MDIS",
    "NODIS",
    "N0DIS",
    "EXDIS",
    "EXD1S",
    "NOFORN",
    "N0FORN",
    "NOF0RN",
    "NOFORM",
    "ORCON",
    "0RCON",
    "WNINTEL",
    "WNTNTEL",
    "WN1NTEL",
]


def _caption_cases() -> list[Case]:
    out = []
    for form in _CAPTION_FORMS:
        out.append(_parse("caption", f"CONFIDENTIAL [[{form}]]\n\nThe talks resumed on 4 May.\n"))
        out.append(_parse("caption-own-line", f"SECRET\n[[{form}]]\n\nThe talks resumed.\n"))
    return out


_SLUG_LINES = [
    "SLUGS: [[RYBAT WNINTEL]]",
    "SENSIND: [[RYBAT]]",
    "SLUGS : [[RYBAT WNINTEL GPFLOOR]]",
    "SLUGS: [[RYBAT WNTNTEL]]",
    "SENS IND: [[RYBAT]]",
    "SLUGS:[[WNINTEL RYBAT]]",
    "SLUG: [[RYBAT]] [[WNINTEL]]",
    "SENSIND : [[WNINTEL]]",
    "  SLUGS: [[RYBAT]] PBRUMEN",
    "[[RYBAT]]",
    "[[RYBAT]] [[WNINTEL]] TYPIC",
    "SLUGS: [[RYBAI]]",
    "SLUGS: [[R YBAT]]",
]


def _slug_cases() -> list[Case]:
    out = []
    for line in _SLUG_LINES:
        out.append(
            _parse("slug", f"SECRET\n\nDIR 41203\n{line}\nREF: DIR 41112\n\n1. The asset met.\n")
        )
    return out


_AUTHORITY_LINES = [
    "[[E-2 IMPDET]]",
    "[[E 2 IMPDET]]",
    "[[E2 IMPDET]]",
    "[[E-2 IMPDET CL BY 012345]]",
    "[[E-2 IMP DET]]",
    "[[E-2 IMPDFT]]",
    "[[IMPDET CL BY 054321]]",
    "[[CL BY 012345]]",
    "[[CL BY: 054979]]",
    "[[CL BY 0O5432]]",
    "[[CL. BY 012345]]",
    "[[CL BY  098765]]",
    "[[E-2, IMPDET]]",
    "[[E2IMPDET]]",
    "[[E-2 IMPDET.]]",
    "[[Z, IMPDET CL BY 054321]]",
    "RELEASING OFFICER [[SECRET]] - AUTHENTICATING OFFICER",
    "REPORT CLASS [[$ E C RE T]]-WARNING NOTICE",
    "NEPORT CLASS [[S E GR E T]] NO FOREIGN DISSEM",
]


def _authority_cases() -> list[Case]:
    out = []
    for line in _AUTHORITY_LINES:
        out.append(
            _parse("authority", f"SECRET\n\n1. The asset met the officer.\n\n{line}\n\nSECRET\n")
        )
    return out


_STAMPS = [
    "[[CIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR RELEASE OF THIS DOCUMENT]]",
    "[[CIA HAS NO OBJECTION TO DECLASSIFICATION\nAND/OR RELEASE OF THIS DOCUMENT]]",
    "[[CIA HAS NO OBJECTION TO\nDECLASSIFICATION AND/OR\nRELEASE OF THIS DOCUMENT]]",
    "[[CIA HAS NO OBJECTI0N TO DECLASSIFICATION AND/OR RELEASE OF THIS DOCUMENT]]",
    "[[CIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR RELEASE OF CIA INFORMATION IN"
    " THIS DOCUMENT]]",
    "[[C1A HAS NO OBJECTION TO DECLASSIFICATION]]",
    "[[AS SANITIZED]]",
    "[[RELEASE AS SANITIZED]]",
    "([[RELEASE AS SANITIZED]])",
    "[[AS SAN1TIZED]]",
    "[[RELEASED AS SANITIZED 1998]]",
    "[[AS SANITISED]]",
    "[[2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992]]",
    "[[2025 RELEASE UNDER THE PRESIDENT JOHN F.\nKENNEDY ASSASSINATION RECORDS ACT OF 1992]]",
    "[[2025 RELEASE UNDER THE PRESIDENT\nJOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992]]",
    "[[2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY\nASSASSINATION RECORDS ACT OF 1992]]",
    "[[2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION\nRECORDS ACT OF 1992]]",
    "[[2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS\nACT OF 1992]]",
    "[[2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF\n1992]]",
    "[[2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASS1NATION RECORDS ACT OF 1992]]",
]


def _stamp_cases() -> list[Case]:
    return [
        _parse("release", f"Harbour survey, page 3\n\n{stamp}\n\nThe soundings were done.\n")
        for stamp in _STAMPS
    ]


_NOTICES = [
    "[[WARNING NOTICE - SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED]]",
    "[[WARNING NOTICE\nSENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED]]",
    "[[WARNING NOTICE - SENSITIVE INTELLIGENCE SOURCES\nAND METHODS INVOLVED]]",
    "[[WARNING NOTICE -- SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED]]",
    "[[WARNING NOTICE: SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED]]",
    "[[WARNING NOTICE - SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED]]",
    "[[WARNING NOTICE - SENSITIVE INTELL1GENCE SOURCES AND METH0DS INVOLVED]]",
    "[[WARNING NOTICE SENSITIVE SOURCES AND METHODS INVOLVED]]",
    "[[DISSEMINATION AND EXTRACTION OF INFORMATION CONTROLLED BY ORIGINATOR]]",
    "[[DISSEMINATION AND EXTRACTION OF INFORMATION\nCONTROLLED BY ORIGINATOR]]",
    "[[DISSEMINATION AND EXTRACTION OF INFORMATION CONTROLLED BY ORIGINATOR (ORCON)]]",
    "[[DISSEMINATION AND EXTRACTION OF INFORMATI0N CONTROLLED BY ORIGINAT0R]]",
    "[[CLASSIFIED BY 012345 EXEMPT FROM GENERAL DECLASSIFICATION SCHEDULE OF E.O."
    " 11652 EXEMPTION CATEGORY 5B(2) AUTOMATICALLY DECLASSIFIED ON IMPOSSIBLE TO DETERMINE]]",
    "[[EXEMPT FROM GENERAL DECLASSIFICATION SCHEDULE OF E.O. 11652]]\n[[EXEMPTION CATEGORY 5B(2)]]",
    "[[EXEMPT FROM GENERAL DECLASSIFICATION\nSCHEDULE OF E. O. 11652 EXEMPTION"
    " CATEGORY:\n5B(1), (2), (3) or (4)]]",
    "[[EXEMPT FROM GDS, CATEGORY 3]]",
    "[[EXEMPTION CATEGORY 5B (2)]]",
    "[[NO LOCAL DISSEM]]",
    "[[WARNING NOTICE]] PAGE 1 OF 4 PAGES\n[[SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED]]",
    "[[WARNING NOTICE]]\nSTATE/INR DIA\n[[SENS1TIVE INTELLIGENCE SOURCES AND METH0DS INVOLVED]]",
    "[[RETURN TO CIA]]\n[[Background Use Only]]\n[[Do Not Reproduce]]",
    "[[RETURNTO CIA]]\n- [[nd Use Only]]\n~ [[Ba Not Reproduce]]",
    "[[Personal and Confidential]]\n\nThe Honorable A. Roe",
    "[[CIA HAS NO OBJECTION TO\n\nDECLASSIFICATION AND/OR\n\nRELEASE OF THIS DOCUMENT]]",
    "[] [[UNCLASSIFIED]] [] [[Confidential]] [x] [[SECRET]]",
]


def _notice_cases() -> list[Case]:
    return [
        _parse("notice", f"SECRET\n\n{notice}\n\n1. The team met the source on 4 May.\n")
        for notice in _NOTICES
    ]


_REL_PORTIONS = [
    "[[(S//REL CHINA, AFGHANISTAN,\nPAKISTAN)]] The talks went on.",
    "[[(S//REL TO USA, AUS,\nCAN, GBR, NZL)]] The talks went on.",
    "[[(C//REL AFGHANISTAN,\nCHINA)]] The talks went on.",
    "3. [[(S//REL CHINA, AFGHANISTAN,\nPAKISTAN, INDIA)]] The talks went on.",
    "3. [[(S//REL CHINA,\nAFGHANISTAN)]] The talks went on.",
    "[[(S/REL CHINA, AFGHANISTAN,\nPAKISTAN)]] The talks went on.",
    "[[(S//REL TO USA, ISAF,\nNATO)]] The talks went on.",
    "The minister agreed. [[(S//REL CHINA, AFGHANISTAN,\nPAKISTAN)]]",
]


def _rel_cases() -> list[Case]:
    return [
        _parse("rel", f"[[SECRET//REL TO USA, ISAF]]\n\n{p}\n\n[[SECRET]]\n") for p in _REL_PORTIONS
    ]


_ARRB = [
    "AGENCY : CIA\nRECORD NUMBER : 104-10000-10001\n\nDOCUMENT TYPE : PAPER, TEXTUAL DOCUMENT\n"
    "CLASSIFICATION : [[SECRET]]\nRESTRICTIONS : [[1B]]\nCURRENT STATUS : RELEASED IN PART\n",
    "DOCUMENT TYPE : PAPER, TEXTUAL DOCUMENT\nCLASSIFICATION : [[SECRET]]\n"
    "RESTRICTIONS : [[4]]\nCURRENT STATUS : RELEASED WITH DELETIONS\n",
    "DOCUMENT TYPE :\nCLASSIFICATION :\nRESTRICTIONS :\nCURRENT STATUS :\n\n"
    "PAPER, TEXTUAL DOCUMENT\n[[SECRET]]\n[[1B]]\nRELEASED IN PART\n",
    "CLASSIFICATION : [[CONFIDENTIAL]]\nRESTRICTIONS : [[1B; 1C]]\nCURRENT STATUS :"
    " POSTPONED IN FULL\n",
    "CLASSIFICATION: [[TOP SECRET]]\nRESTRICTIONS: [[1A, 4]]\nCURRENT STATUS: REDACT\n",
    "PAPER, TEXTUAL DOCUMENT\n[[Secret]]\n\n[[4]]\n\nRedact\n",
    "CLASSIFICATION : [[UNCLASSIFIED]]\nRESTRICTIONS : OPEN IN FULL\n",
    "DOCUMENT TYPE : MEMORANDUM\n\nCLASSIFICATION : [[S]]\n\nRESTRICTIONS\n",
]


def _arrb_cases() -> list[Case]:
    return [_parse("arrb", f"JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n\n{t}") for t in _ARRB]


_PHONES = [
    "FROM: KESTREL SUPPLY CO   [[212 555 0134|CONTACT]]   P.01",
    "FAX [[212 555 0134|CONTACT]]",
    "TO: Records Office  FAX: [[301 555 0198|CONTACT]]  PAGE 1 OF 3",
    "Jun 04 '97 10:12  [[212 555 0134|CONTACT]]  P.02",
    "KESTREL SUPPLY  [[212 555 0134|CONTACT]]  TO  [[301 555 0198|CONTACT]]  P.01/03",
    "Tel: [[212 55( 0134|CONTACT]]",
    "Tel: [[212 555 =134|CONTACT]]",
    "Telephone [[(212) 5(5-0134|CONTACT]]",
    "PHONE [[212-555-O134|CONTACT]]",
    "Fax: [[212 555 0l34|CONTACT]]",
    "Tel. [[2l2.555.0134|CONTACT]]",
    "TEL [[212 555 01=4|CONTACT]]",
    "phone: [[(212)555-0134|CONTACT]]",
    "Tel [[212 555-0134|CONTACT]]  Fax [[212 555-0135|CONTACT]]",
    "SENT BY: KESTREL SUPPLY ; [[212 555 0134|CONTACT]]; JUN-04-97 10:12; PAGE 2",
    "TELEPHONE: [[212/555-0134|CONTACT]]",
    "FAX NO. [[212 555 0134|CONTACT]]",
    "Tel.: [[212 555 (134|CONTACT]]",
    "He can be reached at the following number: [[472-6093|CONTACT]].",
    "call the office at [[483-5519|CONTACT]] before noon",
    "Telephone [[586-5011|CONTACT]]",
]

_ADDRESSES = [
    "KESTREL SUPPLY CO.\n[[P.O. BOX 4412\nFAIRVIEW, OHIO 44122|CONTACT]]\n\nDear Sir:",
    "KESTREL SUPPLY CO.\n[[4410 BRANDT AVENUE\nFAIRVIEW, OH 44122|CONTACT]]\n\nDear Sir:",
    "HALVERSON & DUNE, ATTORNEYS AT LAW\n[[1200 ELM STREET, SUITE 400\nPORTLAND,"
    " OREGON 97201|CONTACT]]\n",
    "MARLOWE ENGINEERING INC\n[[POST OFFICE BOX 88\nGREENVALE, NY 11548|CONTACT]]\n",
    "ALDER TRADING COMPANY\n[[P. O. BOX 1021 • DAYTON, OHIO 45401|CONTACT]]\n",
    "Mr. Tobin Hale\n[[27 Orchard Lane\nSpringdale, Arkansas 72764|CONTACT]]\n\nDear Mr. Hale:",
    "ALDER TRADING COMPANY\n[[315 WEST MAIN ST.\nDAYTON OH"
    " 45402|CONTACT]]\nTELEPHONE 937 555 0101\n",
    "BRIGHTWATER FOUNDATION\n[[P.O. BOX 77, SANTA FE, NEW MEXICO 87501|CONTACT]]\n",
    "FERNHILL PRESS\n[[9 HARBOR ROAD\nMYSTIC, CONNECTICUT 06355|CONTACT]]\n",
    "Mrs. Ada Morrow\n[[Route 2, Box 41\nHollis, Oklahoma 73550|CONTACT]]\n",
]

# Office addresses of public bodies: a reviewer releases them.
_OFFICE_ADDRESSES = [
    "DEPARTMENT OF STATE\nWASHINGTON, D.C. 20520\n\nDear Mr. Hale:",
    "CENTRAL INTELLIGENCE AGENCY\nWASHINGTON, D.C. 20505\n\nDear Requester:",
    "FEDERAL BUREAU OF INVESTIGATION\nWASHINGTON, D. C. 20535\n",
    "UNITED STATES DEPARTMENT OF JUSTICE\nOFFICE OF INFORMATION POLICY\n"
    "SUITE 11050\n1425 NEW YORK AVENUE, NW\nWASHINGTON, DC 20530-0001\n",
    "NATIONAL ARCHIVES AND RECORDS ADMINISTRATION\n8601 ADELPHI ROAD\n"
    "COLLEGE PARK, MD 20740-6001\n",
    "Embassy of the United States of America\nP.O. Box 1012\nSpringfield, VA 22150\n",
    "U.S. ARMY INTELLIGENCE AND SECURITY COMMAND\nFREEDOM OF INFORMATION OFFICE\n"
    "4552 PIKE ROAD\nFORT MEADE, MD 20755-5995\n",
]


def _contact_cases() -> list[Case]:
    out = [_parse("phone", f"{t}\n\nThe order was shipped on 4 May.\n") for t in _PHONES]
    out += [_parse("address", t) for t in _ADDRESSES]
    out += [_parse("office-address", t, "CONTACT") for t in _OFFICE_ADDRESSES]
    return out


# Prose and headings that look like the shapes above and are none.
_TRAPS = [
    "The secret was kept for years.\n\nSECTOR 4\n\nThe harbour works went on.\n",
    "EGRET\n\nThe great egret nests in the marsh beside the harbour.\n",
    "REGRET\n\nWe regret that the meeting was cancelled.\n",
    "SECURE\nThe line was secure.\n",
    "SECRETS OF THE HARBOUR\n\nA history of the port.\n",
    "SECRET SERVICE\n\nThe agents arrived at noon.\n",
    "SCREEN 4\n\nThe film ran late.\n",
    "SACRED HEART\n\nThe school opened in 1920.\n",
    "CONFIDENT\n\nThe team was confident.\n",
    "CONFERENCE ROOM\n\nThe talks were held there.\n",
    "CONTINENTAL\n\nThe airline flew twice a week.\n",
    "SPECIAL\n\nA special meeting was called.\n",
    "SEC. 4\n\nThe section applies to all staff.\n",
    "SECTION 2\n\nThe rules follow.\n",
    "SUBJECT\n\nThe subject was the harbour.\n",
    "SELECT\n\nPick one of the options.\n",
    "STREET\n\nThe street was closed.\n",
    "SCRIPT\n\nThe script was read aloud.\n",
    "SECOND\n\nThe second meeting was shorter.\n",
    "CORRECT\n\nThe figures were correct.\n",
    "SERGEANT\n\nThe sergeant reported.\n",
    "CONFIDENTIALITY\n\nThe agreement covers confidentiality.\n",
    "CLASSIFIED ADS\n\nThe paper ran classified ads for jobs.\n",
    "1. Buy eggs (0) and milk.\n2. Pay the bill.\n",
    "Results (0) were flat; (1) was higher.\n",
    "The values {U) and (U] are typos in this note.\n",
    "Select the item(s) you need.\n",
    "The scores were (5) and (6) respectively.\n",
    "NO FOREIGN AID WAS GIVEN\n\nThe budget was cut.\n",
    "BACKGROUND\n\nThe project began in 1990.\n",
    "FOREIGN AFFAIRS\n\nThe journal appeared quarterly.\n",
    "RESTRICTED AREA\n\nKeep out.\n",
    "The slugs ate the lettuce in the garden.\n",
    "SLUGS AND SNAILS\n\nA guide for gardeners.\n",
    "CLOSE BY THE HARBOUR\n\nThe inn stands there.\n",
    "Class 4 students went home early.\n",
    "E-2 visa holders may apply.\n",
    "THIS FORM FOR USE BY AUTHORIZED RESTRICTED HANDLING MESSAGE USERS ONLY\n",
    "A WARNING NOTICE WAS POSTED AT THE GATE\n",
    "Please return to CIA the forms you borrowed.\n",
    "Our talks were personal and confidential.\n",
    "File number: 100-3568 was opened in May.\n",
    "CLASSIFICATION : X\n",
    "CLASSIFICATION SECTION CHIEF\n",
    "REPORT CLASS SCHEDULE FOR MAY\n",
    "Table 2, IMPDETAIL column\n",
    "WARNING: wet floor.\n",
    "The warning notice was posted on the door.\n",
    "The museum has no objection to the loan.\n",
    "AS SANITARY CONDITIONS IMPROVED\n\nThe town grew.\n",
    "RELEASE NOTES\n\nVersion 4 fixes the printer.\n",
    "Call the office at extension 4412 before noon.\n",
    "The order number is 212 555 0134 7789 and the lot 44.\n",
    "The census counted 1 200 345 6789 records.\n",
    "1. (S) The port closed.\n2. (C) Ships waited.\n{{(5)}} The fifth item.\n{{(u)}}"
    " A list label.\n",
    "The delegation flew home. (US)\n\nTalks resume in May. (UK)\n",
    "The vote was taken. (s)\n\nNo marks on this page.\n",
    "SECRET\n\n{{SECRET}} SERVICE AGENTS ARRIVED AT NOON\n",
    "SECRET\n\nTHE PLAN WAS {{SECRET}} TOO\n",
    "CONFIDENTIAL\n\n{{CONFIDENTIAL}} INFORMANT ADVISED ON 4 MAY\n",
    "Memo of 4 May\n\nSECRET onue |\n\nThe convoy left.\n",
]


def _trap_cases() -> list[Case]:
    out = []
    for t in _TRAPS:
        label = "CONTACT" if re.search(r"\d{3}[- ]\d{3,4}", t) else "MARKING"
        out.append(_parse("trap", t, label))
    return out


def cases() -> list[Case]:
    return (
        _banner_cases()
        + _portion_cases()
        + _trailing_cases()
        + _repeat_cases()
        + _control_cases()
        + _caption_cases()
        + _slug_cases()
        + _authority_cases()
        + _stamp_cases()
        + _notice_cases()
        + _rel_cases()
        + _arrb_cases()
        + _contact_cases()
        + _trap_cases()
    )


if __name__ == "__main__":
    import sys
    from collections import Counter

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
    from probe_run import run

    run(cases(), verbose="-v" in sys.argv, counter=Counter, names="--no-names" not in sys.argv)
