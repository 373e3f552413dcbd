"""Synthetic documents for the review-workflow tests (made-up people, places and offices)."""

MEMO = """SECRET//NOFORN

MEMORANDUM FOR THE DEPUTY DIRECTOR, OFFICE OF COASTAL PLANNING

FROM: Ingrid Valcourt-Maro, Programme Lead

SUBJECT: (U) Schedule for the Westmere breakwater survey

1. (S) The survey team under Desmond Achterberg will reach Westmere on 3 May.
Achterberg asked that the team roster not be circulated.

2. (U) Questions go to the programme office.

Classified By: Ingrid Valcourt-Maro, Programme Lead
Declassify On: 20501231

SECRET//NOFORN
"""

CABLE = """CONFIDENTIAL
ZNY CCCCC ZZH
R 041200Z MAY 25
FM EMBASSY NORTHPORT
TO SECSTATE WASHDC

C O N F I D E N T I A L SECTION 01 OF 01 NORTHPORT 000417

SIPDIS

E.O. 12958: DECL: 05/04/2045
SUBJECT: (C) HARBOUR MINISTER ROSALIND PEPPERDINE ON FERRY TARIFFS

1. (C) Minister Rosalind Pepperdine told the economic officer that tariffs will rise.

CONFIDENTIAL
"""
