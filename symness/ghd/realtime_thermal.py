"""Real-time evolution of a junction of two thermal states (Example 1) with purification TEBD.

The initial state of Bertini et al. (2016), Example 1, is the product of two thermal states
of the open XXZ chain (``ghd.realtime``: H = sum_l h_{l,l+1}, h = s^x s^x + s^y s^y +
Delta s^z s^z, spin-1/2, J = 1, the convention of ``tba.thermal``), joined at x = 0:

    rho(0) ~ exp(-beta_L H_L - beta_R H_R),

H_L (H_R) the bonds of the left (right) L/2 sites, the junction bond absent.  It is a
purification |psi> with rho = Tr_ancilla |psi><psi| (tenpy ``PurificationMPS``, physical and
ancilla spin per site, U(1) charge S^z conserved): starting from infinite temperature,
exp(-H_beta / 2) is applied in imaginary time tau = 1/2 with the inhomogeneous couplings
H_beta = sum_l beta_l h_{l,l+1} (beta_L left, 0 on the junction bond, beta_R right), by
tenpy's ``PurificationTEBD`` (second-order Trotter, step ``dtau``).  The state evolves with
the uniform H by ``PurificationTEBD`` in real time (fourth-order Trotter, step ``dt``,
bond dimension <= ``chi``), with the backward-evolution disentangler on the ancillas
(Karrasch, Bardarson, Moore, PRL 108, 227206 (2012)), which changes no physical expectation
value.  Recorded at ``times``:

* q1 on every bond, <h_{l,l+1}> - Delta/4 (density of Q_1 = H - Delta L/4, ``tba.charges``),
  at x = l + 1 - L/2 (``realtime.bond_positions``);
* j1 on every inner site, <i [h_{l-1,l}, h_{l,l+1}]> (energy current flowing to the right
  across site l, eq. (13); the operator is -q_2, ``tba.exact_diag.q2_density``), at
  x = l + 1/2 - L/2 (``realtime.site_positions``);
* max_l |<s^z_l>| (zero by the spin-flip symmetry of the state and of H).

Outside the light cone of the junction nothing moves: rho(0) restricted to either half is
that half's own thermal state, stationary under its own Hamiltonian.  The independent check
is :func:`exact_junction` (dense exp(-iHt) rho exp(iHt), L <= 10).

Runs are cached as JSON (:func:`load_or_run`), written after every recorded time; the MPS is
checkpointed (pickle) next to it under ``checkpoint_dir`` so that an interrupted run resumes.
"""

from __future__ import annotations

import json
import pickle
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from symness.ghd.realtime import validate_tebd
from symness.outputs import atomic_write_bytes, atomic_write_text
from symness.tba.exact_diag import dense_on, local_bond, q2_density
from symness.validation import ParameterError, require_int, require_real

__all__ = ["JunctionRun", "evolve_and_record", "junction_couplings", "exact_junction",
           "initial_q1", "junction_tebd", "load_or_run", "cached_or_run", "local_npc_operator",
           "read_run"]


@dataclass(frozen=True)
class JunctionRun:
    """Profiles of one run: q1[k, bond], j1[k, site - 1] at times[k], and the error record.

    ``betas`` is () and ``dtau`` 0 for a pure initial state.
    """

    protocol: str
    length: int
    delta: float
    betas: tuple[float, ...]
    chi: int
    dt: float
    dtau: float
    times: tuple[float, ...]
    q1: np.ndarray
    j1: np.ndarray
    sz_max: tuple[float, ...]
    truncation: tuple[float, ...]
    max_chi: tuple[int, ...]
    seconds: float


def junction_couplings(length: int, beta_left: float, beta_right: float) -> np.ndarray:
    """beta_l of the L - 1 bonds: beta_L on the left half, 0 on the junction, beta_R right."""
    half = length // 2
    return np.array([beta_left] * (half - 1) + [0.0] + [beta_right] * (half - 1))


