"""Steady states of Lindblad master equations, checked before they are returned.

:func:`steady_state` dispatches (QuTiP ``steadystate`` style) to one of

``"dense"``
    Dense LU of the full ``4**n`` generator with the trace condition added as
    a rank-one term; the reference for tiny systems (``2**n <= 64``).
``"sparse"``
    The same equation as a sparse LU (SuperLU) of the full generator; an
    independent check up to ``n = 7`` (8 s; at ``n = 8`` fill-in makes it take
    more than ten minutes).
``"sector"``
    The fast method: GMRES in the U(1) block of equal ket/bra magnetisation,
    preconditioned by the exact block Lyapunov inverse
    (:mod:`.sector_solver`); ``n = 10`` in seconds.
``"auto"``
    ``"sector"`` when :func:`.detect_sectors` finds the U(1) structure in the
    operators, else ``"dense"`` for ``2**n <= 32`` and ``"sparse"`` otherwise.

Every result carries :class:`SteadyStateChecks` (trace, Hermiticity, smallest
eigenvalue, residual ``||L(rho)||_F``) computed on the returned matrix; a state
that fails them raises :class:`SteadyStateError` instead of being returned.
"""

from __future__ import annotations

import dataclasses
import math
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.linalg as sla
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from symness import tolerance
from symness.lindblad.liouvillian import apply_liouvillian, jump_weight, liouvillian
from symness.lindblad.memory import solve_cost
from symness.lindblad.sector_solver import solve_sector_steady_state
from symness.lindblad.sectors import detect_sectors
from symness.resources import announce, require_fits
from symness.validation import ParameterError, SolverError, require_choice

__all__ = ["SteadyState", "SteadyStateChecks", "SteadyStateError", "steady_state", "METHODS",
           "check_state", "require_steady_state_fits", "generator_steady_state",
           "hermitian_basis"]


class SteadyStateError(SolverError):
    """A solver did not converge, or its result failed the steady-state checks."""


