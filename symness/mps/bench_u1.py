"""Benchmark ``mps-u1``: the same Lindblad TEBD on a U(1) charge-conserving MPS (physics-tenpy).

The candidate of the engine issue: for a U(1)-symmetric Liouvillian the NESS lies in the
ket-bra charge-zero sector, so block-sparse tensors could make TEBD cheaper.  The real Pauli
basis of :mod:`symness.mps.pauli_basis` mixes the charges (``sigma^x``, ``sigma^y``); here the
local basis is ``1, sigma^+, sigma^-, sigma^z`` with ket-bra charges ``0, +1, -1, 0``
(``d = U c`` with ``d_+ = c_x - i c_y``, ``d_- = c_x + i c_y``), the gates
``(U ⊗ U) exp(tau L_b) (U ⊗ U)^-1`` of :func:`symness.mps.lindblad_tebd.bond_generators` are
block diagonal in the charge, and the MPS is a complex ``tenpy.networks.mps.MPS`` whose
``np_conserved`` tensors keep only charge-allowed blocks.  The bond update is TeNPy's own
(``TEBDEngine.update_bond``, Hastings' form without inverse singular values; its truncation
``chi_max``, ``svd_min = 1e-10``); expectation values are trace contractions (the identity
component of every other site), as in :func:`symness.mps.mps.expectations`.

Side by side, same chain (Fig. 2(b) drive, ``Delta = 1``, ``h = 0.6``, seed 0), same second-
order Trotter steps from the infinite-temperature state, same ``chi``: seconds per step of
both engines (ratio package / TeNPy) and the bulk energy current at the end of the common
evolution time (their relative difference: the two truncations differ, so it measures
agreement, not error).  Measured (shared, loaded machine, one core each, run one after the
other; ``tables/mendoza2019_bench_mps_u1.md``): ``L = 10, chi = 16``: 0.76 s (TeNPy) vs
0.063 s per step (ratio 0.083), currents within 0.6%; ``L = 32, chi = 64``, 40 steps: 3.62 s
vs 1.18 s per step (ratio 0.33), currents within 0.3% (a first run: 0.10 and 0.27).
The complex arithmetic (4x the flops of real) and the block bookkeeping cost more than
the block sparsity saves at these bond dimensions, so the package keeps its real Pauli MPS.
"""

from __future__ import annotations

import time

import numpy as np
import scipy.linalg as la

from symness.benchmarks import benchmark
from symness.outputs import Table

__all__ = ["CHARGE_BASIS", "run_u1"]

#: ``d = CHARGE_BASIS @ c``: Pauli coefficients ``(1, x, y, z)`` to ``(1, +, -, z)``.
CHARGE_BASIS = np.array([[1, 0, 0, 0], [0, 1, -1j, 0], [0, 1, 1j, 0], [0, 0, 0, 1]])


class _TenpyEngine:
    """Second-order TEBD of the chain's bond generators on a TeNPy U(1) MPS."""

    def __init__(self, generators: list[np.ndarray], chi: int):
        from tenpy.linalg import np_conserved as npc
        from tenpy.linalg.charges import ChargeInfo, LegCharge
        from tenpy.networks.mps import MPS
        from tenpy.networks.site import Site

        self.npc = npc
        self.gens = generators
        self.L = len(generators) + 1
        self.leg = LegCharge.from_qflat(ChargeInfo([1], ["dQ"]), [[0], [1], [-1], [0]])
        site = Site(self.leg, ["1", "p", "m", "z"], sort_charge=False)
        self.psi = MPS.from_product_state([site] * self.L, [np.array([1.0, 0, 0, 0])] * self.L,
                                          bc="finite", dtype=complex, unit_cell_width=self.L)
        self.trunc = {"chi_max": chi, "svd_min": 1e-10, "trunc_cut": None}
        self._gates: dict[tuple[int, float], list] = {}

    def _layer(self, first: int, tau: float) -> list:
        key = (first, round(tau, 14))
        if key not in self._gates:
            u2 = np.kron(CHARGE_BASIS, CHARGE_BASIS)
            u2i = np.linalg.inv(u2)
            out = []
            for b in range(first, self.L - 1, 2):
                g = u2 @ la.expm(tau * self.gens[b]) @ u2i
                g[np.abs(g) < 1e-14] = 0
                out.append((b, self.npc.Array.from_ndarray(
                    g.reshape(4, 4, 4, 4), [self.leg, self.leg, self.leg.conj(),
                                            self.leg.conj()],
                    labels=["p0", "p1", "p0*", "p1*"], cutoff=1e-13)))
            self._gates[key] = out
        return self._gates[key]

    def _update(self, b: int, gate) -> None:
        from tenpy.algorithms.truncation import svd_theta

        npc, psi = self.npc, self.psi
        c = npc.tensordot(gate, psi.get_theta(b, n=2, formL=0.0),
                          axes=(["p0*", "p1*"], ["p0", "p1"]))
        c.itranspose(["vL", "p0", "p1", "vR"])
        theta = c.scale_axis(psi.get_SL(b), "vL").combine_legs([("vL", "p0"), ("p1", "vR")],
                                                               qconj=[+1, -1])
        _, s, v, _, renorm = svd_theta(theta, self.trunc, [psi.get_B(b, None).qtotal, None],
                                       inner_labels=["vR", "vL"])
        right = v.split_legs(1).ireplace_label("p1", "p")
        left = npc.tensordot(c.combine_legs(("p1", "vR"), pipes=theta.legs[1]), v.conj(),
                             axes=["(p1.vR)", "(p1*.vR*)"])
        left.ireplace_labels(["vL*", "p0"], ["vR", "p"])
        psi.set_SR(b, s)
        psi.set_B(b, left / renorm, form="B")
        psi.set_B(b + 1, right, form="B")

    def step(self, dt: float) -> None:
        """One Strang step ``A(dt/2) B(dt) A(dt/2)``."""
        for first, tau in ((0, dt / 2), (1, dt), (0, dt / 2)):
            for b, gate in self._layer(first, tau):
                self._update(b, gate)

    def expectations(self, operators: list[tuple[int, np.ndarray]]) -> np.ndarray:
        """Trace expectations of Pauli-weight operators (:func:`symness.mps.mps.expectations`)."""
        tensors = [self.psi.get_B(i, "B").to_ndarray() for i in range(self.L)]
        left, right = [np.ones(1)], [np.ones(1)]
        for a in tensors:
            left.append(left[-1] @ a[:, 0, :])
        for a in reversed(tensors):
            right.append(a[:, 0, :] @ right[-1])
        right.reverse()
        inv = np.linalg.inv(CHARGE_BASIS)
        out = []
        for first, w in operators:
            wd = w.astype(complex)
            for ax in range(w.ndim):                      # <O> = sum_b (w U^-1)_b d_b
                wd = np.moveaxis(np.tensordot(wd, inv, axes=(ax, 0)), -1, ax)
            v = left[first]
            for s in range(w.ndim):
                v = np.tensordot(v, tensors[first + s], axes=(-1, 0))
            out.append((np.sum((v @ right[first + w.ndim]) * wd) / left[-1][0]).real)
        return np.array(out)


