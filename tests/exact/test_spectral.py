import sympy as sp
from sympy import QQ
from sympy.polys.matrices import DomainMatrix

from symness.exact.spectral import jordan_block_sizes, spectral_part


def _dm(rows):
    return DomainMatrix([[QQ(int(x)) for x in row] for row in rows], (len(rows), len(rows)), QQ)


def test_spectral_part_reproduces_matrix_powers():
    # reference: sympy's Matrix.jordan_form on a rational matrix with a J_3(2) block
    m = sp.Matrix([[2, 1, 0, 1], [0, 2, 1, 0], [0, 0, 2, 3], [0, 0, 0, 5]])
    part = spectral_part(_dm(m.tolist()), QQ(2))
    assert part.block_sizes == (3,)
    p, nil = part.projector.to_Matrix(), part.nilpotent.to_Matrix()
    assert p * p == p and p * m == m * p and nil**3 == sp.zeros(4, 4)
    _, j = m.jordan_form()
    for n in (1, 5, 9):  # M^n P = sum_k C(n,k) 2^(n-k) N^k P
        lhs = m**n * p
        rhs = sum((sp.binomial(n, k) * 2 ** (n - k) * nil**k * p for k in range(3)),
                  sp.zeros(4, 4))
        assert lhs == rhs


def test_block_sizes_mixed():
    m = _dm([[1, 1, 0], [0, 1, 0], [0, 0, 1]])
    assert jordan_block_sizes(m, QQ(1)) == (2, 1)
    assert jordan_block_sizes(m, QQ(3)) == ()
