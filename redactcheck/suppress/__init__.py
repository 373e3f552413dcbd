"""Suppression: what a reviewer has said need not be reported again."""
