"""The weak-drive NESS as a linear solve: variational MPS sweeps instead of time evolution.

The reservoirs of the figures (kind ``"linear"``) are affine in their drive ``(beta, mu)``, so
the generator of the boundary-driven chain is ``L = L_0 + L_1`` with ``L_0`` the generator at
zero drive (every target ``1/4``) and ``L_1`` its drive part (two edge bonds).  ``L_0``
has the infinite-temperature state ``rho_0 = 1/2^L`` as its steady state, and the NESS is
the series (issue 17, item 1, "a direct linear-response solve")::

    rho = rho_0 + rho_1 + rho_2 + ...,      L_0 rho_{k+1} = -L_1 rho_k,   tr rho_{k+1} = 0,

each term one order higher in the drive.  Each equation is solved for an MPS ``x`` by
two-site sweeps (the DMRG/ALS scheme for linear systems): with the MPS in mixed canonical
form the two-site tensor ``theta`` solves the Galerkin projection ``P^T A P theta =
P^T b`` exactly (GMRES), is split by SVD at bond dimension ``chi``, and the sweep moves on.
``A = L_0 + |1><1|``: the projector on the identity string removes the kernel of ``L_0``
(``L_0 rho_0 = 0``, and ``<1| L_0 = 0`` by trace preservation), so ``A x = b`` with
``<1|b> = 0`` gives ``tr x = 0`` and ``L_0 x = b``.  The generator is the MPO of the bond
generators of :func:`symness.mps.lindblad_tebd.bond_generators` (one SVD per bond), so the
physics (Hamiltonian (1), reservoirs (2)) is the TEBD engine's.

Checked against the exact solution of the same linear equations and the exact sector NESS
(``tests/mps/test_linear_response.py``) and against the TEBD engine (``symness bench
mps-linear``).
"""

from __future__ import annotations

import dataclasses
import time as _time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.sparse.linalg as spla

from symness.mps.lindblad_tebd import BoundaryDrivenChain, bond_generators, observables
from symness.mps.mps import PauliMPS, unnormalised_expectations
from symness.mps.transport import bulk_currents
from symness.validation import ParameterError, require_int, require_real

__all__ = ["DriveSplit", "split_drive", "generator_mpo", "SolveReport", "solve_linear",
           "LinearResponse", "linear_response"]


@dataclass(frozen=True)
class DriveSplit:
    """Bond generators of ``L_0`` (zero drive) and ``L_1`` (drive part), Pauli basis, 16x16."""

    base: list[np.ndarray]
    drive: list[np.ndarray]


def _scaled_drive(chain: BoundaryDrivenChain, scale: int) -> BoundaryDrivenChain:
    def res(r):
        return dataclasses.replace(r, beta=scale * r.beta, mu=scale * r.mu)

    return BoundaryDrivenChain(chain.model, res(chain.left), res(chain.right))


def split_drive(chain: BoundaryDrivenChain, *, atol: float = 1e-12) -> DriveSplit:
    """``L = L_0 + L_1`` for reservoirs affine in their drive; raises for the other kinds.

    Affinity is checked on the bond generators: ``L(2 drive) - L_0 = 2 (L(drive) - L_0)`` to
    ``atol`` (the ``"linear"`` target ``(1 - beta h_edge - ...)/4`` is affine; Gibbs and
    auxiliary targets are not, and their series would need every order of the target).
    """
    if chain.left.kind != "linear" or chain.right.kind != "linear":
        raise ParameterError("the linear-response engine needs reservoirs of kind 'linear' "
                             f"(got {chain.left.kind!r}, {chain.right.kind!r})")
    base = bond_generators(_scaled_drive(chain, 0))
    full = bond_generators(chain)
    double = bond_generators(_scaled_drive(chain, 2))
    drive = [f - b for f, b in zip(full, base)]
    worst = max(np.abs(d2 - b - 2 * d).max() for d2, b, d in zip(double, base, drive))
    if worst > atol:
        raise ParameterError(f"the reservoirs are not affine in their drive ({worst:.1e})")
    return DriveSplit(base=base, drive=drive)


