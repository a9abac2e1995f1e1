"""Exact steady states of quenches from two-site product states (string-charge duality).

After a quench from a product state |psi_0> = |psi>^{(x) L/2} the stationary state is fixed
by the expectation values of all (quasi-)local charges, among them the generating
functions of the fused transfer matrices T_s(u) (auxiliary spin s/2).  Their duality with
the hole densities (Ilievski, Quinn, De Nardis & Brockmann, J. Stat. Mech. (2016) 063101)
is used here at Delta = cos(pi/3), where the Takahashi-Suzuki species are (n, v) = (1, +),
(2, +), (1, -); every formula below was re-derived in the package's conventions and is
checked numerically (``tests/tba/test_string_charge.py``), not copied.

Conventions (checked against exact diagonalisation on rings): the Lax operator on the
auxiliary space (rows/columns a, a') is

    L(u) = [[sinh(u + i gamma s^z), i sin(gamma) s^-], [i sin(gamma) s^+, sinh(u - i gamma s^z)]]

(s^z = sigma^z/2 acting on the site), T_1(u) = tr_a L_N(u) .. L_1(u) commutes with H,
T_1(i gamma/2) is a multiple of the shift, and on a Bethe state with rapidities lambda_k
(e^{ik} = sinh(lambda + i gamma/2)/sinh(lambda - i gamma/2), as in ``tba.bare``)

    Lambda_1(u) = sinh^N(u + i gamma/2) prod_k sinh(u + lambda_k - i gamma)/sinh(u + lambda_k)
                + sinh^N(u - i gamma/2) prod_k sinh(u + lambda_k + i gamma)/sinh(u + lambda_k).

T_2(u) is the trace over the spin-1 (symmetric) block of L^a(u + i gamma/2) L^b(u - i gamma/2);
T_1(u + i gamma/2) T_1(u - i gamma/2) - T_2(u) is a scalar (the quantum determinant).

1. Generating functions.  In the strip 0 < Im u < gamma, with x_s(u) = (1/N) d/du ln T_s(u),

       <x_1(u)> = coth(u + i gamma/2) + sum_j int rho_j(l) sum_a [coth(u + l_a - i gamma)
                  - coth(u + l_a)] dl,
       <x_2(u)> = coth(u + i gamma) + coth(u) + sum_j int rho_j(l) sum_a
                  [coth(u + l_a - 3i gamma/2) - coth(u + l_a + i gamma/2)] dl

   (l_a the members of a string centred at l).  For the product state, T_s(u)^{-1} =
   T_s(u - i gamma)/Phi_s(u) up to corrections exponentially small in N (the leading
   eigenvalue of the two-row transfer matrix is the same for every state, checked), so

       <psi_0|x_s(u)|psi_0> = (1/2) d/dv ln Lambda_max(E_s(u - i gamma, v)) at v = u,

   with E_s the 2-site (one pair) transfer matrix of T_s(u - i gamma) T_s(v) in |psi>:
   an (s + 1)^2-dimensional eigenproblem (:func:`generating_function`).

2. Duality.  On the edges of the strip the poles of coth give delta functions; with the
   Bethe-Takahashi equations sigma_j rho_j^t = a_j - sum_k T_jk * rho_k:

       D_1(mu) = a_1 - [x_1(mu + i gamma - i0) + x_1(mu + i0) - C_1(mu)] / (2 pi i) = rho_1^h,
       D_2(mu) = a_2 - [x_2(mu + i gamma - i0) + x_2(mu + i0) - C_2(mu)] / (2 pi i)
               = rho_2^h + rho_3,

   C_1 = coth(mu + 3i gamma/2) + coth(mu + i gamma/2), C_2 = coth(mu + 2i gamma) +
   2 coth(mu + i gamma) + coth(mu); the extra rho_3 in D_2 is the delta function hidden in
   the degenerate a_3^- term of T_23 (3 gamma = pi).  At mu = 0 the edge values are
   interpolated along the edge from mu = +-0.001 .. +-0.006 (:func:`_edge_sum`).

3. Closure (assumed, argued here): spin-flip invariant states (Neel and the Bell pairs
   both are) have eta_3 = 1/eta_2.  Every h = 0 GGE of the local charges has it (checked
   numerically), and the single-particle eigenvalues of x_1 and x_2 on species 3 are
   minus those on species 2 at gamma = pi/3 (as e_3 = -e_2), so a GGE of the two families
   has the same structure.  With the equal total densities of the last two species,
   rho_3 = rho_2^h = D_2/2 and rho_3^h = rho_2.  The Bethe-Takahashi equations of
   species 1 and 2 are then linear in rho_1, rho_2 and are solved on the grid (trapezoid
   rule; GMRES with the FFT convolution of ``quadrature``, relative residual 1e-14, so
   steps down to 1/640 fit in memory).

4. Y-system (a test of the closure).  Takahashi's TBA at gamma = pi/3, h = 0 gives
   eta_2(l + i gamma/2) eta_2(l - i gamma/2) = 1 + eta_1(l); if eta_2 has no zeros or
   poles in |Im l| < gamma/2 this is ln eta_2 = s * ln(1 + eta_1) on the real axis
   (:func:`y_system_residual`); a double pole (zero) at l = 0 adds -(+) ln tanh^2(pi l /
   (2 gamma)), which satisfies the homogeneous relation.  Measured at step 0.025
   (``tests/tba/test_string_charge.py``): infinite temperature (eta_1 = 3, eta_2 = 2)
   1.6e-10; Neel, where rho_2 vanishes like l^2 at l = 0 (a double pole of eta_2),
   sup over 0.05 <= |l| <= 4 of |residual + ln tanh^2| = 1.3e-11 (1.1e-7 with the earlier
   extrapolation of the edge value at mu = 0 from inside the strip), while a closure
   changed by 1 % (rho_3 = 0.505 D_2) gives 1.4.  Bell pairs: eta_2 has a double zero at l = 0
   and further zeros inside the strip whose positions are not known in closed form (a
   fitted quartet +-0.0085 +- 0.4854 i gamma leaves 2.6e-8, measured with the earlier
   mu = 0 extrapolation), so there the full check is not parameter-free.  What is
   parameter-free is the tail (:func:`y_system_tail`): whatever the zeros, the residual
   must decay exactly like A e^{-3 |l|}.  Measured at step 0.025 on 2 <= |l| <= 4.5:
   Bell spread of r e^{3 |l|} 8.3e-6 (A = -4.6, not meaningful: rho_1(0) = 0 makes the
   quadrature at 0 inexact with this shape); Neel 1.5e-5 with A = 4.000005 (the double
   pole alone); a closure changed by 1 % gives spread 6.3 for both.  So the Bell
   closure is tested for 2 <= |lambda| <= 4.5, not near lambda = 0.

Checks, and what each one tests: the exact <psi_0|q_n|psi_0> of the local charges
(``lattice_charges``, exact rationals, :func:`charge_check`) test rho_1^h only - the local
charges are the Taylor coefficients of x_1 at u = i gamma/2, so they are blind to how
D_2 splits into rho_2^h and rho_3 (changing the closure by 1 % leaves q_1 .. q_7 unchanged
to 1e-12); the spin-1 family and the closure are tested by the infinite-temperature state
(maximally mixed pair, where the closure holds: the beta = 0 TBA densities are reproduced
to 1e-10, and a 1 % change of the closure fails), by the Y-system (4; for the Neel state
parameter-free, and a 1 % change of the closure fails it), and by real-time evolution
(``ghd.example2_exact``).  :func:`tba_generating_function` against
:func:`generating_function` inside the strip tests the duality of the spin-1 family but
NOT the closure: a closure changed by 1 % leaves that difference at 1e-12 (measured).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import scipy.sparse.linalg as spla

from symness.tba.bare import string_a
from symness.tba.kernels import a_function
from symness.tba.quadrature import Convolution, RapidityGrid
from symness.tba.strings import StringContent
from symness.tba.thermal import Macrostate, TBAConvergenceError
from symness.validation import ParameterError, require_real

__all__ = ["NEEL_PAIR", "BELL_PAIR", "MIXED_PAIR", "pair_density", "lax", "fused_lax",
           "generating_function", "hole_dualities", "ExactState", "exact_state", "charge_check",
           "y_system_residual", "y_system_error", "y_system_tail"]

#: Pair amplitudes psi[s0, s1] (index 0 = up) of the Neel pairs |up down>.
NEEL_PAIR = np.array([[0.0, 1.0], [0.0, 0.0]], dtype=complex)
#: Pair amplitudes of the Bell pairs (|up up> - |down down>)/sqrt 2 (paper's Example 2).
BELL_PAIR = np.array([[1.0, 0.0], [0.0, -1.0]], dtype=complex) / math.sqrt(2)

#: Spin-1 (symmetric) and singlet basis of two spin-1/2 auxiliary spaces (columns).
_FUSION = np.array([[1, 0, 0, 0],
                    [0, 1 / math.sqrt(2), 0, 1 / math.sqrt(2)],
                    [0, 1 / math.sqrt(2), 0, -1 / math.sqrt(2)],
                    [0, 0, 1, 0]])
#: Points on the real axis (both sides of 0) from which the edge value at mu = 0 is
#: interpolated (degree 10, 12 points).
_EDGE_POINTS = 0.001 * np.concatenate([-np.arange(6, 0, -1), np.arange(1, 7)])


def _require_pi_over_3(content: StringContent) -> None:
    if content.gamma_over_pi != Fraction(1, 3):
        raise ParameterError(f"'gamma/pi' must be 1/3 (Delta = 1/2): the duality and the "
                             f"closure are derived for the species of pi/3 only "
                             f"(got {content.gamma_over_pi})")


def lax(u, gamma: float, derivative: bool = False) -> np.ndarray:
    """Spin-1/2 Lax operator L[..., a, a'] (2 x 2 site matrices), or its u-derivative.

    ``u`` may be an array; its shape leads the result's.
    """
    f = np.cosh if derivative else np.sinh
    u = np.asarray(u, dtype=complex)
    out = np.zeros(u.shape + (2, 2, 2, 2), dtype=complex)
    plus, minus = f(u + 0.5j * gamma), f(u - 0.5j * gamma)
    out[..., 0, 0, 0, 0], out[..., 0, 0, 1, 1] = plus, minus
    out[..., 1, 1, 0, 0], out[..., 1, 1, 1, 1] = minus, plus
    if not derivative:
        out[..., 0, 1, 1, 0] = 1j * math.sin(gamma)  # s^- = |down><up|
        out[..., 1, 0, 0, 1] = 1j * math.sin(gamma)  # s^+
    return out


def _aux_product(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """(A (x) B)[(a b), (a' b')] = A[a, a'] B[b, b'] (site matrices multiplied, A left)."""
    da, db = first.shape[-4], second.shape[-4]
    # broadcast 2 x 2 matmuls over (a, b, a', b'): faster than einsum's generic loop
    prod = first[..., :, None, :, None, :, :] @ second[..., None, :, None, :, :, :]
    return prod.reshape(prod.shape[:-6] + (da * db, da * db, 2, 2))


def fused_lax(u, gamma: float, derivative: bool = False) -> np.ndarray:
    """Spin-1 Lax operator: the symmetric block of L(u + i gamma/2) (x) L(u - i gamma/2)."""
    plus, minus = lax(u + 0.5j * gamma, gamma), lax(u - 0.5j * gamma, gamma)
    prod = _aux_product(plus, minus)
    if derivative:
        prod = (_aux_product(lax(u + 0.5j * gamma, gamma, True), minus)
                + _aux_product(plus, lax(u - 0.5j * gamma, gamma, True)))
    return np.einsum("ia,...ijst,jb->...abst", _FUSION, prod, _FUSION)[..., :3, :3, :, :]


def pair_density(pair: np.ndarray) -> np.ndarray:
    """rho[i, j, k, l] = conj(psi[i, j]) psi[k, l] of pair amplitudes psi[s0, s1]."""
    pair = np.asarray(pair, dtype=complex)
    return np.einsum("ij,kl->ijkl", pair.conj(), pair)


#: The maximally mixed pair (infinite temperature), for checks.
MIXED_PAIR = np.einsum("ik,jl->ijkl", np.eye(2), np.eye(2)).astype(complex) / 4


def _pair_matrix(density: np.ndarray, second_site: np.ndarray, first_site: np.ndarray):
    """Tr[rho W(site 1) W(site 0)] over one pair, rho as from :func:`pair_density`.

    Sum over i, j, k, l, y of rho[i, j, k, l] W1[x, y, j, l] W0[y, z, i, k], done as two
    batched matrix products (the einsum of the same sum is ~10x slower on long grids).
    """
    d = second_site.shape[-3]
    lead = second_site.shape[:-4]
    # X[x, y, (i, k)] = sum_{j, l} W1[x, y, (j, l)] rho[(j, l), (i, k)]
    rho = density.transpose(1, 3, 0, 2).reshape(4, 4)
    x = second_site.reshape(lead + (d, d, 4)) @ rho
    # result[x, z] = sum_{y, (i, k)} X[x, (y, i, k)] W0[(y, i, k), z]
    w0 = np.moveaxis(first_site, -3, -1).reshape(lead + (d * 4, d))
    return x.reshape(lead + (d, d * 4)) @ w0


def generating_function(density: np.ndarray, u, gamma: float, spin: int):
    """<x_s(u)> per site in the pair product state ``density`` (s = ``spin`` in {1, 2}).

    ``density`` is a pair density matrix (:func:`pair_density`, or :data:`MIXED_PAIR`);
    ``u`` a point or an array of points (complex, or an array of that shape).
    """
    lax_s = {1: lax, 2: fused_lax}[spin]
    w = _aux_product(lax_s(u - 1j * gamma, gamma), lax_s(u, gamma))
    dw = _aux_product(lax_s(u - 1j * gamma, gamma), lax_s(u, gamma, True))
    e = _pair_matrix(density, w, w)
    de = _pair_matrix(density, dw, w) + _pair_matrix(density, w, dw)
    vals, right = np.linalg.eig(e)
    i = np.argmax(np.abs(vals), axis=-1)[..., None]
    lvals, left = np.linalg.eig(np.swapaxes(e, -1, -2))
    k = np.argmin(np.abs(lvals - np.take_along_axis(vals, i, -1)), axis=-1)[..., None]
    r = np.take_along_axis(right, i[..., None], -1)[..., 0]
    lv = np.take_along_axis(left, k[..., None], -1)[..., 0]
    out = 0.5 * (np.einsum("...x,...xy,...y->...", lv, de, r)
                 / np.einsum("...x,...xy,...y->...", lv, e, r))
    return complex(out) if out.ndim == 0 else out


def _edge_sum(density: np.ndarray, mu: np.ndarray, gamma: float, spin: int) -> np.ndarray:
    """x_s(mu + i gamma - i0) + x_s(mu + i0) - coth pole at u = 0 (interpolated at mu = 0).

    At mu = 0 (u = 0 is a pole of the single terms) the value is not evaluated directly but
    interpolated from mu = +-0.001 .. +-0.006 on the edge (polynomial of degree
    10).  The earlier extrapolation from inside the strip (Im u = 0.002 .. 0.012) was off
    by 3e-9 in D_1 of the Neel state (exact: 0, a double zero), an error that enters the
    trapezoid rule with weight h, i.e. at first order in the step.
    """
    def inside(m: np.ndarray, eps: float) -> np.ndarray:
        val = (generating_function(density, m + 1j * (gamma - eps), gamma, spin)
               + generating_function(density, m + 1j * eps, gamma, spin))
        return val - (1 / np.tanh(m + 1j * eps) if spin == 2 else 0.0)

    out = np.empty(mu.shape, dtype=complex)
    zero = mu == 0.0
    if np.any(~zero):
        out[~zero] = inside(mu[~zero], 0.0)
    if np.any(zero):
        vals = inside(_EDGE_POINTS, 0.0)
        out[zero] = complex(np.polyval(np.polyfit(_EDGE_POINTS, vals.real, 10), 0.0),
                            np.polyval(np.polyfit(_EDGE_POINTS, vals.imag, 10), 0.0))
    return out


def hole_dualities(density: np.ndarray, lam: np.ndarray, gamma: float) -> np.ndarray:
    """(D_1, D_2)(lambda) of the module docstring, shape (2, N)."""
    mu = np.asarray(lam, dtype=float)
    c1 = 1 / np.tanh(mu + 1.5j * gamma) + 1 / np.tanh(mu + 0.5j * gamma)
    c2 = 1 / np.tanh(mu + 2j * gamma) + 2 / np.tanh(mu + 1j * gamma)
    return np.array([
        a_function(1, 1, gamma, mu) - ((_edge_sum(density, mu, gamma, 1) - c1)
                                       / (2j * math.pi)).real,
        a_function(2, 1, gamma, mu) - ((_edge_sum(density, mu, gamma, 2) - c2)
                                       / (2j * math.pi)).real])


@dataclass(frozen=True, eq=False)
class ExactState:
    """The steady state of a quench from a two-site product state.

    Attributes
    ----------
    state : Macrostate
        Fillings theta_j = rho_j / (rho_j + rho_j^h).
    root_density, hole_density : ndarray, shape (3, N)
    bt3_residual : float
        Sup-norm residual of the Bethe-Takahashi equation of species 3, which is not
        imposed: a check of the kernel identities behind rho_3^t = rho_2^t, NOT of the
        closure (it holds for every ``closure``, measured 6e-16 at c = 0.505).
    """

    state: Macrostate
    root_density: np.ndarray
    hole_density: np.ndarray
    bt3_residual: float


def _require_unmagnetised(density: np.ndarray) -> None:
    """Refuse pairs with <s^z_0 + s^z_1> != 0.

    The closure makes <s^z> = 0 for every pair (measured: 2e-11 for the tilted pair
    cos 0.7 |up up> - sin 0.7 |dn dn>, whose <s^z> per site is 0.085), so it cannot hold
    for magnetised states; <s^z> = 0 is necessary for spin-flip invariance, not sufficient.
    """
    spins = np.array([0.5, -0.5])
    value = np.einsum("ijij,ij->", density, np.add.outer(spins, spins)).real
    if abs(value) > 1e-12:
        raise ParameterError(f"'pair' must have <s^z_0 + s^z_1> = 0: the closure eta_3 = "
                             f"1/eta_2 is argued for spin-flip invariant states only "
                             f"(got {value:.3g})")


def exact_state(content: StringContent, pair: np.ndarray, *,
                grid: RapidityGrid | None = None, closure: float = 0.5) -> ExactState:
    """Steady state of the quench from |pair>^{(x) L/2} at Delta = 1/2 (module docstring).

    ``pair``: amplitudes psi[s0, s1] (shape (2, 2), normalised) or a pair density matrix
    (shape (2, 2, 2, 2), :func:`pair_density`).  ``closure``: the fraction c of D_2 given
    to rho_3 (rho_3 = c D_2, rho_2^h = (1 - c) D_2, rho_3^h = rho_2 + (1 - 2c) D_2, so that
    rho_3^t = rho_2^t); c = 1/2 is eta_3 = 1/eta_2 (module docstring, 3), other values
    exist to show which checks are sensitive to the closure.
    """
    _require_pi_over_3(content)
    closure = float(require_real(closure, "closure", minimum=0, maximum=1))
    pair = np.asarray(pair, dtype=complex)
    density = pair_density(pair) if pair.shape == (2, 2) else pair
    trace = np.einsum("ijij->", density) if density.shape == (2, 2, 2, 2) else math.nan
    if not math.isclose(abs(trace), 1.0, rel_tol=1e-12):
        raise ParameterError("'pair' must be normalised amplitudes psi[s0, s1] (2 x 2) or a "
                             f"pair density matrix (2 x 2 x 2 x 2) of trace 1 (got shape "
                             f"{pair.shape}, trace {trace})")
    _require_unmagnetised(density)
    grid = grid or RapidityGrid(step=0.025, cutoff=12.0)
    lam, g = grid.points, content.gamma
    d1, d2 = hole_dualities(density, lam, g)
    rho3, holes2 = closure * d2, (1 - closure) * d2
    conv = Convolution(content, grid)
    a = string_a(content, lam)
    zero = np.zeros_like(lam)
    source = conv(np.array([zero, zero, rho3]))
    rhs = np.array([a[0] - d1, a[1] - holes2]) - source[:2]
    sol = _solve_two_species(conv, rhs)
    rho = np.array([sol[0], sol[1], rho3])
    holes = np.array([d1, holes2, sol[1] + holes2 - rho3])
    sigma = np.array(content.signs, dtype=float)
    bt3 = sigma[2] * (rho[2] + holes[2]) - (a[2] - conv(rho)[2])
    filling = rho / (rho + holes)
    state = Macrostate(content, grid, filling, filling[:, -1].copy())
    return ExactState(state, rho, holes, float(np.max(np.abs(bt3))))


def _solve_two_species(conv: Convolution, rhs: np.ndarray) -> np.ndarray:
    """(rho_1, rho_2) from (1 + T_[12][12] *) rho = rhs (GMRES, FFT convolution, 1e-14)."""
    n = rhs.shape[1]

    def matvec(x: np.ndarray) -> np.ndarray:
        y = np.zeros((3, n))
        y[:2] = x.reshape(2, n)
        return (y[:2] + conv(y)[:2]).ravel()

    scale = float(np.max(np.abs(rhs)))
    op = spla.LinearOperator((2 * n, 2 * n), matvec=matvec, dtype=float)
    sol, info = spla.gmres(op, rhs.ravel() / scale, rtol=1e-14, atol=0.0, restart=80,
                           maxiter=20)
    if info != 0:
        raise TBAConvergenceError(f"exact state: GMRES did not reach 1e-14 (info={info})")
    return sol.reshape(2, n) * scale


def tba_generating_function(exact: ExactState, u: complex, spin: int) -> complex:
    """<x_s(u)> per site from the root densities (module docstring, 1; trapezoid rule)."""
    content, grid = exact.state.content, exact.state.grid
    g, lam = content.gamma, grid.points
    shifts = {1: (-1j * g, 0.0), 2: (-1.5j * g, 0.5j * g)}[spin]
    total = (1 / np.tanh(u + 0.5j * g) if spin == 1
             else 1 / np.tanh(u + 1j * g) + 1 / np.tanh(u))
    for j, (n, v) in enumerate(zip(content.lengths, content.parities)):
        for a in range(1, n + 1):
            member = lam + 1j * (g * (n + 1 - 2 * a) / 2 + math.pi * (1 - v) / 4)
            kernel = 1 / np.tanh(u + member + shifts[0]) - 1 / np.tanh(u + member + shifts[1])
            total += grid.step * np.sum(exact.root_density[j] * kernel)
    return complex(total)


def charge_check(exact: ExactState, targets: dict) -> dict[int, float]:
    """{n: <q_n>_state - target_n} for the local charges in ``targets`` (paper eq. (3))."""
    from symness.tba.charges import charge_density
    from symness.tba.dressing import Dressing

    d = Dressing(exact.state)
    return {n: charge_density(d, n) - float(t) for n, t in targets.items()}


def y_system_residual(exact: ExactState) -> np.ndarray:
    """Return ln eta_2 - s * ln(1 + eta_1), eta_j = rho_j^h / rho_j (module docstring, 4).

    s(lambda) = 1/(2 gamma cosh(pi lambda / gamma)) (s(l + i gamma/2) + s(l - i gamma/2) =
    delta(l) in the convention of ``tba.kernels``); convolution by the trapezoid rule.
    Where eta_2 has a pole or zero on the grid (lambda = 0 for the Neel and Bell states:
    rho_2 or rho_2^h vanishes there to rounding) the value is inf or nan.  Where rho_1
    vanishes (Bell pairs: rho_1(0) = 0, a log singularity of ln(1 + eta_1)) |rho_1| is
    used; the trapezoid rule is then off at that point, an error s(lambda - 0) * const,
    i.e. of the shape of the homogeneous terms (see :func:`y_system_tail`).
    """
    content, grid = exact.state.content, exact.state.grid
    g, lam = content.gamma, grid.points
    s = 1 / (2 * g * np.cosh(np.pi * (lam[:, None] - lam[None, :]) / g))
    roots, holes = exact.root_density[:2], exact.hole_density[:2]
    with np.errstate(divide="ignore", invalid="ignore"):
        log_eta2 = np.log(holes[1] / roots[1])
    log_1p_eta1 = np.log((np.abs(roots[0]) + holes[0]) / np.abs(roots[0]))
    return log_eta2 - grid.step * s @ log_1p_eta1


def y_system_error(exact: ExactState, pole_order: int = 0) -> float:
    """Sup over 0.05 <= |lambda| <= 4 of the Y-system residual (module docstring, 4).

    ``pole_order``: order of the pole of eta_2 at lambda = 0 (even; negative for a zero),
    accounted for by (pole_order / 2) ln tanh^2(pi lambda / (2 gamma)).
    """
    lam, g = exact.state.grid.points, exact.state.content.gamma
    shell = (np.abs(lam) >= 0.05) & (np.abs(lam) <= 4)
    pole = np.log(np.tanh(np.pi * np.abs(lam[shell]) / (2 * g)) ** 2)
    return float(np.max(np.abs(y_system_residual(exact)[shell] + pole_order / 2 * pole)))


def y_system_tail(exact: ExactState, lo: float = 2.0, hi: float = 4.5) -> tuple[float, float]:
    """(A, spread) of the Y-system residual r on lo <= |lambda| <= hi (module docstring, 4).

    If the Y-system holds, r is a solution of f(l + i gamma/2) + f(l - i gamma/2) = 0
    coming from the zeros and poles of eta_2 in the strip (ln tanh terms), whatever their
    positions, and decays like A e^{-pi |l| / gamma} = A e^{-3 |l|} (next mode e^{-9 |l|}).
    A = mean of r e^{3 |l|}; spread = max |r e^{3 |l|} - A| / |A|.  A double pole of eta_2
    at 0 alone gives A = 4 (-ln tanh^2(pi l / 2 gamma) ~ 4 e^{-3 |l|}).  A closure off by
    a constant factor leaves r -> const != 0 instead (spread >> 1).  This tests the closure
    where |lambda| is in [lo, hi] only: a change of it near lambda = 0 enters r at large
    |lambda| through the tail of s, with the same e^{-3 |l|} shape.
    """
    lam = exact.state.grid.points
    shell = (np.abs(lam) >= lo) & (np.abs(lam) <= hi)
    scaled = y_system_residual(exact)[shell] * np.exp(3 * np.abs(lam[shell]))
    amplitude = float(np.mean(scaled))
    return amplitude, float(np.max(np.abs(scaled - amplitude)) / abs(amplitude))
