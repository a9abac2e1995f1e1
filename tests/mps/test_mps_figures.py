import numpy as np

from symness.mps.figures import exponent, relative_nonuniformity


def test_exponent_recovers_a_power_law():
    # reference: exact power law j = 0.3 L^-1.5 with multiplicative scatter symmetric in seeds
    sizes = np.array([8, 16, 32])
    cur = {L: 0.3 * L**-1.5 * np.array([0.9, 1.1, 1.0]) for L in sizes}
    gamma, err = exponent(sizes, cur)
    assert abs(gamma - 1.5) < 1e-12
    assert 0 < err < 0.2
    flat = {L: np.full(3, 0.3 * L**-0.5) for L in sizes}
    assert exponent(sizes, flat)[1] < 1e-12  # identical realisations: no spread


def _record(j, uniformity, atol=None):
    settings = {} if atol is None else {"criterion": {"atol": atol}}
    return {"spec": {"settings": settings},
            "result": {"j_energy": j, "convergence": {"uniformity": {"energy": uniformity}}}}


def test_relative_nonuniformity_rescales_from_the_criterion_scale_to_the_current():
    # reference: definition (max - min) / max(|j|, atol) of symness.mps.convergence
    # a current below atol: the criterion's 0.05 of 1e-3 is 0.25 of |j| = 2e-4
    assert np.isclose(relative_nonuniformity(_record(-2e-4, 0.05, atol=1e-3), "energy"), 0.25)
    # a current above atol: the criterion already measured relative to |j|
    assert np.isclose(relative_nonuniformity(_record(3e-3, 0.05, atol=1e-3), "energy"), 0.05)
    # no atol in the settings: the Criterion default 1e-5
    assert np.isclose(relative_nonuniformity(_record(1e-6, 0.5), "energy"), 5.0)