def generator_mpo(generators: list[np.ndarray], *, atol: float = 1e-13) -> list[np.ndarray]:
    """MPO ``W[i]`` of shape ``(D_l, D_r, 4, 4)`` (out, in) of ``sum_b L_b`` (bond generators).

    Each ``L_b`` (16x16, rows ``(q_b, q_{b+1})``, columns ``(p_b, p_{b+1})``) is split by SVD
    into ``sum_k A_k ⊗ B_k`` (singular values below ``atol`` times the largest dropped:
    exact to rounding).  Internal states: 0 "done", ``1..r`` "term k open", last "not
    started"; the left boundary is the last state, the right boundary state 0.
    """
    n = len(generators) + 1
    parts = []
    for g in generators:
        m = g.reshape(4, 4, 4, 4).transpose(0, 2, 1, 3).reshape(16, 16)   # (q1 p1), (q2 p2)
        u, s, vt = np.linalg.svd(m)
        keep = s > atol * max(s[0], 1e-300)
        a = (u[:, keep] * s[keep]).T.reshape(-1, 4, 4)
        b = vt[keep].reshape(-1, 4, 4)
        parts.append((a, b))
    eye = np.eye(4)
    mpo = []
    for i in range(n):
        r_left = parts[i - 1][0].shape[0] if i > 0 else 0
        r_right = parts[i][0].shape[0] if i < n - 1 else 0
        dl, dr = r_left + 2, r_right + 2
        w = np.zeros((dl, dr, 4, 4))
        w[0, 0] = eye
        w[dl - 1, dr - 1] = eye
        if i > 0:
            w[1:1 + r_left, 0] = parts[i - 1][1]
        if i < n - 1:
            w[dl - 1, 1:1 + r_right] = parts[i][0]
        mpo.append(w)
    mpo[0] = mpo[0][-1:]
    mpo[-1] = mpo[-1][:, :1]
    return mpo


def apply_mpo(mpo: list[np.ndarray], mps: PauliMPS) -> PauliMPS:
    """``W x`` exactly (bond dimensions multiply; used for right-hand sides, not for ``x``)."""
    out = []
    for w, a in zip(mpo, mps.tensors):
        t = np.einsum("lrqp,apb->alqbr", w, a)
        out.append(t.reshape(a.shape[0] * w.shape[0], 4, a.shape[2] * w.shape[1]))
    return PauliMPS(tensors=out, center=0)


@dataclass
class SolveReport:
    """Convergence record of one linear solve."""

    sweeps: int
    chi: int
    monitor_changes: list[float]
    discarded_max: float
    matvecs: int
    seconds: float


def _env_left(env, a_bra, w, a_ket):
    """Left environment ``(bra, mpo, ket)`` extended by one site."""
    t = np.tensordot(env, a_ket, axes=(2, 0))                # (b, m, p, k')
    t = np.tensordot(t, w, axes=([1, 2], [0, 3]))            # (b, k', m', q)
    return np.tensordot(a_bra, t, axes=([0, 1], [0, 3])).transpose(0, 2, 1)


def _env_right(env, a_bra, w, a_ket):
    """Right environment ``(bra, mpo, ket)`` extended by one site."""
    t = np.tensordot(a_ket, env, axes=(2, 2))                # (k, p, b', m')
    t = np.tensordot(w, t, axes=([1, 3], [3, 1]))            # (m, q, k, b')
    return np.tensordot(a_bra, t, axes=([1, 2], [1, 3]))     # (b, m, k)


def _vec_left(env, a_bra, a_ket):
    """Left overlap environment ``(bra, ket)`` extended by one site."""
    return np.tensordot(a_bra, np.tensordot(env, a_ket, axes=(1, 0)), axes=([0, 1], [0, 1]))


def _vec_right(env, a_bra, a_ket):
    """Right overlap environment ``(bra, ket)`` extended by one site."""
    return np.tensordot(a_bra, np.tensordot(a_ket, env, axes=(2, 1)), axes=([1, 2], [1, 2]))


