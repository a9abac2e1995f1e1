"""The maximally boundary-driven XXZ chain: Prosen's exact steady state (sixth system).

Beyond paper 000: Prosen, PRL 107, 137201 (2011) ("Exact nonequilibrium steady
state of a strongly driven open XXZ chain"), with no seed text in the project;
every formula here was derived again and checked against the exact sector solver
(:mod:`symness.lindblad`) before use.  The model is paper 000's chain (2)-(3) at
``mu = 1`` and any coupling ``eps`` (:mod:`symness.models.xxz_boundary_driven`).

Modules: :mod:`.model` (parameters), :mod:`.coefficients` (the bulk algebra),
:mod:`.mpa` (dense ``S`` and ``rho`` for small ``n``), :mod:`.algebra` (exact
checks), :mod:`.transfer` (profiles and currents at any ``n``),
:mod:`.optimal_mazur` (Prosen-Ilievski bound next to ``D_Z`` and GHD; the charges
themselves in :mod:`symness.quasilocal`, claims in :mod:`.claims_quasilocal`),
:mod:`.largest_n` (one exact sector solve at the largest ``n`` against the MPA).
"""
