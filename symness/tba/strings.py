"""String content of the gapless XXZ chain for gamma/pi rational (Takahashi-Suzuki).

For Delta = cos(gamma) with gamma = pi / p0 and p0 = pi/gamma > 1 rational, the string
hypothesis gives a finite number of quasiparticle species (Takahashi & Suzuki, Prog.
Theor. Phys. 48, 2187 (1972); M. Takahashi, *Thermodynamics of one-dimensional solvable
models*, CUP 1999, Sec. 9.2).  Write p0 as the continued fraction

    p0 = nu_1 + 1/(nu_2 + 1/(... + 1/nu_l)),    nu_l >= 2,

and define p_0 = p0, p_1 = 1, p_{i} = p_{i-2} - nu_{i-1} p_{i-1};
y_{-1} = 0, y_0 = 1, y_i = y_{i-2} + nu_i y_{i-1};  m_0 = 0, m_i = nu_1 + ... + nu_i.
The species j = 1 .. m_l have

* lengths   n_j = y_{i-1} + (j - m_i) y_i  for m_i <= j < m_{i+1},  and n_{m_l} = y_{l-1};
* parities  v_j = (-1)^floor((n_j - 1)/p0),  except v_{m_1} = -1;
* signs     sigma_j = sign(q_j),  q_j = (-1)^i (p_i - (j - m_i) p_{i+1})  for
  m_i <= j < m_{i+1},  and sigma_{m_l} = (-1)^l.

For gamma = pi/nu (l = 1, nu_1 = nu) this is the content used in the paper: lengths
1 .. nu-1 with parity +1 and sign +1, and a 1-string of parity -1 and sign -1.

Every formula here is checked numerically rather than trusted: the infinite-temperature
free energy (-ln 2 per site), the free-spin magnetisation (1/2) tanh(mu/2) and the finite-
temperature free energy against exact diagonalisation (``tests/tba``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from symness.validation import ParameterError

__all__ = ["StringContent", "string_content", "continued_fraction", "MAX_SPECIES"]


#: Most string species accepted (``gamma/pi = 1/200`` has 200): beyond, the thermal TBA and
#: the GHD solvers, whose work grows with the square of the species count, do not finish.
MAX_SPECIES = 200


def continued_fraction(x: Fraction) -> tuple[int, ...]:
    """Continued-fraction digits (nu_1, ..., nu_l) of a rational ``x > 1``, with nu_l >= 2.

    Examples
    --------
    >>> continued_fraction(Fraction(5, 2))
    (2, 2)
    """
    digits = []
    while True:
        whole = x.numerator // x.denominator
        digits.append(whole)
        frac = x - whole
        if frac == 0:
            break
        x = 1 / frac
    return tuple(digits)


@dataclass(frozen=True)
class StringContent:
    """Quasiparticle species of the gapless XXZ chain at gamma = pi * ``gamma_over_pi``.

    Attributes
    ----------
    gamma_over_pi : Fraction
        gamma / pi, rational in (0, 1).
    lengths, parities, signs : tuple of int
        n_j, v_j = +-1 and sigma_j = +-1 for the species j = 1 .. len(lengths)
        (stored 0-based: index j - 1).
    """

    gamma_over_pi: Fraction
    lengths: tuple[int, ...]
    parities: tuple[int, ...]
    signs: tuple[int, ...]

    @property
    def gamma(self) -> float:
        """The anisotropy angle gamma (float64)."""
        return math.pi * float(self.gamma_over_pi)

    @property
    def delta(self) -> float:
        """Delta = cos(gamma) (float64)."""
        return math.cos(self.gamma)

    @property
    def species(self) -> int:
        """Number of string species."""
        return len(self.lengths)


def string_content(gamma_over_pi: Fraction | int) -> StringContent:
    """Takahashi-Suzuki string content for gamma = pi * ``gamma_over_pi``.

    Parameters
    ----------
    gamma_over_pi : Fraction
        Rational number in (0, 1/2]; gamma = pi/nu is the case of the paper.  Larger
        values (Delta < 0) are refused: the thermal state at -Delta is not simply related.

    Returns
    -------
    StringContent

    References
    ----------
    Takahashi (1999), Sec. 9.2; Takahashi & Suzuki (1972).

    Examples
    --------
    >>> string_content(Fraction(1, 3)).lengths, string_content(Fraction(1, 3)).signs
    ((1, 2, 1), (1, 1, -1))
    """
    if not isinstance(gamma_over_pi, (int, Fraction)) or isinstance(gamma_over_pi, bool):
        raise ParameterError(f"'gamma/pi' must be an exact rational number (got {gamma_over_pi!r})")
    g = Fraction(gamma_over_pi)
    if not 0 < g <= Fraction(1, 2):
        raise ParameterError(f"'gamma/pi' must be rational in (0, 1/2], i.e. 0 <= Delta < 1 "
                             f"(got {g})")
    p0 = 1 / g
    nus = continued_fraction(p0)
    if sum(nus) > MAX_SPECIES:
        raise ParameterError(f"'gamma/pi' = {g} has {sum(nus)} string species (the sum of the "
                             f"continued-fraction digits of pi/gamma), above {MAX_SPECIES}; "
                             f"every TBA/GHD solve grows with the species count")
    level = len(nus)
    p = [p0, Fraction(1)]
    for i in range(2, level + 1):
        p.append(p[i - 2] - nus[i - 2] * p[i - 1])
    y = {-1: 0, 0: 1}
    for i in range(1, level + 1):
        y[i] = y[i - 2] + nus[i - 1] * y[i - 1]
    m = [0]
    for nu in nus:
        m.append(m[-1] + nu)
    lengths, signs = [], []
    for i in range(level):
        for j in range(max(m[i], 1), m[i + 1]):
            lengths.append(y[i - 1] + (j - m[i]) * y[i])
            q = (-1) ** i * (p[i] - (j - m[i]) * p[i + 1])
            signs.append(1 if q > 0 else -1)
    lengths.append(y[level - 1])
    signs.append((-1) ** level)
    parities = [(-1) ** math.floor((n - 1) / p0) for n in lengths]
    parities[m[1] - 1] = -1
    return StringContent(g, tuple(lengths), tuple(parities), tuple(signs))
