"""Memory and time of one pump parameter point, checked before its eigensystem is built.

Measured on one core (``PumpSystem(PumpParams(n=n)).exact(1.0)`` and ``.gge(6, 1.0)``,
defaults otherwise; peak RSS above the interpreter):

======  ====================  ====================
``n``   exact (11)            GGE, ``N_C = 6``
======  ====================  ====================
8       1.6 s, 0.05 GB        2.3 s, 0.03 GB
10      4.1 s, 0.24 GB        6.0 s, 0.39 GB
12      136 s, 3.4 GB         94 s, 5.9 GB
======  ====================  ====================

Memory grows as ``4**n`` (dense ``2**n x 2**n`` eigenbasis matrices: x14 and x15 from
n = 10 to 12), time by x33 (exact) and x16 (GGE) per two sites.  The phonon bath's
Lamb-shift table (:func:`symness.pump.model.phonon_lamb_shift`) is estimated as the
earlier table's ``G x 800`` quadrature array set, ``G = 200 (omega_ph + 9 eta_ph + 1) + 441``
points at 24 bytes and 0.17 microseconds per element (``eta_ph = 30``: 7.3 s, 1.04 GB).
The present table (uniform knots, quadrature in blocks of 2^18 elements) stays below that:
measured 0.2 s and 4 MB at the defaults (estimate 0.21 s, 30 MB), 1.0 s at ``eta_ph = 30``
(estimate 7.5 s); its knots grow as ``(omega_ph + 9 eta_ph) / min(eta_ph, 2 pi T_ph)``, so
the memory estimate would fall short only for ``min(eta_ph, 2 pi T_ph) < 0.007``.
"""

from __future__ import annotations

from math import comb

from symness.pump.model import PumpParams
from symness.resources import BASE_BYTES, Cost, announce, require_fits

__all__ = ["lamb_table_cost", "eigensystem_cost", "require_point_fits", "lean_cost",
           "require_lean_fits", "EQUAL_K_PAIRS", "LEAN_ROWS"]

_QUADRATURE_NODES = 800
#: ``(bytes, seconds)`` at n = 12 and the growth of the time per two sites, per method.
_AT_12 = {"exact": (3.4e9, 136.0, 33.0), "gge": (5.9e9, 94.0, 16.0)}


def lamb_table_cost(omega_ph: float, eta_ph: float) -> Cost:
    """Memory and time of the Lamb-shift table of one bath (module docstring)."""
    points = 200 * (float(omega_ph) + 9 * float(eta_ph) + 1) + 441
    elements = points * _QUADRATURE_NODES
    return Cost(24.0 * elements, 1.7e-7 * elements)


def eigensystem_cost(n: int, method: str) -> Cost:
    """Memory and time of one point at ``n`` sites by ``method`` (``"exact"`` or ``"gge"``)."""
    memory, seconds, growth = _AT_12[method]
    return Cost(BASE_BYTES + memory * 4.0 ** (n - 12), 1.0 + seconds * growth ** ((n - 12) / 2))


def require_point_fits(params: PumpParams) -> Cost:
    """Refuse a point whose estimate (the costlier method) exceeds the available memory.

    Checks the Lamb-shift table first (naming ``omega_ph`` or ``eta_ph``), then the
    eigensystem (naming ``n``); prints the estimated time of a long point.
    """
    eta, omega = float(params.eta_ph), float(params.omega_ph)
    # each parameter alone first, so that the message names the one that does not fit
    require_fits(lambda k: lamb_table_cost(k, 0.0), "omega_ph", max(1, int(omega)),
                 what="Lamb-shift table of the phonon bath", minimum=1)
    require_fits(lambda k: lamb_table_cost(0.0, k), "eta_ph", max(1, int(eta)),
                 what="Lamb-shift table of the phonon bath", minimum=1)
    table = lamb_table_cost(omega, eta)

    def total(n: int) -> Cost:
        return table + max((eigensystem_cost(n, m) for m in _AT_12), key=lambda c: c.bytes)

    estimate = require_fits(total, "n", params.n, minimum=4,
                            what="pump point, exact and GGE (the exact approach alone in "
                                 "less memory: symness pump large)",
                            step=2)
    announce(estimate, f"pump point n={params.n}")
    return estimate


#: Equal-momentum degenerate pairs ``P`` at B = -1, Delta = 0.8 (``tables/lange2017_count``;
#: n = 14 by the S^z-sector count, 211 CPU s).  Other points can have more (B = 0):
#: :func:`require_lean_fits` checks again with the actual ``P``.
EQUAL_K_PAIRS = {4: 18, 6: 68, 8: 296, 10: 1128, 12: 4588, 14: 18212}
#: Bytes of the row-block temporaries per element of a ``rows x max(P, 2^n)`` block.
_TEMPORARY_BYTES = 200
#: Complex rows of ``L^Q`` the lean solver assembles at once (its temporaries above).
LEAN_ROWS = 256
#: Lean solver, measured CPU seconds (shared machine, one thread): setup (eigensystem,
#: couplings, ``L_ph``, ``L_d``) and one point (LU and solve) at n = 12 (P = 4588: 15 s,
#: 1.6 s) and n = 14 (P = 18212: 377 s, 83 s); the powers of ``P`` through the two.
_LEAN_SETUP = (15.0, 2.3)
_LEAN_POINT = (1.6, 2.9)
_LEAN_PAIRS_12 = 4588


def lean_cost(n: int, pairs: int | None = None) -> Cost:
    """Peak memory and time of :class:`symness.pump.lean_steady_state.LeanPump` at ``n`` sites.

    Memory (16-byte complex, 8-byte real): the sector eigenvectors
    ``sum_m C(n, m)^2``; the couplings as S^z blocks (``A_0``: ``|dm| <= 1``, i.e.
    ``C(2n, n) + 2 C(2n, n - 1)`` elements; ``X1``, ``X2``: ``C(2n, n)`` each);
    ``rows x max(P, 2^n)`` temporaries; and the larger of the assembly (two real
    ``P x P`` parts with the couplings alive) and the solve (the parts and the
    working copy).  ``P`` defaults to :data:`EQUAL_K_PAIRS`.  Measured peaks: 1.07 GiB at
    n = 12 (estimate 0.91), 9.32 GiB at n = 14 (estimate 9.46).  Time: setup plus one
    point, powers of ``P`` fitted to n = 12 and 14 (:data:`_LEAN_SETUP`, :data:`_LEAN_POINT`).
    """
    pairs = EQUAL_K_PAIRS.get(n, 0) if pairs is None else pairs
    diagonal = comb(2 * n, n)
    vectors = 16.0 * diagonal
    couplings = 16.0 * (diagonal + 2 * comb(2 * n, n - 1) + 2 * diagonal)
    temporaries = _TEMPORARY_BYTES * LEAN_ROWS * max(pairs, 2**n)
    matrix = 8.0 * pairs**2
    memory = BASE_BYTES + vectors + max(couplings + temporaries + 2 * matrix, 3 * matrix)
    scale = max(pairs, 1) / _LEAN_PAIRS_12
    return Cost(memory, sum(t * scale**power for t, power in (_LEAN_SETUP, _LEAN_POINT)))


def require_lean_fits(n: int, pairs: int | None = None) -> Cost:
    """Refuse a lean point whose :func:`lean_cost` exceeds the available memory (names ``n``)."""
    estimate = require_fits(lambda k: lean_cost(k, pairs if k == n else None), "n", n,
                            what="pump point, lean exact solver", minimum=4, step=2)
    announce(estimate, f"pump lean point n={n}")
    return estimate