def solve_linear(mpo: list[np.ndarray], rhs: PauliMPS, *, chi: int, sweeps: int = 20,
                 tol: float = 1e-6, gmres_tol: float = 1e-8, gmres_iterations: int = 120,
                 monitor: Callable[[PauliMPS], float] | None = None,
                 ) -> tuple[PauliMPS, SolveReport]:
    """Solve ``(W + |1><1|) x = rhs`` for an MPS ``x`` of bond dimension ``<= chi``.

    Two-site sweeps (left to right and back) from a random start; each local Galerkin
    system is solved directly when small (dimension <= 256) and otherwise by one GMRES cycle
    of at most ``gmres_iterations`` products to ``gmres_tol``, warm-started from the current
    tensor (an inexact local solve: the sweeps, not GMRES, carry the convergence).  Stops
    when ``monitor(x)`` (default: the norm of the center tensor) changes by less than ``tol``
    relative between two full sweeps, or after ``sweeps`` sweeps (``SolveReport.sweeps``).
    """
    require_int(chi, "chi", minimum=2, maximum=4096)
    require_real(tol, "tol", minimum=0, open_minimum=True, maximum=1)
    start = _time.perf_counter()
    n = len(mpo)
    x = _random_mps(n, min(chi, 4), seed=1)
    # environments: operator (bra x, mpo, ket x), rhs overlap (bra x, rhs), identity (bra x)
    lop = [None] * (n + 1)
    rop = [None] * (n + 1)
    lb = [None] * (n + 1)
    rb = [None] * (n + 1)
    le = [None] * (n + 1)
    re = [None] * (n + 1)
    lop[0] = np.ones((1, 1, 1))
    rop[n] = np.ones((1, 1, 1))
    lb[0] = rb[n] = le[0] = re[n] = np.ones((1, 1))
    e0 = np.zeros(4)
    e0[0] = 1.0
    one = e0.reshape(1, 4, 1)
    for i in range(n - 1, 1, -1):
        a = x.tensors[i]
        rop[i] = _env_right(rop[i + 1], a, mpo[i], a)
        rb[i] = _vec_right(rb[i + 1], a, rhs.tensors[i])
        re[i] = _vec_right(re[i + 1], a, one)
    history = []
    stats = {"matvecs": 0}
    discarded = 0.0
    previous = None
    done = 0
    for sweep in range(sweeps):
        for i, forward in [(i, True) for i in range(n - 1)] + [(i, False)
                                                            for i in range(n - 2, -1, -1)]:
            x.move_center(i)
            a, b = x.tensors[i], x.tensors[i + 1]
            theta0 = np.tensordot(a, b, axes=(2, 0))             # (l, 4, 4, r)
            shape = theta0.shape
            Lo, Ro = lop[i], rop[i + 2]
            w1, w2 = mpo[i], mpo[i + 1]
            u_id = np.zeros(shape)
            u_id[:, 0, 0, :] = np.outer(le[i][:, 0], re[i + 2][:, 0])
            rhs_loc = np.tensordot(np.tensordot(lb[i], rhs.tensors[i], axes=(1, 0)),
                                   np.tensordot(rhs.tensors[i + 1], rb[i + 2], axes=(2, 1)),
                                   axes=(2, 0))

            matvec_count = [0]

            def matvec(v, Lo=Lo, Ro=Ro, w1=w1, w2=w2, u_id=u_id, shape=shape,
                       count=matvec_count):
                count[0] += 1
                t = v.reshape(shape)
                y = np.tensordot(Lo, t, axes=(2, 0))              # (b, m, p1, p2, k)
                y = np.tensordot(y, w1, axes=([1, 2], [0, 3]))    # (b, p2, k, m', q1)
                y = np.tensordot(y, w2, axes=([1, 3], [3, 0]))    # (b, k, q1, m'', q2)
                y = np.tensordot(y, Ro, axes=([1, 3], [2, 1]))    # (b, q1, q2, b')
                y = y + u_id * np.sum(u_id * t)
                return y.reshape(-1)

            dim = theta0.size
            op = spla.LinearOperator((dim, dim), matvec=matvec, dtype=float)
            if dim <= 256:
                dense = np.column_stack([matvec(col) for col in np.eye(dim)])
                theta = np.linalg.solve(dense, rhs_loc.reshape(-1))
            else:
                theta, info = spla.gmres(op, rhs_loc.reshape(-1), x0=theta0.reshape(-1),
                                         rtol=gmres_tol, atol=0, restart=gmres_iterations,
                                         maxiter=1)
                stats["matvecs"] += matvec_count[0]
            mat = theta.reshape(shape[0] * 4, 4 * shape[3])
            uu, ss, vv = np.linalg.svd(mat, full_matrices=False)
            keep = min(chi, int(np.sum(ss > 1e-14 * ss[0])) or 1)
            total = np.sum(ss**2)
            discarded = max(discarded, float(np.sum(ss[keep:] ** 2) / total) if total else 0.0)
            uu, ss, vv = uu[:, :keep], ss[:keep], vv[:keep]
            if forward:
                x.tensors[i] = uu.reshape(shape[0], 4, keep)
                x.tensors[i + 1] = (ss[:, None] * vv).reshape(keep, 4, shape[3])
                x.center = i + 1
                a = x.tensors[i]
                lop[i + 1] = _env_left(lop[i], a, mpo[i], a)
                lb[i + 1] = _vec_left(lb[i], a, rhs.tensors[i])
                le[i + 1] = _vec_left(le[i], a, one)
            else:
                x.tensors[i] = (uu * ss).reshape(shape[0], 4, keep)
                x.tensors[i + 1] = vv.reshape(keep, 4, shape[3])
                x.center = i
                bb = x.tensors[i + 1]
                rop[i + 1] = _env_right(rop[i + 2], bb, mpo[i + 1], bb)
                rb[i + 1] = _vec_right(rb[i + 2], bb, rhs.tensors[i + 1])
                re[i + 1] = _vec_right(re[i + 2], bb, one)
        done = sweep + 1
        value = monitor(x) if monitor is not None else float(np.linalg.norm(x.tensors[x.center]))
        if previous is not None:
            change = abs(value - previous) / max(abs(value), 1e-300)
            history.append(float(change))
            if change < tol:
                break
        previous = value
    return x, SolveReport(sweeps=done, chi=chi, monitor_changes=history,
                          discarded_max=discarded, matvecs=stats["matvecs"],
                          seconds=_time.perf_counter() - start)


