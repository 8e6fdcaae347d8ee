"""Adapters that run ``cleaner`` inside other frameworks (each an optional extra)."""
