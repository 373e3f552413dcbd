"""Markings: the YAML rules (behind the keyword gate), OCR-damaged markings in banner position,
and document-level structure checks."""
