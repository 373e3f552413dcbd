"""Personal data: names (Presidio + spaCy, name candidates and word lists, person rules,
refinement) and contacts (phone numbers, addresses)."""
