"""Operators on (C^2)^n: exact Pauli-string algebra and sparse numeric matrices."""