def _random_mps(n: int, chi: int, seed: int) -> PauliMPS:
    rng = np.random.default_rng(seed)
    dims = [min(chi, 4 ** min(i, n - i)) for i in range(n + 1)]
    return PauliMPS(tensors=[rng.standard_normal((dims[i], 4, dims[i + 1])) * 0.1
                             for i in range(n)], center=0)


@dataclass
class LinearResponse:
    """Bulk currents order by order: ``orders[k]`` holds the currents of ``rho_{k+1}``."""

    orders: list[dict[str, float]]
    reports: list[SolveReport]

    def current(self, kind: str) -> float:
        """The current summed over the computed orders."""
        return float(sum(o[kind] for o in self.orders))


def _bulk(chain: BoundaryDrivenChain, x: PauliMPS) -> dict[str, float]:
    """Mean and spread of the bulk currents ``tr(j X)`` (:func:`.transport.bulk_currents`)."""
    obs = observables(chain)
    bulk = bulk_currents(chain, {key: unnormalised_expectations(x, obs[key])
                                 for key in ("spin_current", "energy_current")})
    return {kind: float(np.mean(v)) for kind, v in bulk.items()} | {
        f"{kind}_spread": float(np.ptp(v)) for kind, v in bulk.items()}


def linear_response(chain: BoundaryDrivenChain, *, chi: int, orders: int = 2,
                    sweeps: int = 20, tol: float = 1e-6) -> LinearResponse:
    """Currents of ``rho_1, ..., rho_orders`` of the series (module docstring)."""
    require_int(orders, "orders", minimum=1, maximum=4)
    split = split_drive(chain)
    a_mpo = generator_mpo(split.base)
    drive_mpo = generator_mpo(split.drive)
    n = chain.model.n
    e0 = np.zeros((1, 4, 1))
    e0[0, 0, 0] = 1.0
    rho = PauliMPS(tensors=[e0.copy() for _ in range(n)], center=0)
    out, reports = [], []
    for _ in range(orders):
        rhs = apply_mpo(drive_mpo, rho)
        rhs.tensors[0] = -rhs.tensors[0]

        def monitor(x):
            bulk = _bulk(chain, x)
            return bulk["energy"] + bulk["spin"]

        rho, report = solve_linear(a_mpo, rhs, chi=chi, sweeps=sweeps, tol=tol,
                                   monitor=monitor)
        out.append(_bulk(chain, rho))
        reports.append(report)
    return LinearResponse(orders=out, reports=reports)