@dataclass(frozen=True)
class SteadyStateChecks:
    """Basis-independent acceptance checks of a density matrix ``rho``.

    Attributes
    ----------
    trace_error : float
        ``|tr rho - 1|``.
    hermiticity_error : float
        ``max |rho - rho^†|``.
    min_eigenvalue : float
        Smallest eigenvalue of ``(rho + rho^†)/2``.
    residual : float
        ``||L(rho)||_F``.
    relative_residual : float
        ``||L(rho)||_F / (s ||rho||_F)`` with ``s = 2||H|| + 2 w sum_k ||L_k||^2``
        (norms bounded by ``sqrt(||.||_1 ||.||_inf)``), a bound on ``||L||``.
    """

    trace_error: float
    hermiticity_error: float
    min_eigenvalue: float
    residual: float
    relative_residual: float

    @property
    def passed(self) -> bool:
        """All checks within :mod:`symness.tolerance` (NaN fails)."""
        return bool(self.trace_error <= tolerance.DENSITY_MATRIX_ATOL
                    and self.hermiticity_error <= tolerance.DENSITY_MATRIX_ATOL
                    and self.min_eigenvalue >= -tolerance.STEADY_STATE_POSITIVITY
                    and self.relative_residual <= tolerance.STEADY_STATE_RESIDUAL)

    def as_dict(self) -> dict:
        """Plain dictionary (for CSV/JSON output)."""
        return {k: float(getattr(self, k)) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class SteadyState:
    """A checked steady state.

    Attributes
    ----------
    rho : ndarray
        Dense ``(2**n, 2**n)`` density matrix (trace one).
    checks : SteadyStateChecks
    method : str
        The method that produced it.
    seconds : float
        Wall time of solve plus checks.
    iterations : int or None
        Krylov iterations of an iterative method.
    """

    rho: np.ndarray
    checks: SteadyStateChecks
    method: str
    seconds: float
    iterations: int | None = None

    def expect(self, op) -> float:
        """``tr(rho op)`` for a Hermitian ``op`` (array or sparse); the real part."""
        value = (op.multiply(self.rho.T).sum() if sp.issparse(op)
                 else np.einsum("ij,ji->", np.asarray(op), self.rho))
        return float(np.real(value))


def _norm2_bound(op) -> float:
    a = sp.csr_matrix(op)
    return float(np.sqrt(spla.norm(a, 1) * spla.norm(a, np.inf)))


def check_state(hamiltonian, jumps: Sequence, rho: np.ndarray, *, dissipator: str,
                blocks: Sequence[np.ndarray] | None = None) -> SteadyStateChecks:
    """Measure trace, Hermiticity, positivity and the residual of ``rho``.

    ``blocks`` (index arrays of a block-diagonal ``rho``, e.g. magnetisation
    sectors) makes the eigenvalue check blockwise; the entries of ``rho``
    outside the blocks must then vanish, else the full spectrum is computed.
    """
    w = jump_weight(dissipator)
    residual = float(np.linalg.norm(apply_liouvillian(hamiltonian, jumps, rho,
                                                      dissipator=dissipator)))
    scale = 2 * _norm2_bound(hamiltonian) + 2 * w * sum(_norm2_bound(a) ** 2 for a in jumps)
    return _checks(rho, residual, scale, blocks)


def _checks(rho: np.ndarray, residual: float, scale: float,
            blocks: Sequence[np.ndarray] | None = None) -> SteadyStateChecks:
    """The checks of ``rho`` from ``||L(rho)||_F`` and a bound ``scale >= ||L||``."""
    herm = 0.5 * (rho + rho.conj().T)
    if blocks is not None:
        outside = np.count_nonzero(rho) - sum(np.count_nonzero(rho[np.ix_(b, b)]) for b in blocks)
        blocks = blocks if outside == 0 else None
    spectra = ([sla.eigvalsh(herm[np.ix_(b, b)]) for b in blocks] if blocks is not None
               else [sla.eigvalsh(herm)])
    return SteadyStateChecks(
        trace_error=float(abs(np.trace(rho) - 1)),
        hermiticity_error=float(np.abs(rho - rho.conj().T).max()),
        min_eigenvalue=float(min(s.min() for s in spectra)),
        residual=residual,
        relative_residual=residual / (scale * float(np.linalg.norm(rho))),
    )


def hermitian_basis(d: int) -> sp.csr_matrix:
    """Sparse unitary ``T`` whose columns are ``vec`` of an orthonormal Hermitian basis.

    Columns: ``|a><a|``; ``(|a><b| + |b><a|)/sqrt 2`` and ``i(|a><b| - |b><a|)/sqrt 2``
    for ``a < b``.  A Hermiticity-preserving superoperator ``L`` becomes the real
    matrix ``T^† L T`` (two nonzeros per column of ``T``, so the change is cheap).
    """
    rows, cols, vals = [], [], []
    col = 0
    for a in range(d):
        rows.append(a * d + a)
        cols.append(col)
        vals.append(1.0)
        col += 1
    r = 1 / math.sqrt(2)
    for a in range(d):
        for b in range(a + 1, d):
            rows += [a * d + b, b * d + a, a * d + b, b * d + a]
            cols += [col, col, col + 1, col + 1]
            vals += [r, r, 1j * r, -1j * r]
            col += 2
    return sp.csr_matrix((vals, (rows, cols)), shape=(d * d, d * d), dtype=complex)


def generator_steady_state(generator, *, positive: bool = True) -> SteadyState:
    """Unit-trace steady state of a Hermiticity-preserving generator, checked.

    For generators that are not given as ``(H, jumps)``, e.g. the Redfield and
    perturbative Liouvillians of Ishida & Sugita (2022), eq. (16).  In the basis of
    :func:`hermitian_basis` the generator is a real matrix; one of its rows (a
    diagonal population, which carries weight in ``vec(1)^T L = 0``) is replaced by
    ``Tr rho = 1`` and the real system is solved by dense LU (LAPACK), so
    ``d**2 <= 4096`` is the practical range.

    Parameters
    ----------
    generator : (d**2, d**2) sparse matrix or array
        ``d vec(rho)/dt = L vec(rho)``, row-major ``vec`` as in :func:`.liouvillian`.
    positive : bool
        Whether the checks include positivity.  ``False`` for generators that are
        not completely positive (Redfield), whose steady state may have eigenvalues
        ``-O(coupling)``; the other checks still apply.

    Returns
    -------
    SteadyState
        ``method="generator"``; the residual is relative to ``sqrt(||L||_1 ||L||_inf)``.

    Raises
    ------
    SteadyStateError
        The generator does not preserve Hermiticity, its steady state is not unique
        (singular or ill-conditioned system), or the state fails its checks.

    Examples
    --------
    The generator of a qubit pumped up at rate 1 (``"standard"``):

    >>> import numpy as np
    >>> gen = liouvillian(np.zeros((2, 2)), [np.array([[0, 1], [0, 0]])], dissipator="standard")
    >>> ss = generator_steady_state(gen)
    >>> round(ss.expect(np.diag([1.0, -1.0])), 12)
    1.0
    """
    start = time.perf_counter()
    gen = sp.csr_matrix(generator)
    d = int(round(math.sqrt(gen.shape[0])))
    basis = hermitian_basis(d)
    real = (basis.conj().T @ gen @ basis).toarray()
    scale = _norm2_bound(gen)
    if np.abs(real.imag).max() > tolerance.FLOAT64_IDENTITY * max(scale, 1.0):
        raise SteadyStateError("the generator does not preserve Hermiticity")
    system = real.real
    system[0, :] = 0.0
    system[0, :d] = 1.0
    rhs = np.zeros(d * d)
    rhs[0] = 1.0
    vec = basis @ _dense_solve(system, rhs)
    rho = vec.reshape(d, d)
    checks = _checks(rho, float(np.linalg.norm(gen @ vec)), scale)
    acceptable = dataclasses.replace(checks, min_eigenvalue=0.0) if not positive else checks
    if not acceptable.passed:
        raise SteadyStateError(f"the generator's steady state fails its checks: {checks}")
    return SteadyState(rho=0.5 * (rho + rho.conj().T), checks=checks, method="generator",
                       seconds=time.perf_counter() - start)


def _solve_full(hamiltonian, jumps, dissipator: str, *, dense: bool) -> np.ndarray:
    """``(L + s e_0 vec(1)^T) vec(rho) = s e_0``: nonsingular iff the steady state is unique."""
    gen = liouvillian(hamiltonian, jumps, dissipator=dissipator)
    dim = int(round(np.sqrt(gen.shape[0])))
    s = float(abs(gen).max())
    trace_row = sp.csr_matrix((np.full(dim, s), (np.zeros(dim, dtype=int),
                                                  np.arange(dim) * (dim + 1))), shape=gen.shape)
    gen = gen + trace_row  # row of rho[0, 0] += s vec(1)^T; vec(1) has ones at a*(d+1)
    rhs = np.zeros(dim * dim, dtype=complex)
    rhs[0] = s
    if dense:
        v = _dense_solve(gen.toarray(), rhs)
    else:
        v = spla.spsolve(gen.tocsc(), rhs)
    return v.reshape(dim, dim)


def _dense_solve(system: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """LU solve that refuses a singular or ill-conditioned system (``SteadyStateError``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", sla.LinAlgWarning)
        try:
            return sla.solve(system, rhs)
        except sla.LinAlgWarning as exc:  # rcond below machine epsilon: no digit is safe
            raise SteadyStateError(f"the generator is ill-conditioned ({exc}); its "
                                   f"parameters span too many orders of magnitude for "
                                   f"float64") from None
        except np.linalg.LinAlgError as exc:
            raise SteadyStateError(f"the steady state is not unique ({exc})") from None


def _dense(hamiltonian, jumps, dissipator, *, sectors, progress):
    return _solve_full(hamiltonian, jumps, dissipator, dense=True), None, None


def _sparse(hamiltonian, jumps, dissipator, *, sectors, progress):
    return _solve_full(hamiltonian, jumps, dissipator, dense=False), None, None


def _sector(hamiltonian, jumps, dissipator, *, sectors, progress):
    if sectors is None:
        raise ParameterError("'method' = 'sector' needs H conserving the magnetisation and jumps "
                             "changing it by one definite amount each; use 'dense', 'sparse' "
                             "or 'auto'")
    solution = solve_sector_steady_state(sectors, jump_weight(dissipator), progress=progress)
    return sectors.embed(solution.blocks), solution.iterations, sectors.index


#: Method name -> private solver ``(H, jumps, dissipator, *, sectors, progress)``
#: returning ``(rho, iterations, sector index or None)``; ``sectors`` is the
#: result of :func:`.detect_sectors` (``None`` without U(1) structure).
METHODS: dict[str, Callable] = {"dense": _dense, "sparse": _sparse, "sector": _sector}


def _size(hamiltonian, jumps) -> int:
    """Number of spins ``n`` (``2**n`` rounded up) of a validated square ``H`` and its jumps."""
    shape = getattr(hamiltonian, "shape", None)
    if shape is None or len(shape) != 2 or shape[0] != shape[1] or shape[0] < 1:
        raise ParameterError(f"'hamiltonian' must be a square matrix (got "
                             f"{type(hamiltonian).__name__} of shape {shape})")
    if jumps is None or isinstance(jumps, (str, bytes)) or not isinstance(jumps, Sequence):
        raise ParameterError(f"'jumps' must be a sequence of matrices (got {jumps!r:.60})")
    for k, op in enumerate(jumps):
        if getattr(op, "shape", None) != shape:
            raise ParameterError(f"'jumps'[{k}] must have the shape {shape} of 'hamiltonian' "
                                 f"(got {getattr(op, 'shape', type(op).__name__)})")
    return max(1, math.ceil(math.log2(shape[0])))


def _require_finite_scale(hamiltonian, jumps, dissipator: str) -> None:
    """Refuse operators whose norm bound overflows float64 (no check could be trusted)."""
    with np.errstate(over="ignore"):
        scale = 2 * _norm2_bound(hamiltonian) + 2 * jump_weight(dissipator) * sum(
            _norm2_bound(a) ** 2 for a in jumps)
    if not math.isfinite(scale) or scale > 1e150:
        raise ParameterError(f"'hamiltonian' and 'jumps' must have norms below 1e75 so that "
                             f"||L|| fits float64 (got a bound {scale:.1e})")


def require_steady_state_fits(n: int, method: str, memory_limit: float | None = None) -> None:
    """Refuse ``n`` spins for ``method`` before any operator is built (``ParameterError``).

    ``"auto"`` is checked as ``"sector"`` (its cheapest route); :func:`steady_state` checks
    the method it picks again.  Prints the estimated time of a long solve.
    """
    name = require_choice(method, "method", ("auto", *METHODS))
    name = "sector" if name == "auto" else name
    what = f"steady state, method {name!r}"
    cost = require_fits(lambda k: solve_cost(name, k), "n", n, what=what,
                        minimum=1, limit=memory_limit)
    announce(cost, what)


def _require_generator_only(hamiltonian, jumps, dissipator, method: str) -> None:
    """A ``generator`` replaces ``(hamiltonian, jumps, dissipator)``; it has one method."""
    given = [name for name, value in (("hamiltonian", hamiltonian), ("dissipator", dissipator))
             if value is not None]
    if jumps is not None and len(jumps):
        given.append("jumps")
    if given:
        raise ParameterError(f"give either 'generator' or 'hamiltonian', 'jumps' and "
                             f"'dissipator', not both (got 'generator' and {given})")
    if method != "auto":
        raise ParameterError(f"'method' must be 'auto' with a 'generator' (dense LU of "
                             f"the real generator; got {method!r})")


def _auto(hamiltonian, sectors) -> str:
    if sectors is not None:
        return "sector"
    return "dense" if np.shape(hamiltonian)[0] <= 32 else "sparse"


def steady_state(hamiltonian=None, jumps: Sequence = (), *, generator=None,
                 dissipator: str | None = None, method: str = "auto", positive: bool = True,
                 progress: Callable[[int, float], None] | None = None,
                 memory_limit: float | None = None) -> SteadyState:
    """Steady state ``L(rho) = 0``, ``tr rho = 1`` of a Lindblad generator, checked.

    The one entry point: the generator is given either as ``(hamiltonian, jumps)`` with a
    ``dissipator``, or as a superoperator ``generator`` (e.g. a Redfield or perturbative
    Liouvillian), which is solved by :func:`generator_steady_state`.

    Parameters
    ----------
    hamiltonian : (d, d) array or sparse matrix, optional
    jumps : sequence of (d, d) arrays or sparse matrices
    generator : (d**2, d**2) sparse matrix or array, optional
        ``d vec(rho)/dt = L vec(rho)`` (row-major ``vec``); instead of ``hamiltonian``,
        ``jumps`` and ``dissipator``.
    dissipator : {"prosen", "standard"}
        ``"prosen"``: ``2 L rho L^† - {L^† L, rho}`` (Prosen (2011), eq. (1));
        ``"standard"``: ``L rho L^† - (1/2){L^† L, rho}``.  Required with ``hamiltonian``.
    method : {"auto", "dense", "sparse", "sector"}
        See the module docstring; a ``generator`` takes ``"auto"`` only (dense LU).
    positive : bool
        Whether the checks include positivity; ``False`` only for a ``generator`` that is
        not completely positive (:func:`generator_steady_state`).
    progress : callable, optional
        ``progress(iteration, relative_residual)`` for iterative methods.
    memory_limit : float, optional
        Bytes.  The method's estimate (:func:`.memory.solve_cost`) is checked against the
        available memory before anything is allocated, and against this limit when given;
        an estimated time from :data:`symness.resources.ANNOUNCE_FROM` seconds on is
        printed on stderr before the solve.

    Returns
    -------
    SteadyState

    Raises
    ------
    ParameterError
        Both or neither of ``hamiltonian`` and ``generator``, a ``generator`` with
        ``jumps``, a ``dissipator`` or a method other than ``"auto"``, ``positive=False``
        with ``hamiltonian``, a missing ``dissipator``,
        unknown ``method`` or ``dissipator``, ``H`` not square or a jump of another
        shape, operators whose norms overflow float64, ``"sector"`` without U(1)
        structure, or a solve whose memory estimate exceeds the available memory or
        ``memory_limit``.
    SteadyStateError
        The solver did not converge, or the state fails its checks
        (:attr:`SteadyStateChecks.passed`), e.g. when the steady state is not unique.

    Examples
    --------
    A qubit pumped up at rate 1 (``"standard"``) relaxes to ``|up><up|``:

    >>> import numpy as np
    >>> ss = steady_state(np.zeros((2, 2)), [np.array([[0, 1], [0, 0]])],
    ...                   dissipator="standard", method="dense")
    >>> round(ss.expect(np.diag([1.0, -1.0])), 12)
    1.0

    The same qubit given by its generator:

    >>> gen = liouvillian(np.zeros((2, 2)), [np.array([[0, 1], [0, 0]])], dissipator="standard")
    >>> round(steady_state(generator=gen).expect(np.diag([1.0, -1.0])), 12)
    1.0
    """
    if generator is not None:
        _require_generator_only(hamiltonian, jumps, dissipator, method)
        return generator_steady_state(generator, positive=positive)
    if hamiltonian is None:
        raise ParameterError("'hamiltonian' must be a square matrix (with 'jumps' and "
                             "'dissipator'), or give 'generator' (got neither)")
    if not positive:
        raise ParameterError("'positive' = False applies to a 'generator' only: a Lindblad "
                             "generator (H, jumps) is completely positive")
    if dissipator is None:
        raise ParameterError("'dissipator' must be given with 'hamiltonian' "
                             "(one of 'prosen', 'standard')")
    require_choice(method, "method", ("auto", *METHODS))
    jump_weight(dissipator)
    n = _size(hamiltonian, jumps)
    _require_finite_scale(hamiltonian, jumps, dissipator)
    start = time.perf_counter()
    if method in ("auto", "sector"):  # detect_sectors allocates the dense blocks
        require_steady_state_fits(n, "sector", memory_limit)
    sectors = detect_sectors(hamiltonian, jumps) if method in ("auto", "sector") else None
    name = _auto(hamiltonian, sectors) if method == "auto" else method
    if name != "sector" or sectors is not None:
        require_steady_state_fits(n if name != "sector" else sectors.n, name, memory_limit)
    try:
        rho, iterations, blocks = METHODS[name](hamiltonian, jumps, dissipator,
                                                sectors=sectors, progress=progress)
    except (RuntimeError, np.linalg.LinAlgError) as exc:
        raise SteadyStateError(f"method {name!r}: {exc}") from exc
    checks = check_state(hamiltonian, jumps, rho, dissipator=dissipator, blocks=blocks)
    if not checks.passed:
        raise SteadyStateError(f"method {name!r} returned a state that fails its checks: "
                               f"{checks}")
    return SteadyState(rho=rho, checks=checks, method=name,
                       seconds=time.perf_counter() - start, iterations=iterations)
