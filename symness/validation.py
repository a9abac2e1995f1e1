"""Parameter validation and exact parsing of numbers given as text.

Every public entry point validates its parameters here, so that bad input
raises :class:`ParameterError` (a ``ValueError``) whose message names the
parameter, its value and the allowed range, e.g.
``'n' must be an integer >= 2 (got 1)``.  The CLI turns this exception into a
one-line message and exit status 2.

Numerical methods that cannot return a trustworthy result (no convergence, a
kernel that is not one-dimensional, a residual above its bound) raise a
subclass of :class:`SolverError`; the CLI prints it as one line and exits with
status 1 (the input was valid, the computation failed).
"""

from __future__ import annotations

import math
import numbers
import re
from fractions import Fraction

__all__ = [
    "ParameterError",
    "SolverError",
    "parse_number",
    "require_int",
    "require_real",
    "require_choice",
]


class ParameterError(ValueError):
    """Invalid parameter value; the message names the parameter and the allowed range."""


class SolverError(RuntimeError):
    """A numerical method did not produce a result it can vouch for.

    Raised (through subclasses named after the method) instead of returning a
    best effort: unconverged iterations, degenerate kernels, failed residual or
    positivity checks.  The message says what was measured against which bound.
    """


#: Longest number text accepted (an exact ratio or decimal of 100 characters is far more
#: precise than any parameter needs; longer text is a paste error or an attack on the parser).
MAX_NUMBER_TEXT = 100
#: Largest magnitude of a parsed number, and smallest nonzero one: float64 holds both with
#: room to spare (its range ends near 1.8e308 and, normalised, 2.2e-308), so no later
#: ``float()`` overflows or underflows to 0.
MAX_MAGNITUDE = Fraction(10) ** 300
_EXPONENT = re.compile(r"[eE]\s*([+-]?\d+)")


def parse_number(text: str, name: str) -> Fraction:
    """Parse a decimal, exponent or ratio string exactly, within float64's range.

    Parameters
    ----------
    text : str
        ``"1/2"``, ``"0.3"``, ``"1e-3"``, ``"-2"``.  Parsed without rounding, so
        ``"0.1"`` is exactly ``1/10``.  At most :data:`MAX_NUMBER_TEXT` characters; the
        value is 0 or of magnitude in ``[1e-300, 1e300]`` (:data:`MAX_MAGNITUDE`), checked
        on the exponent before any big integer is built (``"1e5000"``, ``"1e999999999"``).
    name : str
        Parameter name used in the error message.

    Returns
    -------
    Fraction
        The exact value.

    Examples
    --------
    >>> parse_number("1/2", "delta")
    Fraction(1, 2)
    >>> parse_number("1e-3", "eps")
    Fraction(1, 1000)
    """
    if not isinstance(text, str):
        raise ParameterError(f"'{name}' must be given as text such as 1/2 (got {text!r})")
    text = text.strip()
    if len(text) > MAX_NUMBER_TEXT:
        raise ParameterError(f"'{name}' must be a number of at most {MAX_NUMBER_TEXT} "
                             f"characters (got {len(text)} characters: {text[:20]!r}...)")
    if any(abs(int(e)) > 400 for e in _EXPONENT.findall(text)):
        raise _magnitude_error(text, name)
    try:
        if not text.isascii():  # Fraction reads other scripts' digits ('１'); we do not
            raise ValueError(text)
        value = Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise ParameterError(
            f"'{name}' must be a finite number such as 1/2, 0.3 or 1e-3 (got {text!r})"
        ) from None
    if value and not 1 / MAX_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE:
        raise _magnitude_error(text, name)
    return value


def _magnitude_error(text: str, name: str) -> ParameterError:
    return ParameterError(f"'{name}' must be 0 or of magnitude in [1e-300, 1e300] "
                          f"(got {text!r})")


def _as_real(value: object, name: str) -> Fraction | float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        if hasattr(value, "is_real") and getattr(value, "is_real", False):  # sympy number
            return value  # type: ignore[return-value]
        raise ParameterError(f"'{name}' must be a real number (got {value!r})")
    if isinstance(value, float) and not math.isfinite(value):
        raise ParameterError(f"'{name}' must be finite (got {value!r})")
    return value  # type: ignore[return-value]


def require_int(value: object, name: str, *, minimum: int | None = None,
                maximum: int | None = None) -> int:
    """Return ``value`` as ``int`` if it is an integer within ``[minimum, maximum]``.

    Examples
    --------
    >>> require_int(4, "n", minimum=2)
    4
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ParameterError(
            f"'{name}' must be an integer{_range(minimum, maximum)} (got {value!r})")
    value = int(value)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ParameterError(f"'{name}' must be an integer{_range(minimum, maximum)} (got {value})")
    return value


def require_real(value: object, name: str, *, minimum: float | Fraction | None = None,
                 maximum: float | Fraction | None = None, open_minimum: bool = False,
                 open_maximum: bool = False):
    """Return ``value`` if it is a finite real number in the stated interval.

    ``open_minimum``/``open_maximum`` exclude the end points.  Exact types
    (``int``, ``Fraction``, sympy numbers) are returned unchanged.

    Examples
    --------
    >>> require_real(Fraction(1, 2), "mu", minimum=-1, maximum=1)
    Fraction(1, 2)
    """
    value = _as_real(value, name)
    low_bad = minimum is not None and (value <= minimum if open_minimum else value < minimum)
    high_bad = maximum is not None and (value >= maximum if open_maximum else value > maximum)
    if low_bad or high_bad:
        lo = "" if minimum is None else ("(" if open_minimum else "[") + f"{minimum}"
        hi = "" if maximum is None else f"{maximum}" + (")" if open_maximum else "]")
        if minimum is None:
            interval = f"<{'' if open_maximum else '='} {maximum}"
        elif maximum is None:
            interval = f">{'' if open_minimum else '='} {minimum}"
        else:
            interval = f"in {lo}, {hi}"
        raise ParameterError(f"'{name}' must be {interval} (got {value})")
    return value


def require_choice(value: str, name: str, choices) -> str:
    """Return ``value`` if it is one of ``choices``; otherwise list the allowed keys.

    Examples
    --------
    >>> require_choice("prosen", "convention", ("prosen", "standard"))
    'prosen'
    """
    if value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ParameterError(f"'{name}' must be one of {allowed} (got {value!r})")
    return value


def _range(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f" in [{minimum}, {maximum}]"
    if minimum is not None:
        return f" >= {minimum}"
    if maximum is not None:
        return f" <= {maximum}"
    return ""
