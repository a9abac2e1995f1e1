"""Quasi-local conserved charges of the XXZ chain (Prosen & Ilievski, PRL 111, 057203 (2013)).

No seed text: conventions re-derived and checked against the Hamiltonian.  Modules:
:mod:`.lax` (Lax operator with a complex-spin auxiliary space at ``Delta = cos(pi l/m)``),
:mod:`.charges` (dense ``Z(phi)`` on a few sites), :mod:`.kernel` (string transfer
matrix, Hilbert-Schmidt products at finite ``n`` and ``n -> oo``, closed-form kernel),
:mod:`.optimise` (the Mazur bound optimised over the family).  Claims live in
:mod:`symness.strong_drive.claims_quasilocal`.
"""
