"""Lindblad master equations: Liouvillians, vectorisation, steady states."""
