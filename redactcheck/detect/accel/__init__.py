"""Acceleration: what a regex guarantees (regex_facts, shared with the ReDoS check), the keyword
gate, and the Hyperscan/RE2 wrappers. Imports neither markings nor PII."""
