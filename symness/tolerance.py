"""Named numerical tolerances: the one place the tolerance policy lives.

A claim or solver that uses a different value passes it explicitly and says
why in a comment next to it.  Exact checks use no tolerance at all.
"""

from __future__ import annotations

#: Residual ``||L(rho)||_F`` accepted for a float64 steady state (relative to ``||L||``-scale).
STEADY_STATE_RESIDUAL = 1e-9
#: Smallest eigenvalue of a steady state accepted as positive (float64 round-off).
STEADY_STATE_POSITIVITY = 1e-10
#: Hermiticity and trace deviations accepted for a float64 density matrix.
DENSITY_MATRIX_ATOL = 1e-10
#: Absolute gap below which two float64 eigenvalues of a Hermitian matrix of norm O(10-100)
#: are one degenerate level (:func:`symness.perturbation.degenerate.degenerate_levels`).
#: Round-off splits a level by ~ u ||H|| sqrt(d): measured spreads <= 2e-14 up to d = 2**14.
#: Accidental gaps are physical and can be small: >= 2.7e-6 in paper 000's tables for
#: |Delta| <= 1, 2.0e-8 on paper 004's ring at n = 14, but 7e-9 and 1.9e-11 at Delta = 2,
#: n = 9, 10 (gapped phase), where the caller passes 1e-11.  No value fits every spectrum,
#: so every use reports the largest spread and the smallest gap it saw (spread << tol << gap).
DEGENERACY = 1e-9
#: GMRES relative residual of the U(1)-sector steady-state solve
#: (:mod:`symness.lindblad.sector_solver`): three orders below ``STEADY_STATE_RESIDUAL``, so
#: the accepted state is limited by the acceptance check and not by the Krylov solve; reached
#: in 10-53 iterations on Prosen's chain, n = 6..12, eps = 1e-5..10 (module docstring there).
SECTOR_GMRES_RTOL = 1e-12
#: GMRES relative residual of the float64 inner solve of iterative refinement
#: (:mod:`symness.lindblad.refinement`): each step only has to contract the error, which it
#: does by ~cond(L) u per step; a tighter inner solve buys nothing the next step does not.
REFINEMENT_INNER_RTOL = 1e-10
#: Relative correction ``||D_k|| / ||Y_k||`` at which iterative refinement with a
#: double-double residual stops: twelve orders above the double-double unit round-off
#: (~5e-32), where the measured corrections level off (1e-22 .. 1e-28) times the conditioning.
REFINEMENT_TOL = 1e-20
#: Damping rate, in units of ``u max|H|``, below which iterative refinement switches its inner
#: solve to the eigenbasis of ``H`` (:mod:`symness.lindblad.refinement`): ``eig(A)`` resolves
#: the damping rates only above ~1e3 u ||H|| (:mod:`symness.lindblad.eigen_equation`).
REFINEMENT_EIGENBASIS_SWITCH = 1e3
#: Cluster width of the eigenbasis inner solve in units of the largest damping rate: levels
#: closer than this form one cluster, which must be much wider than the damping rates
#: (:class:`symness.lindblad.eigen_equation.EigenbasisEquation`); four orders wider.
REFINEMENT_CLUSTER_FACTOR = 1e4
#: Singularity threshold (units of ``u max|A|``) of the sector inner solve of iterative
#: refinement: the inner solve only has to contract the error and the refinement measures the
#: contraction at every step, so it may keep fewer digits than ``LYAPUNOV_SINGULAR_FACTOR``.
REFINEMENT_INNER_SINGULAR_FACTOR = 1.0
#: Singularity threshold of the block Lyapunov preconditioner, in units of ``u max|A|``
#: (:class:`symness.lindblad.block_lyapunov.BlockLyapunov`): a denominator
#: ``|lam_i + conj(lam_j)|`` below 1e3 u max|A| keeps fewer than three digits.
LYAPUNOV_SINGULAR_FACTOR = 1e3
#: Singular values below ``KERNEL_ZERO ||M||_inf`` count as zero in the float64 kernel of
#: :mod:`symness.perturbation.kernel`: about four orders above the SVD's round-off
#: ~ u ||M|| sqrt(d) (u = 1.1e-16, d <= 10^4 gives 1e-14).
KERNEL_ZERO = 1e-10
#: ...and none may lie between ``KERNEL_ZERO`` and ``KERNEL_GAP`` times ``||M||_inf``: a
#: three-order gap separates zero from nonzero; a value inside it raises (near-degenerate)
#: instead of being classified by a guess.
KERNEL_GAP = 1e-7
#: Relative size (at most 1) of ``P1 L1 G0 L1 P1`` above which identity (44) of the
#: perturbation series counts as violated (float64 route, :mod:`symness.perturbation.series`):
#: normalised to at most 1, it is at round-off level when (44) holds; 1e-9 leaves room for
#: the conditioning of ``G0`` (the unperturbed generator's reduced inverse).
IDENTITY_44 = 1e-9
#: Agreement between two float64 implementations of the same linear map.
FLOAT64_IDENTITY = 1e-12
#: Agreement with a peer library (qutip) on the same problem.
PEER_AGREEMENT = 1e-8


def mp_tolerance(dps: int, margin: int = 5) -> float:
    """Tolerance tied to an mpmath working precision: ``10**-(dps - margin)``.

    As in mpmath's own tests (``test_quad``: ``10**(-mp.dps+5)``).
    """
    return 10.0 ** (-(dps - margin))
