"""Error model 3 (``ghd.realtime_integrated``) against closed forms and exact evolutions."""

import math

import numpy as np
import pytest
from scipy.special import jv

from symness.ghd import realtime_integrated as ri
from symness.validation import ParameterError


def _cdv_f(nu: int, zeta: np.ndarray) -> np.ndarray:
    """F_sz of the domain wall in closed form: the antiderivative of -(nu/2pi) arcsin + 1/2.

    Independent of the quadrature: int arcsin z dz = z arcsin z + sqrt(1 - z^2), and F is
    even in zeta because s^z is odd and q_0 = +-1/2.
    """
    edge = math.sin(math.pi / nu)
    z = np.minimum(np.abs(zeta), edge)

    def g(u):
        return -nu / (2 * math.pi) * (u * np.arcsin(u) + np.sqrt(1 - u**2)) + u / 2

    return g(edge) - g(z)


def _cdv_profile(nu):
    from symness.ghd.cdv import domain_wall_profile

    return lambda zetas: (domain_wall_profile(nu, zetas)["sz"], 0.0)


@pytest.mark.parametrize("nu", [2, 3])
def test_quadrature_of_the_closed_form_profile_matches_its_antiderivative(nu):
    ghd = ri.integrated_ghd(_cdv_profile(nu), 0.5, -0.5, z_max=1.2, step=0.005)
    exact = _cdv_f(nu, ghd.zeta)
    err = float(np.max(np.abs(ghd.values - exact)))
    assert err <= ghd.error < 1e-4
    # F(0) is the current at zeta = 0 (within the estimate; the sqrt edge at nu = 2
    # limits the trapezoid rule to O(h^1.5))
    # = (nu/2pi)(1 - cos(pi/nu)), 3/(4 pi) at nu = 3
    current = nu / (2 * math.pi) * (1 - math.cos(math.pi / nu))
    assert ghd.at(np.array([0.0]))[0] == pytest.approx(current, abs=ghd.error)


def test_mutated_profile_is_caught_by_the_closed_form():
    # a 1 % error of the profile moves F by more than the estimate: the comparison can fail
    prof = _cdv_profile(3)
    ghd = ri.integrated_ghd(lambda z: (1.01 * prof(z)[0], 0.0), 0.5, -0.5, z_max=1.2,
                            step=0.005)
    assert np.max(np.abs(ghd.values - _cdv_f(3, ghd.zeta))) > 10 * ghd.error


def _free_fermion_cumulative(t: float, cuts: np.ndarray) -> np.ndarray:
    """C(x, t) of the XX domain wall on the infinite chain from Bessel functions.

    Sites n in Z, up (occupied) for n <= -1; hopping 1/2 gives U_nm = i^(n-m) J_(n-m)(t),
    so <n_y(t)> = sum_{m >= y+1} J_m(t)^2 and s^z = n - 1/2.  The cut left of site c sits at
    x = c (site n at x = n + 1/2, the convention of ``ghd.realtime``).
    """
    span = int(t) + 40
    orders = np.arange(-2 * span, 2 * span + 1)
    weight = jv(orders, t) ** 2
    above = np.flip(np.cumsum(np.flip(weight)))  # above[i] = sum_{m >= orders[i]} J_m^2
    sites = np.arange(-span, span + 1)
    occ = above[np.searchsorted(orders, sites + 1)]
    sz_t, sz_0 = occ - 0.5, np.where(sites < 0, 0.5, -0.5)
    cumul = ri.cumulative_charge(sz_t, sz_0)
    return cumul[np.searchsorted(sites, cuts)]


