"""Detectors: each turns a text segment into findings."""
