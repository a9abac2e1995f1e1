"""Issue 25: every printed number carries its accuracy and no more digits.

The error bounds that `ness`, `pump exact|gge` and `mps ness` print are checked against an
independent solution (sparse LU of the full Liouvillian; the SVD null vector of L^Q), and
the rounding helpers against hand-written cases.
"""

from fractions import Fraction

import numpy as np
import pytest

from symness.outputs import format_error, round_to_error


@pytest.mark.parametrize("value,error,shown", [   # written out by hand
    (4.3959359263823217e-07, 1.6e-15, "4.39593593e-07"),
    (0.0008507653592149829, 1.1e-13, "8.507653592e-04"),
    (-0.20432597632202157, 2e-13, "-0.2043259763220"),
    (123.456, 0.3, "123.5"),
    (0.5, 0.02, "0.50"),
    (-2.1e-17, 1e-15, "0e-15"),
    (3e-4, 0.01, "0"),
    (1.0, float("nan"), "1.0"),          # no error: the value as it is, never a false claim
])
def test_round_to_error(value, error, shown):
    assert round_to_error(value, error) == shown


@pytest.mark.parametrize("error,shown", [(2.3e-15, "3e-15"), (1.06e-5, "1.1e-05"),
                                         (1.0e-5, "1.0e-05"), (9.99e-3, "1e-02"),
                                         (1.96, "2e+00"), (0.0, "0")])
def test_format_error_rounds_up(error, shown):
    assert format_error(error) == shown
    if error > 0:
        assert float(shown) >= error


@pytest.mark.parametrize("eps", [Fraction(1, 1000), Fraction(1, 2)])
def test_ness_error_bounds_hold_against_sparse_lu(eps):
    # reference: sparse LU of the full Liouvillian (another method, no GMRES tolerance)
    from symness.lindblad.cli import ness_report
    from symness.models.xxz_boundary_driven import XXZDrive

    params = XXZDrive(n=6, delta=Fraction(1, 2), mu=1, eps=eps)
    report = ness_report(params)
    lu = ness_report(params, method="sparse")
    for key in ("sigma_z", "current"):
        error = np.abs(np.subtract(report[key], lu[key]))
        assert np.all(error <= report[f"{key}_error"]), (key, error, report[f"{key}_error"])
        assert max(report[f"{key}_error"]) < 1e-9   # and the bound is not vacuous


def _pump_system(n=6):
    from symness.pump.model import PumpParams
    from symness.pump.system import PumpSystem

    return PumpSystem(PumpParams(n=n, j=1.0, delta=0.8, field=-1.0, omega=1.6, omega_ph=1.0,
                                 t_ph=1.0, gamma_m=1.0, eta_ph=0.4, eta_d=0.1))


def test_pump_exact_error_bounds_hold_against_the_svd_null_vector():
    # reference: null vector of L^Q from the SVD (not the bordered LU), trace normalised
    from symness.pump.cli import _errors
    from symness.pump.sweep import solve_point

    system, ratio = _pump_system(), 1.58
    row = solve_point(system, "exact", ratio)
    errors, note = _errors(system, row, ratio, 0)
    assert "condition number" in note
    lq, pairs = system.generator(ratio), system.pairs
    x = np.linalg.svd(lq)[2][-1].conj()
    x = x / x[pairs.populations].sum()
    for key, op in system.observables.items():
        reference = float(np.real(np.sum(x * op[pairs.b, pairs.a])))
        assert abs(row[key] - reference) <= errors[key], key
        assert errors[key] < 1e-10, key


def test_pump_gge_error_estimate_is_small_and_covers_a_restart():
    # reference: a Newton solve from another start (5 % away, not one of GGE_RESTARTS)
    from symness.pump.cli import _errors
    from symness.pump.gge import solve_gge
    from symness.pump.sweep import solve_point

    system, ratio = _pump_system(), 1.58
    row = solve_point(system, "gge", ratio, 4)
    errors, _ = _errors(system, row, ratio, 4)
    rows, w_ph, w_d, diag, _ = system._gge_data(4)
    sol, _ = system.gge(4, ratio)
    other = solve_gge(rows, w_ph + ratio**2 * w_d, sol.lam * 0.95 - 0.03)
    for key in errors:
        assert abs(other.expect(diag[key]) - row[key]) <= errors[key] + 1e-15, key
        assert errors[key] < 1e-8, key


def test_mps_current_errors_follow_their_formula():
    # by hand: |j - j(chi/2)| + |j| (uniformity + stationarity)
    from symness.mps.cli import current_errors

    result = {"j_spin": 2e-4, "j_energy": -1e-3,
              "convergence": {"uniformity": {"spin": 0.01, "energy": 0.001},
                              "stationarity": {"spin": 0.002, "energy": 0.0001}},
              "chi_dependence": {"j_spin_low": 1.9e-4, "j_energy_low": -1.01e-3}}
    errors = current_errors(result)
    assert errors["j_spin"] == pytest.approx(1e-5 + 2e-4 * 0.012)
    assert errors["j_energy"] == pytest.approx(1e-5 + 1e-3 * 0.0011)
    result["chi_dependence"] = {}
    assert current_errors(result)["j_spin"] == pytest.approx(2e-4 * 0.012)


def test_weak_coupling_temperature_error_is_the_propagated_t_error():
    # reference: finite difference of T = h / artanh(t) (eq. (100)) over the t error
    import math

    from symness.weak_coupling.chain import temperature_from_t
    from symness.weak_coupling.profile_cli import profile_rows

    h = 1.0
    for _, t, temp, dt, dtemp in profile_rows(4, math.pi / 4, 1.5, 0.5, h, "tilted-ising"):
        assert 0 < dt < 1e-9
        change = abs(float(temperature_from_t(t + dt, h)) - temp)
        assert dtemp == pytest.approx(change, rel=1e-3)