def test_free_fermion_integrated_deviation_decays_like_one_over_t():
    # expected: the Airy front has amplitude t^-1/3 over t^1/3 sites, so C - tF = O(1) and
    # D_C ~ 1/t; the Bessel-function evolution is exact (independent of GHD)
    ghd = ri.integrated_ghd(_cdv_profile(2), 0.5, -0.5, z_max=1.2, step=0.0025)
    times = (25.0, 50.0, 100.0)
    devs = []
    for t in times:
        cuts = np.arange(-int(t) - 10, int(t) + 11, dtype=float)
        cumul = _free_fermion_cumulative(t, cuts)
        devs.append(ri.integrated_deviation(cumul, cuts, t, ghd, np.ones(cuts.size, bool)))
    p, _ = ri.decay_fit(times, devs)
    assert 0.8 <= p <= 1.2
    assert ghd.error < devs[-1] / 10
    verdict = ri.integrated_verdict(times, devs, [0.0] * 3, ghd.error)
    assert verdict.passes


def test_free_fermion_wrong_ghd_is_rejected():
    # mutation: F shifted by 1 % of F(0) fails the decay criterion
    ghd = ri.integrated_ghd(_cdv_profile(2), 0.5, -0.5, z_max=1.2, step=0.0025)
    shifted = ri.IntegratedGHD(ghd.zeta, ghd.values + 0.01 * ghd.values.max(), ghd.error)
    times = (25.0, 50.0, 100.0)
    devs = []
    for t in times:
        cuts = np.arange(-int(t) - 10, int(t) + 11, dtype=float)
        devs.append(ri.integrated_deviation(_free_fermion_cumulative(t, cuts), cuts, t,
                                            shifted, np.ones(cuts.size, bool)))
    assert not ri.integrated_verdict(times, devs, [0.0] * 3, ghd.error).passes


