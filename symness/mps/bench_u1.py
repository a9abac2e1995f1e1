"""Benchmark ``mps-u1``: the same Lindblad TEBD on a U(1) charge-conserving MPS (physics-tenpy).

The candidate of the engine issue: for a U(1)-symmetric Liouvillian the NESS lies in the
ket-bra charge-zero sector, so block-sparse tensors could make TEBD cheaper or, by keeping
the symmetry exact, more accurate at a given ``chi``.  The real Pauli basis of
:mod:`symness.mps.pauli_basis` mixes the charges (``sigma^x``, ``sigma^y``); here the local
basis is ``1, sigma^+, sigma^-, sigma^z`` with ket-bra charges ``0, +1, -1, 0``, written as
the *unitary* change of basis ``d = U c`` with ``d_± = (c_x ∓ i c_y) / sqrt 2``
(:data:`CHARGE_BASIS`), so that the Frobenius norm, hence the truncation, is the Pauli
basis's.  The gates ``(U ⊗ U) exp(tau L_b) (U ⊗ U)^dagger`` of
:func:`symness.mps.lindblad_tebd.bond_generators` are block diagonal in the charge, and the
tensors are TeNPy ``np_conserved`` arrays that keep only charge-allowed blocks.  The sweeps
are the package's own (:mod:`symness.mps.tebd`, full-SVD route): the orthogonality center is
moved by (block) QR, so the canonical form stays exact under the non-unitary gates; the
truncation keeps at most ``chi`` values and discards a relative weight <= 1e-13.

A first version (until session 15) used TeNPy's ``TEBDEngine.update_bond`` (Hastings' form,
which assumes unitary gates) on the non-unitary basis ``d_± = c_x ∓ i c_y``.  It agreed with
the package after 40 steps (0.3%), but at ``L = 16, chi = 32`` and ``t = 200`` its bulk current
was 20% below the package's and its non-uniformity 0.5-0.85: that comparison measured a
wrong engine, and it was replaced.

Measured (``tables/mendoza2019_bench_mps_u1.md``; Fig. 2(b) chain, ``Delta = 1, h = 0.6``,
seed 0, ``dt = 0.25``, one core each, beside background jobs):

- *Exactness.*  Untruncated (``L = 6``, ``trunc_weight = 0``), both engines give the
  same state to rounding (3e-15 of the largest coefficient after 20 steps)
  (``tests/benchmarks/test_mps.py``).
- *Symmetry.*  The package's real MPS breaks the U(1) symmetry in two ways: truncation cuts
  the degenerate Schmidt pairs of charges ``±q`` (``<sigma^x_i sigma^x_{i+1} -
  sigma^y_i sigma^y_{i+1}>`` ~ 1e-4 at ``t = 20``, ``L = 16, chi = 32``), and rounding
  seeds ``<sigma^x_i>`` at 1e-16, which the truncated map amplifies at a rate ~0.3 per unit
  time to ~1e-4 (``t = 80``).  The U(1) engine keeps both at zero.
- *Accuracy at fixed chi* (``L = 16``, mean of the bulk energy current over
  ``t = 100 ... 200`` against the package at ``chi = 128``): package ``chi = 32``: 3.1% low,
  U(1) ``chi = 32``: 1.6% low, package ``chi = 64``: 0.1%; non-uniformity 0.075, 0.079, 0.043.
  At ``L = 24, chi = 64`` (a separate run, same protocol): package 3.75%, U(1) 2.5% below
  the package at ``chi = 128``; non-uniformity 0.14, 0.11 (``chi = 128``: 0.09); 243 s,
  557 s and 793 s for the 800 steps.  Exact symmetry removes a third to a half of the bias
  at fixed ``chi`` and little of the truncation noise, at 2.3x the time; doubling ``chi``
  (3.3x) does more.
- *Cost per step*: the table's ratios (package / U(1) < 1 at every size tried), so the
  package keeps its real Pauli MPS.
"""

from __future__ import annotations

import time

import numpy as np
import scipy.linalg as la

from symness.benchmarks import benchmark
from symness.outputs import Table