def _validate(length: int, delta: float, betas: tuple[float, float], times) -> tuple:
    length = require_int(length, "length", minimum=4, maximum=1024)
    if length % 2:
        raise ParameterError(f"'length' must be even (got {length})")
    delta = float(require_real(delta, "delta", minimum=-1, maximum=1))
    betas = tuple(float(require_real(b, name, minimum=0, maximum=50))
                  for b, name in zip(betas, ("beta_left", "beta_right")))
    times = tuple(float(t) for t in times)
    if any(b <= a for a, b in zip((0.0, *times), times)):
        raise ParameterError(f"'times' must be positive and increasing (got {times})")
    return length, delta, betas, times


def _dense_observables(rho: np.ndarray, length: int, delta: float) -> tuple[np.ndarray, ...]:
    def expect(op, first):
        return np.trace(rho @ dense_on(op, first, length)).real

    q1 = [expect(local_bond(delta), b) - delta / 4 for b in range(length - 1)]
    j1 = [-expect(q2_density(delta), s - 1) for s in range(1, length - 1)]
    sz = [expect(np.diag([0.5, -0.5]), s) for s in range(length)]
    return np.array(q1), np.array(j1), float(np.max(np.abs(sz)))


def exact_junction(length: int, delta: float, betas: tuple[float, float],
                   times: tuple[float, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Dense reference: q1[k, bond] and j1[k, site - 1] of exp(-iHt) rho(0) exp(iHt).

    rho(0) = exp(-sum_l beta_l h_l) / Z (:func:`junction_couplings`) by ``scipy.linalg.expm``
    of the 2^L x 2^L matrix; meant for L <= 10.
    """
    import scipy.linalg as sla

    length, delta, betas, times = _validate(length, delta, betas, times)
    if length > 10:
        raise ParameterError(f"'length' must be <= 10 for the dense reference (got {length})")
    bonds = [dense_on(local_bond(delta), b, length) for b in range(length - 1)]
    rho = sla.expm(-sum(c * h for c, h in zip(junction_couplings(length, *betas), bonds)))
    rho /= np.trace(rho)
    ham = sum(bonds)
    q1, j1 = [], []
    for t in times:
        u = sla.expm(-1j * t * ham)
        obs = _dense_observables(u @ rho @ u.conj().T, length, delta)
        q1.append(obs[0])
        j1.append(obs[1])
    return np.array(q1), np.array(j1)


def local_npc_operator(dense: np.ndarray, leg):
    """A dense operator on n consecutive sites as a tenpy Array (labels p0, p0*, p1, ...)."""
    import tenpy.linalg.np_conserved as npc

    n = int(round(np.log2(dense.shape[0])))
    array = dense.reshape([2] * (2 * n)).transpose([k for i in range(n) for k in (i, n + i)])
    labels = [lab for i in range(n) for lab in (f"p{i}", f"p{i}*")]
    return npc.Array.from_ndarray(array, [lg for _ in range(n) for lg in (leg, leg.conj())],
                                  labels=labels)


def _axes(n: int) -> tuple[list[str], list[str]]:
    return [f"p{i}" for i in range(n)], [f"p{i}*" for i in range(n)]


def _measure(psi, leg, delta: float) -> tuple[np.ndarray, np.ndarray, float]:
    bond = local_npc_operator(local_bond(delta), leg)
    current = local_npc_operator(-q2_density(delta), leg)
    q1 = np.real(psi.expectation_value(bond, axes=_axes(2))) - delta / 4
    j1 = np.real(psi.expectation_value(current, axes=_axes(3)))
    sz = float(np.max(np.abs(psi.expectation_value("Sz"))))
    return q1, j1, sz


def _models(length: int, delta: float, betas: tuple[float, float]):
    from tenpy.models.xxz_chain import XXZChain

    common = {"L": length, "hz": 0.0, "bc_MPS": "finite", "conserve": "Sz"}
    couplings = junction_couplings(length, *betas)
    cooling = XXZChain({**common, "Jxx": couplings, "Jz": delta * couplings})
    return cooling, XXZChain({**common, "Jxx": 1.0, "Jz": delta})


def _initial_state(cooling, chi: int, dtau: float):
    """exp(-H_beta / 2) |infinite T> by second-order imaginary-time TEBD."""
    from tenpy.algorithms.purification import PurificationTEBD
    from tenpy.networks.purification_mps import PurificationMPS

    steps = round(0.5 / dtau)
    if abs(steps * dtau - 0.5) > 1e-12:
        raise ParameterError(f"'dtau' must divide 1/2 (got {dtau})")
    psi = PurificationMPS.from_infiniteT(cooling.lat.mps_sites(), bc="finite")
    engine = PurificationTEBD(psi, cooling, {"trunc_params": {"chi_max": chi,
                                                              "svd_min": 1e-12}})
    # run_imaginary() would log bond energies, which fails on the zero junction bond
    engine.calc_U(2, dtau, type_evo="imag")
    engine.update_imag(N_steps=steps, call_canonical_form=True)
    return psi


def initial_q1(length: int, delta: float, betas: tuple[float, float], *, chi: int,
               dtau: float) -> np.ndarray:
    """q1 on every bond of the initial purification of :func:`junction_tebd` (t = 0)."""
    length, delta, betas, _ = _validate(length, delta, betas, ())
    cooling, _ = _models(length, delta, betas)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        psi = _initial_state(cooling, chi, dtau)
    return _measure(psi, psi.sites[0].leg, delta)[0]


def _payload(run: JunctionRun) -> str:
    data = {"protocol": run.protocol, "length": run.length,
            "delta": run.delta, "betas": list(run.betas), "chi": run.chi, "dt": run.dt,
            "dtau": run.dtau, "trotter_order": 4, "times": list(run.times),
            "sz_max": list(run.sz_max), "truncation_error": list(run.truncation),
            "max_chi": list(run.max_chi), "seconds": round(run.seconds),
            "q1": [[float(f"{v:.12e}") for v in row] for row in run.q1],
            "j1": [[float(f"{v:.12e}") for v in row] for row in run.j1]}
    return json.dumps(data, indent=0) + "\n"


def read_run(path: Path) -> JunctionRun:
    """A run cached as JSON by :func:`evolve_and_record`."""
    data = json.loads(Path(path).read_text())
    return JunctionRun(data["protocol"], data["length"], data["delta"], tuple(data["betas"]),
                       data["chi"], data["dt"], data["dtau"], tuple(data["times"]),
                       np.array(data["q1"]), np.array(data["j1"]), tuple(data["sz_max"]),
                       tuple(data["truncation_error"]), tuple(data["max_chi"]),
                       float(data["seconds"]))


def junction_tebd(length: int, delta: float, betas: tuple[float, float],
                  times: tuple[float, ...], *, chi: int, dt: float = 0.1, dtau: float = 0.01,
                  cache: Path | None = None,
                  checkpoint_dir: Path | None = None) -> JunctionRun:
    """Evolve the two-temperature junction and record q1, j1 at ``times``.

    Parameters
    ----------
    length : int
        Even chain length L.
    delta : float
        Anisotropy Delta.
    betas : (float, float)
        Inverse temperatures (beta_L, beta_R).
    times : tuple of float
        Increasing multiples of ``dt``.
    chi : int
        Maximal bond dimension (imaginary and real time).
    dt, dtau : float
        Real-time (order 4) and imaginary-time (order 2) Trotter steps.
    cache : Path, optional
        JSON file rewritten after every recorded time.
    checkpoint_dir : Path, optional
        Where the MPS is pickled after every recorded time (resumption).

    Returns
    -------
    JunctionRun
    """
    from tenpy.algorithms.purification import PurificationTEBD

    length, delta, betas, times = _validate(length, delta, betas, times)
    _, _, chi, dt = validate_tebd(length, delta, chi, dt, min_length=4)
    dtau = float(require_real(dtau, "dtau", minimum=0, maximum=0.5, open_minimum=True))
    cooling, model = _models(length, delta, betas)
    meta = {"protocol": "two temperatures (Example 1)", "length": length, "delta": delta,
            "betas": betas, "chi": chi, "dt": dt, "dtau": dtau}
    options = {"order": 4, "dt": dt, "N_steps": 1, "disentangle": "backwards",
               "trunc_params": {"chi_max": chi, "svd_min": 1e-12}}
    return evolve_and_record(lambda: _initial_state(cooling, chi, dtau),
                             lambda psi: PurificationTEBD(psi, model, options),
                             meta, times, cache=cache, checkpoint_dir=checkpoint_dir)


def evolve_and_record(initial: Callable, engine_for: Callable, meta: dict,
                      times: tuple[float, ...], *, cache: Path | None = None,
                      checkpoint_dir: Path | None = None) -> JunctionRun:
    """Run a TEBD engine on an MPS, recording q1, j1, max|s^z| at ``times`` (resumable).

    Parameters
    ----------
    initial : callable
        () -> the initial (purification) MPS.
    engine_for : callable
        psi -> a tenpy TEBD engine with ``options["dt"]`` (its ``N_steps`` is set here).
    meta : dict
        The :class:`JunctionRun` fields protocol, length, delta, betas, chi, dt, dtau.
    times : tuple of float
        Increasing multiples of ``meta["dt"]``.
    cache, checkpoint_dir : Path, optional
        JSON of the records so far; directory of the pickled MPS (both after every time).
    """
    dt = meta["dt"]
    steps = [round(t / dt) for t in times]
    if any(abs(s * dt - t) > 1e-9 for s, t in zip(steps, times)):
        raise ParameterError(f"'times' must be multiples of dt={dt} (got {times})")
    ckpt = None if checkpoint_dir is None else (
        Path(checkpoint_dir) / f"{Path(cache).stem if cache else 'run'}.pkl")
    record = {"q1": [], "j1": [], "sz": [], "trunc": [], "chi": []}
    done, seconds = 0, 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if ckpt is not None and ckpt.exists():
            psi, record, done, seconds = pickle.loads(ckpt.read_bytes())
        else:
            start = time.perf_counter()
            psi = initial()
            seconds = time.perf_counter() - start
        base = record["trunc"][-1] if record["trunc"] else 0.0
        engine = engine_for(psi)
        leg = psi.sites[0].leg
        for k, target in enumerate(steps):
            if k < len(record["q1"]):
                continue
            start = time.perf_counter()
            engine.options["N_steps"] = target - done
            engine.run()
            done = target
            q1, j1, sz = _measure(psi, leg, meta["delta"])
            record["q1"].append(q1)
            record["j1"].append(j1)
            record["sz"].append(sz)
            record["trunc"].append(base + float(engine.trunc_err.eps))
            record["chi"].append(int(max(psi.chi)))
            seconds += time.perf_counter() - start
            run = _run(meta, times[:k + 1], record, seconds)
            if cache is not None:
                atomic_write_text(Path(cache), _payload(run))
            if ckpt is not None:
                atomic_write_bytes(ckpt, pickle.dumps((psi, record, done, seconds)))
    return _run(meta, times, record, seconds)


def _run(meta: dict, times, record, seconds) -> JunctionRun:
    return JunctionRun(meta["protocol"], meta["length"], meta["delta"], tuple(meta["betas"]),
                       meta["chi"], meta["dt"], meta["dtau"], tuple(times),
                       np.array(record["q1"]), np.array(record["j1"]), tuple(record["sz"]),
                       tuple(record["trunc"]), tuple(record["chi"]), seconds)


def cached_or_run(path: Path, expected: dict, compute: Callable[[], JunctionRun]) -> JunctionRun:
    """The run cached at ``path`` if its fields equal ``expected``, else ``compute()``.

    ``compute`` writes the cache; ``expected`` names :class:`JunctionRun` fields (times too).
    """
    path = Path(path)
    if path.exists():
        run = read_run(path)
        if all(getattr(run, field) == value for field, value in expected.items()):
            return run
    return compute()


def load_or_run(path: Path, length: int, delta: float, betas: tuple[float, float],
                times: tuple[float, ...], *, chi: int, dt: float = 0.1, dtau: float = 0.01,
                checkpoint_dir: Path | None = None) -> JunctionRun:
    """The cached run at ``path`` if it has these parameters and all ``times``, else run it."""
    expected = {"length": length, "delta": delta, "betas": tuple(betas), "chi": chi, "dt": dt,
                "dtau": dtau, "times": tuple(times)}
    return cached_or_run(path, expected, lambda: junction_tebd(
        length, delta, betas, times, chi=chi, dt=dt, dtau=dtau, cache=Path(path),
        checkpoint_dir=checkpoint_dir))
