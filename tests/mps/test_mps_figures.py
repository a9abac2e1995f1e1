import numpy as np

from symness.mps.figures import exponent


def test_exponent_recovers_a_power_law():
    # reference: exact power law j = 0.3 L^-1.5 with multiplicative scatter symmetric in seeds
    sizes = np.array([8, 16, 32])
    cur = {L: 0.3 * L**-1.5 * np.array([0.9, 1.1, 1.0]) for L in sizes}
    gamma, err = exponent(sizes, cur)
    assert abs(gamma - 1.5) < 1e-12
    assert 0 < err < 0.2
    flat = {L: np.full(3, 0.3 * L**-0.5) for L in sizes}
    assert exponent(sizes, flat)[1] < 1e-12  # identical realisations: no spread