__all__ = ["CHARGE_BASIS", "U1TEBD", "run_u1"]

_R = 2**-0.5
#: ``d = CHARGE_BASIS @ c``: Pauli coefficients ``(1, x, y, z)`` to ``(1, +, -, z)`` (unitary).
CHARGE_BASIS = np.array([[1, 0, 0, 0], [0, _R, -1j * _R, 0], [0, _R, 1j * _R, 0], [0, 0, 0, 1]])


class U1TEBD:
    """Second-order TEBD of the chain's bond generators on a U(1) block-sparse MPS.

    Parameters
    ----------
    generators : list of (16, 16) real arrays
        ``L_b`` in the Pauli basis (:func:`symness.mps.lindblad_tebd.bond_generators`).
    chi : int
        Largest bond dimension.
    trunc_weight : float
        Largest discarded relative weight per update.
    """

    def __init__(self, generators: list[np.ndarray], chi: int, trunc_weight: float = 1e-13):
        from tenpy.linalg import np_conserved as npc
        from tenpy.linalg.charges import ChargeInfo, LegCharge

        self.npc, self.gens, self.chi, self.trunc_weight = npc, generators, chi, trunc_weight
        self.L = len(generators) + 1
        info = ChargeInfo([1], ["dQ"])
        self.leg = LegCharge.from_qflat(info, [[0], [1], [-1], [0]])
        one = LegCharge.from_qflat(info, [[0]])
        site = np.zeros((1, 4, 1), complex)
        site[0, 0, 0] = 0.5                                       # 1/2: infinite temperature
        self.tensors = [npc.Array.from_ndarray(site, [one, self.leg, one.conj()],
                                               labels=["vL", "p", "vR"])
                        for _ in range(self.L)]
        self.center = 0
        self._gates: dict[tuple[int, float], object] = {}

    def _gate(self, bond: int, tau: float):
        key = (bond, round(tau, 14))
        if key not in self._gates:
            u2 = np.kron(CHARGE_BASIS, CHARGE_BASIS)
            g = u2 @ la.expm(tau * self.gens[bond]) @ u2.conj().T
            leg = self.leg
            self._gates[key] = self.npc.Array.from_ndarray(
                g.reshape(4, 4, 4, 4), [leg, leg, leg.conj(), leg.conj()],
                labels=["p0", "p1", "p0*", "p1*"], cutoff=1e-15)
        return self._gates[key]

    def _move_center(self, target: int) -> None:
        npc, t = self.npc, self.tensors
        while self.center < target:
            c = self.center
            q, r = npc.qr(t[c].combine_legs(["vL", "p"]), inner_labels=["vR", "vL"])
            t[c], t[c + 1] = q.split_legs(0), npc.tensordot(r, t[c + 1], axes=("vR", "vL"))
            self.center += 1
        while self.center > target:
            c = self.center
            a = t[c].combine_legs(["p", "vR"]).transpose(["(p.vR)", "vL"])
            q, r = npc.qr(a, inner_labels=["vL", "vR"])          # a^T = q r
            t[c] = q.split_legs(0).transpose(["vL", "p", "vR"])
            t[c - 1] = npc.tensordot(t[c - 1], r, axes=("vR", "vL"))
            self.center -= 1

    def _update(self, bond: int, gate, rightward: bool) -> None:
        npc, t = self.npc, self.tensors
        self._move_center(bond if rightward else bond + 1)
        theta = npc.tensordot(t[bond].replace_label("p", "p0"),
                              t[bond + 1].replace_label("p", "p1"), axes=("vR", "vL"))
        theta = npc.tensordot(gate, theta, axes=(["p0*", "p1*"], ["p0", "p1"]))
        theta.itranspose(["vL", "p0", "p1", "vR"])
        theta = theta.combine_legs([["vL", "p0"], ["p1", "vR"]], qconj=[+1, -1])
        u, s, v = npc.svd(theta, inner_labels=["vR", "vL"])
        order = np.argsort(-s)
        w = s[order] ** 2
        tail = np.cumsum(w[::-1])[::-1] / w.sum()             # tail[k]: discarded if k kept
        keep = max(1, min(int(np.count_nonzero(tail > self.trunc_weight)), self.chi))
        mask = np.zeros(len(s), bool)
        mask[order[:keep]] = True
        u.iproject(mask, 1)
        v.iproject(mask, 0)
        if rightward:
            v = v.scale_axis(s[mask], 0)
        else:
            u = u.scale_axis(s[mask], 1)
        t[bond] = u.split_legs(0).replace_label("p0", "p")
        t[bond + 1] = v.split_legs(1).replace_label("p1", "p")
        self.center = bond + 1 if rightward else bond

    def step(self, dt: float) -> None:
        """One Strang step ``A(dt/2) B(dt) A(dt/2)``, then ``tr rho = 1``."""
        for first, tau in ((0, dt / 2), (1, dt), (0, dt / 2)):
            bonds = list(range(first, self.L - 1, 2))
            rightward = abs(self.center - bonds[0]) <= abs(self.center - bonds[-1] - 1)
            for b in bonds if rightward else bonds[::-1]:
                self._update(b, self._gate(b, tau), rightward)
        self.tensors[self.center] = self.tensors[self.center] / self._trace()

    def pauli_tensors(self) -> list[np.ndarray]:
        """Dense tensors ``(chi_l, 4, chi_r)`` in the Pauli basis (complex bond gauge)."""
        inv = CHARGE_BASIS.conj().T
        return [np.einsum("ij,ajb->aib", inv, a.to_ndarray()) for a in self.tensors]

    def _trace(self) -> complex:
        """``tr rho``: the identity components (``d_1 = c_1``) contracted, no basis change."""
        v = np.ones(1)
        for a in self.tensors:
            v = v @ a.take_slice(0, "p").to_ndarray()
        return v[0]

    @staticmethod
    def _traces(tensors: list[np.ndarray]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        left, right = [np.ones(1)], [np.ones(1)]
        for a in tensors:
            left.append(left[-1] @ a[:, 0, :])
        for a in reversed(tensors):
            right.append(a[:, 0, :] @ right[-1])
        return left, right[::-1]

    def expectations(self, operators: list[tuple[int, np.ndarray]]) -> np.ndarray:
        """Trace expectations of Pauli-weight operators (:func:`symness.mps.mps.expectations`)."""
        tensors = self.pauli_tensors()
        left, right = self._traces(tensors)
        out = []
        for first, w in operators:
            v = left[first]
            for s in range(w.ndim):
                v = np.tensordot(v, tensors[first + s], axes=(-1, 0))
            out.append((np.sum((v @ right[first + w.ndim]) * w) / left[-1][0]).real)
        return np.array(out)


def _chain(L: int):
    from symness.mps.figures import fig2_spec
    from symness.mps.lindblad_tebd import bond_generators, observables
    from symness.mps.sweep import chain_from_spec

    chain = chain_from_spec(fig2_spec(L, "3/5", 0, 16))
    return chain, bond_generators(chain), observables(chain)["energy_current"]


def _package(gens: list[np.ndarray], chi: int, trunc_weight: float = 1e-13,
             update: str = "qr"):
    """The package's TEBD as ``(step, expectations, mps)`` (QR route as in the figures)."""
    from symness.mps.mps import expectations, product_state
    from symness.mps.tebd import GateCache, Truncation, apply_stages, stages

    mps, cache = product_state([np.eye(2) / 2] * (len(gens) + 1)), GateCache(gens)
    trunc = Truncation(chi=chi, trunc_weight=trunc_weight, update=update)

    def step(dt: float) -> None:
        apply_stages(mps, cache, stages(2), dt, trunc)
        mps.normalize_trace()

    return step, lambda ops: expectations(mps, ops), mps


def _engine(kind: str, gens: list[np.ndarray], chi: int):
    if kind == "package":
        return _package(gens, chi)[:2]
    eng = U1TEBD(gens, chi)
    return eng.step, eng.expectations


def _per_step(L: int, chi: int, steps: int, dt: float = 0.25) -> list[list]:
    chain, gens, ops = _chain(L)
    sites = [i - 1 for i in chain.energy_sites]
    out = {}
    for kind in ("package", "u1"):
        step, measure = _engine(kind, gens, chi)
        t0 = time.perf_counter()
        for _ in range(steps):
            step(dt)
        out[kind] = ((time.perf_counter() - t0) / steps, float(np.mean(measure(ops)[sites])))
    (t_p, j_p), (t_u, j_u) = out["package"], out["u1"]
    return [["symness real Pauli MPS (QR route)", L, chi, steps, round(t_p, 4), 1.0,
             f"j_E={j_p:.5e}"],
            ["physics-tenpy U(1) MPS (exact canonical form)", L, chi, steps, round(t_u, 4),
             round(t_p / t_u, 3), f"j_E={j_u:.5e} (rel. diff {abs(j_u - j_p) / abs(j_p):.1e})"]]


def _accuracy(L: int, runs: list[tuple[str, int]], reference: int, t_end: float,
              dt: float = 0.25) -> list[list]:
    """Mean bulk current over ``t_end/2 ... t_end`` (every 20) vs the package at ``reference``."""
    chain, gens, ops = _chain(L)
    sites = [i - 1 for i in chain.energy_sites]
    every, steps = int(round(20 / dt)), int(round(t_end / dt))
    means = {}
    for kind, chi in [("package", reference)] + runs:
        step, measure = _engine(kind, gens, chi)
        j, nonuni = [], []
        for k in range(1, steps + 1):
            step(dt)
            if k % every == 0 and k * dt >= t_end / 2:
                b = measure(ops)[sites]
                j.append(np.mean(b))
                nonuni.append((b.max() - b.min()) / abs(np.mean(b)))
        means[kind, chi] = (float(np.mean(j)), float(np.mean(nonuni)))
    j_ref = means["package", reference][0]
    name = {"package": "symness real Pauli MPS", "u1": "physics-tenpy U(1) MPS"}
    return [[f"{name[kind]}, accuracy", L, chi, steps, "-", "-",
             f"mean j_E={j:.5e}, rel. err. {abs(j - j_ref) / abs(j_ref):.1e} vs package chi="
             f"{reference}; mean non-uniformity {nu:.3f}"]
            for (kind, chi), (j, nu) in means.items() if (kind, chi) != ("package", reference)]


@benchmark("mps-u1", description="TEBD NESS engine: real Pauli MPS vs a U(1) charge-conserving "
                                 "MPS (physics-tenpy), seconds per step and accuracy at fixed chi")
def run_u1(*, quick: bool) -> Table:
    """Seconds per step and accuracy of both engines (module docstring); ``quick``: L=10, chi=16."""
    cases = [(10, 16, 20)] if quick else [(10, 16, 20), (32, 64, 40)]
    rows = [row for L, chi, steps in cases for row in _per_step(L, chi, steps)]
    if quick:
        rows += _accuracy(8, [("package", 16), ("u1", 16)], 64, 40.0)
    else:
        rows += _accuracy(16, [("package", 32), ("u1", 32), ("package", 64)], 128, 200.0)
    return Table(title="mps-u1: Lindblad TEBD, real Pauli MPS vs U(1) block-sparse "
                       "(physics-tenpy): seconds per step and accuracy at fixed chi",
                 columns=["engine", "L", "chi", "steps", "seconds_per_step",
                          "ratio_package_over_engine", "bulk j_E"],
                 rows=rows, command=f"symness bench mps-u1{' --quick' if quick else ''}",
                 parameters={"chain": "Fig. 2(b) drive, Delta=1, h=0.6, seed 0", "order": 2,
                             "dt": 0.25, "threads": "OMP_NUM_THREADS=1"},
                 notes=["ratio = package seconds per step / this engine's (< 1: the package "
                        "is faster); per-step rows: j_E at t = steps * 0.25",
                        "accuracy rows: mean bulk j_E and non-uniformity over t = T/2 ... T "
                        "(every 20), against the package at the reference chi"])
