"""Hamiltonians and baths of the papers' models, each stating its normalisation."""
