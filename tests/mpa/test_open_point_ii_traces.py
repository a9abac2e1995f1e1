import math
from fractions import Fraction

import flint
import numpy as np
import pytest

from symness.exact.delta_field import quadratic_delta, rational_delta
from symness.mpa.open_points.point_ii import second_order_dense
from symness.mpa.open_points.point_ii_exact import second_order_exact, sylvester_solvable
from symness.mpa.open_points.point_ii_traces import (
    certify_sector,
    second_order_sectors,
    trace_certificate,
    traces,
)

ROOT = quadratic_delta("sqrt(3) - 1", 2, -2)
HALF = rational_delta(Fraction(1, 2))


def _sector_states(n, s):
    return [b for b in range(2**n) if b.bit_count() == s]


def _integer(m):
    return m.numer_denom()[0]


def _eye(size):
    one = flint.fmpq_mat(size, size)
    for i in range(size):
        one[i, i] = 1
    return one


def _some_matrix(size):  # any fixed rational matrix
    return flint.fmpq_mat([[flint.fmpq((3 * i + 7 * k) % 11 - 5, 1 + (i + k) % 3)
                            for k in range(size)] for i in range(size)])


def test_sector_blocks_match_the_full_matrices():
    # independent construction: full 2^n x 2^n exact products of
    # symness.mpa.open_points.point_ii_exact
    n, delta, mu = 4, Fraction(3, 7), Fraction(2, 5)
    h, x = second_order_exact(n, delta, mu)
    for s, (hs, xs) in enumerate(second_order_sectors(n, rational_delta(delta), mu)):
        states = _sector_states(n, s)
        assert hs == flint.fmpq_mat([[h[i, k] for k in states] for i in states])
        assert xs == flint.fmpq_mat([[x[i, k] for k in states] for i in states])


def test_quadratic_field_blocks_match_the_float_construction():
    # independent construction: matrices (11) at c = 1 in float64 (symness.mpa.open_points.point_ii)
    n, t = 5, math.sqrt(3) - 1
    h, x = second_order_dense(n, t, 1.0)
    for s, pair in enumerate(second_order_sectors(n, ROOT)):
        states = _sector_states(n, s)
        for exact, dense in zip(pair, (h, x)):
            rep = np.array(exact.tolist(), dtype=float)
            value = rep[0::2, 0::2] + t * rep[1::2, 0::2]  # a0 + a1 t from each 2x2 block
            block = dense[np.ix_(states, states)].real
            assert np.abs(value - block).max() <= 1e-12 * max(1.0, np.abs(block).max())


def test_baby_step_giant_step_traces_equal_direct_powers():
    h, x = second_order_sectors(5, ROOT)[2]
    hi, xi = _integer(h), _integer(x) + _integer(h) * _integer(h)
    m, direct = xi, []
    for _ in range(10):
        direct.append(tuple(sum(m[2 * i + r, 2 * i] for i in range(10)) for r in range(2)))
        m = hi * m
    assert [tuple(map(int, v)) for v in traces(hi, xi, 10, 2)] == [
        tuple(map(int, v)) for v in direct]


@pytest.mark.parametrize("field", [HALF, rational_delta(1), rational_delta(Fraction(3, 7)), ROOT],
                         ids=lambda f: f.label)
def test_open_point_ii_holds_at_n6(field):
    cert = trace_certificate(6, field)
    assert cert.in_image and len(cert.sectors) == 7


@pytest.mark.parametrize("field", [rational_delta(Fraction(3, 7)), ROOT], ids=lambda f: f.label)
def test_cyclic_sector_rejects_commuting_parts_and_accepts_commutators(field):
    h, x = second_order_sectors(5, field)[2]
    y = field.matrix({(i, k): field.scalar(Fraction(i - 2 * k, 3)) for i in range(10)
                      for k in range(10)}, 10, 10)
    assert certify_sector(h, x, field) == (True, "cyclic vector: traces")
    assert certify_sector(h, x + h * y - y * h, field)[0]
    assert not certify_sector(h, x + h * h, field)[0]  # H^2 commutes with H
    one = field.matrix({(i, i): field.scalar(1) for i in range(10)}, 10, 10)
    assert not certify_sector(h, x + one, field)[0]


def test_cyclic_controls_agree_with_the_sylvester_rank_test():
    h, x = second_order_sectors(4, rational_delta(Fraction(3, 7)))[2]
    perturbed = x + flint.fmpq_mat([[1 if (i, k) == (0, 0) else 0 for k in range(6)]
                                    for i in range(6)])
    for candidate in (x, perturbed):
        assert certify_sector(h, candidate, rational_delta(Fraction(3, 7)))[0] == (
            sylvester_solvable(h, h, candidate))


def _degenerate_projector(h):
    """Orthogonal projector onto the eigenspaces of H with multiplicity > 1 (exact)."""
    _, factors = h.charpoly().factor()
    q = flint.fmpq_poly([1])
    for p, e in factors:
        if e > 1:
            q *= p
    value, power = flint.fmpq_mat(h.nrows(), h.ncols()), _eye(h.nrows())
    for c in q.coeffs():
        value += c * power
        power = h * power
    kernel, nullity = _integer(value).nullspace()
    b = flint.fmpq_mat([[kernel[i, c] for c in range(nullity)] for i in range(h.nrows())])
    return b * (b.transpose() * b).inv() * b.transpose()


def test_derogatory_sector_rejects_a_commuting_operator_invisible_to_traces():
    # n = 8, Delta = 1/2, s = 4: eight doubly degenerate levels (two quartic factors); the
    # spin flip F commutes with H and splits each pair (+1, -1), so Y = F E commutes with H,
    # is traceless in every eigenspace (tr H^k Y = 0 for all k), yet is nonzero
    n, s = 8, 4
    h, x = second_order_sectors(n, HALF)[s]
    states = _sector_states(n, s)
    pos = {b: i for i, b in enumerate(states)}
    flip = flint.fmpq_mat([[1 if pos[b ^ (2**n - 1)] == i else 0 for b in states]
                           for i in range(len(states))])
    e = _degenerate_projector(h)
    y = flip * e
    assert h * y == y * h and y != flint.fmpq_mat(70, 70)
    assert not any(any(v) for v in traces(_integer(h), _integer(y), 70, 1))
    ok, method = certify_sector(h, x, HALF)
    assert ok and "4^2 4^2" in method
    assert not certify_sector(h, x + y, HALF)[0]
    z = _some_matrix(70)
    assert certify_sector(h, x + h * z - z * h, HALF)[0]


def test_derogatory_sector_agrees_with_the_sylvester_rank_test():
    # n = 6, Delta = 1/2, s = 3: one doubly degenerate rational level; Y = E S E commutes with H
    h, x = second_order_sectors(6, HALF)[3]
    e = _degenerate_projector(h)
    y = e * _some_matrix(20) * e
    assert h * y == y * h
    for candidate, expected in ((x, True), (x + y, False)):
        assert certify_sector(h, candidate, HALF)[0] is expected
        assert sylvester_solvable(h, h, candidate) is expected


def test_table_generator_small_and_parameter_check():
    from symness.mpa.tables_open_point_ii import open_point_ii_table
    from symness.validation import ParameterError

    table = open_point_ii_table(max_n=4)
    assert [row[:2] for row in table.rows] == [[n, d] for n in (3, 4)
                                               for d in ("1/2", "1", "3/7", "sqrt(3)-1")]
    assert all(row[-1] == "yes" for row in table.rows)
    with pytest.raises(ParameterError):
        open_point_ii_table(max_n=2)
