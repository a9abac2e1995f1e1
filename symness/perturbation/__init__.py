"""Degenerate perturbation theory of a Liouvillian ``L0 + lam L1 + lam^2 L2 + ...``.

Ishida & Sugita (2022), Section III: spectral projectors ``P0`` (onto ``Ker L0``) and
``P1`` (onto ``Ker P0 L1 P0`` inside it), the reduced inverses ``(Q0 L0 Q0)^-1``,
``(Q1 L1 Q1)^-1``, the pseudo-inverse of ``P1 L2 P1``, the zeroth order (45)-(47)
and every higher order by (52), (55), (62) with the trace condition (63).

* :mod:`.kernel` -- spectral kernel projectors of a matrix (numeric or exact).
* :mod:`.series` -- :class:`DegenerateSeries`, the engine on superoperator matrices.
* :mod:`.hamiltonian` -- the zeroth order when ``L0``, ``L1`` are commutators with
  Hamiltonians (the paper's route (25)-(33)), with its a-priori condition number;
  given ``L2`` as Redfield pairs ``(X, S)`` it never forms a ``d^2 x d^2`` matrix
  (10 spins in ~20 s).

Shared machinery (papers 000, 001, 004): the engine takes superoperators, never a model.
A two-level problem ``L0 + eps L1`` (paper 000: Hamiltonian plus weak dissipation) is
solved by passing ``L2 = 0``: ``Ker P0 L1 P0`` is then one-dimensional, ``P1 L2 P1 = 0``
and (62) reduces to the trace condition (tested on Prosen's driven XXZ chain).
"""