def _dense_domain_wall_records(n: int, delta: float, times: np.ndarray):
    """<s^z_l>(t) and j^z_l(t) = <s^x_l s^y_l+1 - s^y_l s^x_l+1> by exact diagonalisation."""
    sx = np.array([[0, 0.5], [0.5, 0]])
    sy = np.array([[0, -0.5j], [0.5j, 0]])
    sz = np.diag([0.5, -0.5])

    def on(op, site):
        return np.kron(np.kron(np.eye(2**site), op), np.eye(2 ** (n - site - 1)))

    ham = sum(on(sx, s) @ on(sx, s + 1) + on(sy, s) @ on(sy, s + 1)
              + delta * on(sz, s) @ on(sz, s + 1) for s in range(n - 1))
    energies, vectors = np.linalg.eigh(ham)
    psi0 = np.zeros(2**n)
    psi0[(1 << (n // 2)) - 1] = 1.0  # up (bit 0) on the left half, down on the right
    coeffs = vectors.conj().T @ psi0
    states = (vectors @ (np.exp(-1j * np.outer(energies, times)) * coeffs[:, None])).T
    mags = [on(sz, s) for s in range(n)]
    curs = [on(sx, s) @ on(sy, s + 1) - on(sy, s) @ on(sx, s + 1) for s in range(n - 1)]

    def expect(ops):
        return np.array([[np.real(p.conj() @ op @ p) for op in ops] for p in states])

    return expect(mags), expect(curs)


def test_continuity_identity_on_an_exact_evolution():
    # (I2) on 8 sites: the cut left of site l (l >= 1) is crossed by the current of bond l-1
    times = np.linspace(0.0, 2.0, 81)
    mag, cur = _dense_domain_wall_records(8, 0.5, times)
    cur = np.column_stack([np.zeros(times.size), cur])  # no current enters left of site 0
    residual, tol = ri.continuity_residual(times, mag, cur, np.arange(8))
    assert residual <= tol < 1e-3
    # mutation: the neighbouring bond's current breaks the identity
    wrong, _ = ri.continuity_residual(times, mag, cur, np.minimum(np.arange(8) + 1, 7))
    assert wrong > 100 * tol


def test_cumulative_charge_sums_to_the_right():
    assert ri.cumulative_charge(np.array([1.0, 2.0, 3.0]), np.zeros(3)).tolist() == [6, 5, 3]


def test_bad_grids_raise():
    with pytest.raises(ParameterError):
        ri.integrate_profile(np.array([-1.0, -0.5, 0.5]), np.zeros(3), 0.5, -0.5)
    with pytest.raises(ParameterError):
        ri.integrated_ghd(_cdv_profile(3), 0.5, -0.5, z_max=1.2, step=0.7)
    with pytest.raises(ParameterError):
        ri.time_integral(np.array([0.0, 1.0, 3.0]), np.zeros(3))


def test_neel_bell_initial_q1_matches_the_tenpy_product_state():
    # reference: <h_b> - Delta/4 measured on the MPS that realtime_quench evolves
    from tenpy.models.xxz_chain import XXZChain

    from symness.ghd.realtime_integrated_data import ex2_initial_q1
    from symness.ghd.realtime_quench import _initial_state
    from symness.ghd.realtime_thermal import _measure

    model = XXZChain({"L": 8, "Jxx": 1.0, "Jz": 0.5, "hz": 0.0, "bc_MPS": "finite",
                      "conserve": "parity"})
    psi = _initial_state(model, 8)
    q1 = _measure(psi, psi.sites[0].leg, 0.5)[0]
    assert np.max(np.abs(q1 - ex2_initial_q1(8, 0.5))) < 1e-12


def test_thermal_initial_q1_matches_the_dense_state():
    # reference: dense rho(0) = exp(-sum beta_l h_l)/Z on 8 sites, evolved for t = 1e-8
    # (a change O(1e-8)); imaginary-time Trotter error at dtau = 0.005: ~1e-6
    from symness.ghd.realtime_thermal import exact_junction, initial_q1

    dense, _ = exact_junction(8, 0.5, (1.0, 2.0), (1e-8,))
    q1 = initial_q1(8, 0.5, (1.0, 2.0), chi=64, dtau=0.005)
    assert np.max(np.abs(q1 - dense[0])) < 1e-5
    assert q1[3] == pytest.approx(-0.125, abs=1e-10)  # junction bond: product, -Delta/4


@pytest.mark.slow
def test_domain_wall_criterion_power():
    # mutation check of bertini2016.realtime.dw-integrated on the cached runs: F_sz changed
    # by 5 % (scale) or shifted by 3 % of F(0) fails; 1 % passes (the resolution at t <= 32,
    # stated in the claim and the README)
    from symness.ghd.realtime_integrated_data import criterion_power

    power = criterion_power("dw")
    assert not power["+5% scale"] and not power["-5% scale"] and not power["+3% shift"]
    assert power["+1% shift"]


@pytest.mark.slow
@pytest.mark.parametrize("order", [1, 2])
def test_example2_criterion_rejects_the_truncated_gge(order, monkeypatch):
    # mutation check of bertini2016.realtime.ex2-integrated: the truncated K = 1, 2 GGEs (a
    # wrong F_q1, ~0.012 from the exact one) fail the criterion on the same TEBD data
    from symness.ghd import realtime_integrated_data as data

    wrong = data.truncated_gge_integral(order)
    assert data.ex2_integrated().verdict.passes
    monkeypatch.setattr(data, "ghd_integral", lambda *a, **k: wrong)
    assert not data.ex2_integrated().verdict.passes


def _extra_particle_cumulative(t: float, cuts: np.ndarray, site: int) -> np.ndarray:
    """Charge right of each cut carried by one extra particle put on the empty ``site``.

    Its amplitude spreads as i^(y-s) J_(y-s)(t) (the occupations of a Slater determinant of
    localised orbitals add), so the cut left of site c has sum_{y >= c} J_(y-s)(t)^2 of it.
    """
    span = int(t) + 40
    orders = np.arange(-3 * span, 3 * span + 1)
    above = np.flip(np.cumsum(np.flip(jv(orders, t) ** 2)))  # sum_{m >= orders[i]} J_m^2
    return above[np.searchsorted(orders, cuts.astype(int) - site)]


def _lump_rates(pairs, reference="step", site=2):
    """TwoTimeRate of the XX domain wall with one extra particle on ``site`` (exact).

    ``reference`` 'step': C relative to the domain wall (eq. (T1) of error model 4);
    'initial': relative to the initial state, which also subtracts the particle at t = 0.
    """
    from symness.ghd import realtime_twotime as rt

    rates = []
    for t1, t2 in pairs:
        zetas = rt.rays(t1)
        cuts = np.arange(-int(t2), int(t2) + 1, dtype=float)
        initial = (site >= cuts) if reference == "initial" else 0.0
        cumul = [_free_fermion_cumulative(t, cuts) + _extra_particle_cumulative(t, cuts, site)
                 - initial for t in (t1, t2)]
        rate = rt.two_time_rate(cuts, cumul[0], t1, cumul[1], t2, zetas)
        rates.append(rt.TwoTimeRate((t1, t2), zetas, rate, np.zeros(zetas.size)))
    return rates


def test_extra_particle_spreads_its_unit_charge():
    # conservation: the particle (on site 2 at t = 0) is found right of a far-left cut
    cuts = np.array([-30.0, 2.0, 3.0])
    assert _extra_particle_cumulative(0.0, cuts, 2).tolist() == [1.0, 1.0, 0.0]
    assert _extra_particle_cumulative(8.0, cuts[:1], 2)[0] == pytest.approx(1.0, abs=1e-12)


def test_two_time_rate_removes_the_lump_of_the_free_fermion_domain_wall():
    # independent check of error model 4 (exact Bessel evolution, closed-form F): a unit
    # lump near the junction puts an O(1) term g(zeta) in C, so C/t converges like 1/t
    # while R converges faster (expected t1^-2; asserted: exponent >= 1.4 against <= 1.2)
    from symness.ghd import realtime_twotime as rt

    ghd = ri.integrated_ghd(_cdv_profile(2), 0.5, -0.5, z_max=1.2, step=0.0025)
    t1s = (8.0, 16.0, 32.0)
    d_rate = rt.deviations(_lump_rates([(t, 2 * t) for t in t1s]), ghd.at)
    d_ratio = []
    for t in t1s:
        x = rt.rays(t) * 2 * t
        cumul = _free_fermion_cumulative(2 * t, x) + _extra_particle_cumulative(2 * t, x, 2)
        d_ratio.append(float(np.max(np.abs(cumul / (2 * t) - ghd.at(rt.rays(t))))))
    assert ri.decay_fit(t1s, d_rate)[0] >= 1.4
    assert ri.decay_fit(t1s, d_ratio)[0] <= 1.2
    assert all(r < c / 2 for r, c in zip(d_rate, d_ratio))
    # mutation of the method: relative to the initial state the lump's initial position
    # (x = 2, not a ray) enters as 1/(t2 - t1) on the rays 0 < zeta t1 <= 2: no speed-up
    initial = rt.deviations(_lump_rates([(t, 2 * t) for t in t1s], "initial"), ghd.at)
    assert ri.decay_fit(t1s, initial)[0] <= 1.2


def test_two_time_criterion_on_the_free_fermion_lump():
    # the criterion passes late pairs with the true F and has the 10 % power there; at
    # early pairs the budget (|R(last) - R(first)|) is too wide: it fails for lack of power
    from symness.ghd import realtime_twotime as rt

    ghd = ri.integrated_ghd(_cdv_profile(2), 0.5, -0.5, z_max=1.2, step=0.0025)
    late = rt.two_time_verdict(_lump_rates([(16.0, 32.0), (24.0, 48.0), (32.0, 64.0)]), ghd)
    assert late.passes and not any(late.mutations.values())
    assert late.budget < rt.POWER / 2 * late.f_max
    early = rt.two_time_verdict(_lump_rates([(4.0, 8.0), (6.0, 12.0), (8.0, 16.0)]), ghd)
    assert not early.checks["power: every F changed by 10% rejected"] and not early.passes


def test_two_time_rays_must_sit_on_the_lattice():
    from symness.ghd import realtime_twotime as rt

    cuts = np.arange(-10.0, 11.0)
    assert rt.rays(4.0).tolist() == [-0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75]
    with pytest.raises(ParameterError):
        rt.two_time_rate(cuts, np.zeros(21), 4.0, np.zeros(21), 8.0, np.array([0.3]))
    with pytest.raises(ParameterError):
        rt.two_time_rate(cuts, np.zeros(21), 8.0, np.zeros(21), 4.0, np.array([0.25]))
    with pytest.raises(ParameterError):
        rt.rays(0.0)


def test_step_reference_and_midpoints():
    from symness.ghd import realtime_twotime as rt

    assert rt.step_reference(np.array([-1.0, 0.0, 1.0]), 1.0, 3.0).tolist() == [1.0, 2.0, 3.0]
    # a bond position is the midpoint of two cuts: C there is their mean (half the bond)
    cuts = np.array([-1.5, -0.5, 0.5, 1.5])
    cumul = np.array([4.0, 3.0, 1.0, 0.0])
    assert rt.charge_on_rays(cuts, cumul, 2.0, np.array([0.0, 0.5])).tolist() == [2.0, 0.5]


def test_example1_two_time_outcome_as_reported():
    # the outcome stated in the README and tables/bertini2016_realtime_twotime.md, on the
    # cached runs: R agrees with F (D_R decreasing, within the budget) and is far closer
    # than C/t, but the budget is too wide for the pre-stated 10 % power: no claim
    from symness.ghd.realtime_integrated_data import ex1_integrated, ex1_two_time

    result = ex1_two_time()
    v = result.verdict
    assert v.checks["D_R decreasing over the pairs"]
    assert v.checks["|R - F| <= budget (last pair)"]
    assert not v.checks["power: every F changed by 10% rejected"] and not v.passes
    assert v.budget > 0.05 * v.f_max  # the reason: B is 16 % of max F
    assert v.deviation[-1] < ex1_integrated().verdict.deviation[-1] / 10
    # the rate at zeta = 0 of the pair (4, 8) by hand from the bond values: C_s at the
    # junction bond counts half of it
    from symness.ghd.realtime_ex1 import EX1, ex1_runs
    from symness.ghd.realtime_integrated_data import _steps

    run = ex1_runs(names=("chi64",))["chi64"]
    q_left, q_right = _steps("ex1")
    half = EX1["length"] // 2 - 1  # the junction bond

    def c_at_junction(t):
        q = run.q1[run.times.index(t)]
        return (q[half + 1:] - q_right).sum() + 0.5 * (q[half] - 0.5 * (q_left + q_right))

    by_hand = (c_at_junction(8.0) - c_at_junction(4.0)) / 4.0
    last = result.rates[-1]
    assert last.rate[list(last.zeta).index(0.0)] == pytest.approx(by_hand, abs=1e-12)


def test_example1_second_test_runs_and_outcome():
    # the chi = 64 run to t = 12 repeats the cached chi = 64 run (same parameters, same
    # code) bit for bit at t <= 8, so the two tests share their chi = 64 data; the second
    # test (pairs (3, 6), (4, 8), (6, 12), chi 128 vs 64, fixed in 2fb4eb4) passes with its
    # 10 % power, as stated in the README and the claim bertini2016.realtime.ex1-two-time
    from symness.ghd.realtime_ex1 import ex1_runs
    from symness.ghd.realtime_integrated_data import ex1_two_time

    runs = ex1_runs(names=("chi64", "chi64_t12"))
    old, new = runs["chi64"], runs["chi64_t12"]
    for t in old.times:
        assert np.array_equal(old.q1[old.times.index(t)], new.q1[new.times.index(t)])
    v = ex1_two_time(test="t12").verdict
    assert v.pairs == ((3.0, 6.0), (4.0, 8.0), (6.0, 12.0))
    assert v.passes and not any(v.mutations.values())
    assert v.last_deviation < v.budget < 0.1 * v.f_max