def _side_by_side(L: int, chi: int, steps: int, dt: float = 0.25) -> list[list]:
    from symness.mps.figures import fig2_spec
    from symness.mps.lindblad_tebd import bond_generators, observables
    from symness.mps.mps import expectations, product_state
    from symness.mps.sweep import chain_from_spec
    from symness.mps.tebd import GateCache, Truncation, apply_stages, stages

    chain = chain_from_spec(fig2_spec(L, "3/5", 0, chi))
    gens = bond_generators(chain)
    ops = observables(chain)

    def bulk_energy(values: np.ndarray) -> float:
        return float(np.mean(values[[i - 1 for i in chain.energy_sites]]))

    mps, cache = product_state([np.eye(2) / 2] * L), GateCache(gens)
    trunc = Truncation(chi=chi, trunc_weight=1e-13, update="qr")
    t0 = time.perf_counter()
    for _ in range(steps):
        apply_stages(mps, cache, stages(2), dt, trunc)
    t_pauli = time.perf_counter() - t0
    j_pauli = bulk_energy(expectations(mps, ops["energy_current"]))
    eng = _TenpyEngine(gens, chi)
    t0 = time.perf_counter()
    for _ in range(steps):
        eng.step(dt)
    t_u1 = time.perf_counter() - t0
    j_u1 = bulk_energy(eng.expectations(ops["energy_current"]))
    diff = abs(j_u1 - j_pauli) / abs(j_pauli)
    return [["symness real Pauli MPS (QR route)", L, chi, steps, round(t_pauli / steps, 4), 1.0,
             f"j_E={j_pauli:.5e}"],
            ["physics-tenpy U(1) MPS (complex)", L, chi, steps, round(t_u1 / steps, 4),
             round(t_pauli / t_u1, 3), f"j_E={j_u1:.5e} (rel. diff {diff:.1e})"]]


@benchmark("mps-u1", description="TEBD NESS engine: real Pauli MPS vs a U(1) charge-conserving "
                                 "MPS (physics-tenpy), seconds per step side by side")
def run_u1(*, quick: bool) -> Table:
    """Seconds per Trotter step of both engines (module docstring); ``quick``: L=10, chi=16."""
    cases = [(10, 16, 20)] if quick else [(10, 16, 20), (32, 64, 40)]
    rows = [row for L, chi, steps in cases for row in _side_by_side(L, chi, steps)]
    return Table(title="mps-u1: Lindblad TEBD per step, real Pauli MPS vs U(1) block-sparse "
                       "(physics-tenpy)",
                 columns=["engine", "L", "chi", "steps", "seconds_per_step",
                          "ratio_package_over_engine", "bulk j_E at t = steps * 0.25"],
                 rows=rows, command=f"symness bench mps-u1{' --quick' if quick else ''}",
                 parameters={"chain": "Fig. 2(b) drive, Delta=1, h=0.6, seed 0", "order": 2,
                             "dt": 0.25, "threads": "OMP_NUM_THREADS=1"},
                 notes=["ratio = package seconds per step / this engine's (< 1: the package "
                        "is faster)"])
