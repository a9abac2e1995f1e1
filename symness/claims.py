"""The claim registry: every checkable statement of a paper is one :class:`Claim`.

A paper package registers its claims in its own ``claims.py`` with the
:func:`claim` decorator::

    @claim("prosen2011.eq13.all-lambda", paper="000", equation="(13)", kind="exact",
           statement="the matrices (11) satisfy the cubic relations for all lambda")
    def _cubic_relations() -> Evidence:
        ...
        return Evidence.exact(ok, reference="symbolic identity in sympy")

Ids follow :data:`ID_SCHEME` (tests/test_claims.py checks every one); ids renamed to it
are kept in :mod:`symness.claim_aliases` and still select their claims.
:func:`load_all` imports every ``symness/<package>/claims.py``;
:meth:`Claim.run` times the check and returns a frozen :class:`Verdict`.
A verdict never rounds a failure into a pass: an exception, a NaN error or an
error above tolerance is ``status == "fail"``.
"""

from __future__ import annotations

import ast
import fnmatch
import functools
import importlib
import math
import re
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from symness import __version__

__all__ = ["KINDS", "Evidence", "Verdict", "Claim", "claim", "registry", "load_all", "select",
           "PAPERS", "PAPER_KEYS", "matches", "matching", "matching_declared", "declared",
           "Declared", "ID_SCHEME", "follows_scheme", "current_id"]

KINDS = ("exact", "numeric", "cross-check")

#: Seed files of the papers (``../shared/seeds``), keyed by the paper number used in claims.
PAPERS = {
    "000": "000_bde47aa7b4b708a0.txt  Prosen, PRL 106, 217206 (2011)",
    "001": "001_cb0e800cb11a91bb.txt  Ishida & Sugita (2022)",
    "002": "002_0be7b015894ae197.txt  Mendoza-Arenas et al., PRB 99, 094435 (2019)",
    "003": "003_0dc908dbf1c4b7da.txt  Bertini et al., PRL 117, 207201 (2016)",
    "004": "004_13d68971b017e4f5.txt  Lange, Lenarcic & Rosch, Nat. Commun. 8, 15767 (2017)",
    "foundation": "symness foundation (model and solver conventions)",
}

#: Claim-id prefix of each paper (the README's "claims" column).
PAPER_KEYS = {"000": "prosen2011", "001": "ishida2022", "002": "mendoza2019",
              "003": "bertini2016", "004": "lange2017", "foundation": "foundation"}


@dataclass(frozen=True)
class Evidence:
    """What a check found.  Build it with :meth:`exact` or :meth:`numeric`.

    Attributes
    ----------
    ok : bool
        Whether the statement held.
    reference : str
        The independent reference: the paper's value, a closed form, or the
        other method.
    error : float or None
        Measured error (``None`` for an exact check).
    tolerance : float or None
        Accepted error (``None`` for an exact check).
    precision : str
        ``"exact"``, ``"float64"`` or ``"mpmath dps=N"``.
    detail : str
        Short free text shown in the table (e.g. the largest ``n`` reached).
    """

    ok: bool
    reference: str
    error: float | None = None
    tolerance: float | None = None
    precision: str = "exact"
    detail: str = ""

    @classmethod
    def exact(cls, ok: bool, reference: str, detail: str = "") -> "Evidence":
        """Evidence of an exact (symbolic or exact-arithmetic) check."""
        return cls(ok=bool(ok), reference=reference, detail=detail)

    @classmethod
    def numeric(cls, error: float, tolerance: float, reference: str,
                precision: str = "float64", detail: str = "",
                requires: dict[str, bool] | None = None) -> "Evidence":
        """Evidence of a numerical comparison; passes only if ``error <= tolerance``.

        A NaN error fails.  ``requires`` names qualitative conditions the claim also needs
        (e.g. ``{"error shrinks with chi": ...}``); an unmet one fails the verdict, keeps
        the measured error and is named in the detail (instead of an infinite error that
        hides both the value and the reason).
        """
        error = float(error)
        unmet = [name for name, held in (requires or {}).items() if not held]
        ok = math.isfinite(error) and error <= tolerance and not unmet
        if unmet:
            detail = "; ".join(filter(None, [detail, "NOT MET: " + ", ".join(unmet)]))
        return cls(ok=ok, reference=reference, error=error, tolerance=float(tolerance),
                   precision=precision, detail=detail)


@dataclass(frozen=True)
class Verdict:
    """The outcome of running one claim (scipy ``OptimizeResult``-like, but frozen)."""

    claim_id: str
    paper: str
    equation: str
    kind: str
    status: str  # one of KINDS, or "fail"
    error: float | None
    tolerance: float | None
    reference: str
    precision: str
    detail: str
    seconds: float
    version: str = __version__

    @property
    def passed(self) -> bool:
        """True when the claim held; a failure can never be reported as a pass."""
        return self.status != "fail"

    def as_dict(self) -> dict:
        """Plain dictionary for JSON output."""
        return {k: getattr(self, k) for k in self.__dataclass_fields__} | {"passed": self.passed}


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a paper.

    Attributes
    ----------
    id : str
        ``"<paper key>.<group>.<name>"`` or ``"<paper key>.<name>"`` (:data:`ID_SCHEME`),
        e.g. ``"prosen2011.eq13.all-lambda"``, ``"mendoza2019.pz2009-ballistic"``.
    paper : str
        Paper number (key of :data:`PAPERS`).
    equation : str
        Equation, table or figure of the paper, e.g. ``"(13)"`` or ``"Fig. 2"``.
    kind : str
        ``"exact"``, ``"numeric"`` or ``"cross-check"``.
    statement : str
        What is claimed, in one sentence.
    check : callable
        Zero-argument function returning :class:`Evidence`.
    slow : bool
        Slow claims run only with ``--slow`` (CI runs them).
    """

    id: str
    paper: str
    equation: str
    kind: str
    statement: str
    check: Callable[[], Evidence] = field(repr=False, compare=False)
    slow: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"claim {self.id!r}: 'kind' must be one of {KINDS} "
                             f"(got {self.kind!r})")
        if self.paper not in PAPERS:
            raise ValueError(f"claim {self.id!r}: 'paper' must be one of {tuple(PAPERS)} "
                             f"(got {self.paper!r})")

    def run(self) -> Verdict:
        """Run the check, timing it; any exception becomes a failed verdict."""
        start = time.perf_counter()
        try:
            evidence = self.check()
            if not isinstance(evidence, Evidence):
                raise TypeError(f"check returned {type(evidence).__name__}, expected Evidence")
        except Exception as exc:  # noqa: BLE001 - a crash is a failed claim, reported in full
            tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
            evidence = Evidence(ok=False, reference="(check raised)", detail=tb)
        seconds = time.perf_counter() - start
        return Verdict(
            claim_id=self.id, paper=self.paper, equation=self.equation, kind=self.kind,
            status=self.kind if evidence.ok else "fail", error=evidence.error,
            tolerance=evidence.tolerance, reference=evidence.reference,
            precision=evidence.precision, detail=evidence.detail, seconds=seconds,
        )


class _Registry(dict):
    """``id -> Claim``; indexing also accepts a former id (:data:`symness.claim_aliases`)."""

    def __missing__(self, cid: str) -> Claim:
        current = current_id(cid)
        if current == cid or not dict.__contains__(self, current):
            raise KeyError(cid)
        return dict.__getitem__(self, current)


#: All registered claims, by id, in registration order.
registry: dict[str, Claim] = _Registry()


def claim(id: str, *, paper: str, equation: str, kind: str, statement: str,
          slow: bool = False) -> Callable[[Callable[[], Evidence]], Callable[[], Evidence]]:
    """Register the decorated zero-argument check function as a claim."""

    def register(check: Callable[[], Evidence]) -> Callable[[], Evidence]:
        if id in registry:
            raise ValueError(f"claim id {id!r} is registered twice")
        registry[id] = Claim(id=id, paper=paper, equation=equation, kind=kind,
                             statement=statement, check=check, slow=slow)
        return check

    return register


def load_all() -> dict[str, Claim]:
    """Import every ``symness/<package>/claims*.py`` and return the filled registry."""
    from symness.outputs import registration_modules

    for name in registration_modules("claims"):
        importlib.import_module(name)
    return registry


#: The claim-id scheme (issue 25): ``<paper key>.<group>.<name>`` or ``<paper key>.<name>``;
#: ``.`` separates only these levels, each segment is lower-case kebab case (no ``_``), a
#: size variant is a suffix of its name (``vs-lindblad-n10``).  The paper key is
#: ``PAPER_KEYS[claim.paper]``.  Checked for every registered claim by tests/test_claims.py.
ID_SCHEME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*){1,2}")


def follows_scheme(cid: str, paper: str) -> bool:
    """Whether ``cid`` is a valid id (:data:`ID_SCHEME`) of a claim of ``paper``."""
    return (ID_SCHEME.fullmatch(cid) is not None and cid.split(".")[0] == PAPER_KEYS[paper]
            and re.fullmatch(r"[nml]\d+", cid.rsplit(".", 1)[1]) is None)


@functools.cache
def _former() -> dict[str, tuple[str, ...]]:
    """``current id -> its former ids`` (:data:`symness.claim_aliases.FORMER_IDS`)."""
    from symness.claim_aliases import FORMER_IDS

    found: dict[str, tuple[str, ...]] = {}
    for old, new in FORMER_IDS.items():
        found[new] = (*found.get(new, ()), old)
    return found


def current_id(cid: str) -> str:
    """The current id of a former claim id, else ``cid`` unchanged.

    ``strong_drive.ballistic`` -> ``prosen2011.strong-drive.ballistic``.
    """
    from symness.claim_aliases import FORMER_IDS

    key = _normal(cid)
    return next((new for old, new in FORMER_IDS.items() if _normal(old) == key), cid)


def _normal(text: str) -> str:
    """Ids compared with ``_`` and ``-`` read alike (``vs_lindblad`` == ``vs-lindblad``)."""
    return text.strip().lower().replace("_", "-")


def _matches_id(cid: str, paper: str, p: str) -> bool:
    cid = _normal(cid)
    short = cid.partition(".")[2]
    return (p == paper or cid.startswith(p) or short.startswith(p)
            or fnmatch.fnmatchcase(cid, p) or fnmatch.fnmatchcase(short, p))


def matches(c: Claim | Declared, pattern: str, *, former: bool = True) -> bool:
    """Whether ``pattern`` names claim ``c``.

    A pattern is a paper number (``"002"``), an id prefix (``"prosen2011"``,
    ``"mendoza"``, ``"prosen2011.eq20"``), a short name (the id without its paper
    key: ``"pz2009-ballistic"``, ``"eq20"``) or a shell pattern (``"*eq13*"``), of the
    claim's id or (``former=True``) of one of its former ids (``strong_drive.*``,
    ``ishida2022.series-order.n6``).  ``_`` and ``-`` are read alike, capitals as small
    letters.
    """
    p = _normal(pattern)
    return (_matches_id(c.id, c.paper, p)
            or former and any(_matches_id(cid, c.paper, p) for cid in _former().get(c.id, ())))


@dataclass(frozen=True)
class Declared:
    """A claim registration read from source without running it (see :func:`declared`)."""

    id: str
    paper: str
    equation: str
    kind: str
    statement: str
    slow: bool
    module: str
    line: int


def _literal(node: ast.expr, constants: dict):
    """A literal, or a module-level constant such as ``PAPER = "004"``."""
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    return ast.literal_eval(node)


def _declared_in(path: Path, module: str) -> list[Declared]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                 and isinstance(n.value, ast.Constant) for t in n.targets
                 if isinstance(t, ast.Name)}
    found = []
    for func in ast.walk(tree):
        for deco in getattr(func, "decorator_list", []):
            if isinstance(deco, ast.Call) and getattr(deco.func, "id", None) == "claim":
                kw = {k.arg: _literal(k.value, constants) for k in deco.keywords}
                found.append(Declared(_literal(deco.args[0], constants), kw["paper"],
                                      kw["equation"], kw["kind"], kw["statement"],
                                      bool(kw.get("slow", False)), module, deco.lineno))
    calls = sum(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "claim"
                for n in ast.walk(tree))
    if calls != len(found):    # a claim(...) call that is not a decorator: not readable here
        raise ValueError(f"{path.name}: claim() called outside a decorator")
    return sorted(found, key=lambda d: d.line)


def declared() -> list[Declared] | None:
    """Every ``@claim(...)`` of ``symness/<pkg>/claims*.py``, read with :mod:`ast`.

    ``symness claims`` and ``symness verify PATTERN`` use it to import only the
    modules of the claims they need (issue 25: start-up time).  ``None`` if a
    registration is not written with literals and module constants.
    """
    root = Path(__file__).resolve().parent
    found = []
    for path in sorted(root.glob("*/claims*.py")):
        if path.stem != "claims" and not path.stem.startswith("claims_"):
            continue
        try:
            found += _declared_in(path, f"symness.{path.parent.name}.{path.stem}")
        except (ValueError, KeyError, IndexError, TypeError, SyntaxError):
            return None
    return found


def _named(items: list, patterns: list[str]) -> list:
    """The ``items`` (claims or declarations) named by ``patterns``, sorted by paper."""
    from symness.validation import ParameterError

    if any(not p.strip() for p in patterns):
        raise ParameterError("'pattern' must not be empty (give no pattern to select every claim)")
    order = {paper: i for i, paper in enumerate(PAPERS)}
    # a pattern is read as a former id only if it names no current claim (so the alias
    # table is not even read for '000' or 'prosen2011.eq20')
    current = {p: [c for c in items if matches(c, p, former=False)] for p in patterns}
    chosen = {id(c) for hits in current.values() for c in hits}
    chosen |= {id(c) for p, hits in current.items() if not hits
               for c in items if matches(c, p)}
    return sorted([c for c in items if not patterns or id(c) in chosen],
                  key=lambda c: order[c.paper])


def matching_declared(patterns: Iterable[str] = ()) -> list[Declared]:
    """Like :func:`matching`, from the sources: nothing is imported."""
    found = declared()
    if found is None:
        found = [Declared(c.id, c.paper, c.equation, c.kind, c.statement, c.slow,
                          c.check.__module__, 0) for c in load_all().values()]
    return _named(found, list(patterns))


def matching(patterns: Iterable[str] = ()) -> list[Claim]:
    """Every claim (slow ones included) named by any of ``patterns`` (all if none), by paper.

    Only the modules that declare the named claims are imported; within a paper the
    registration order is kept.

    Raises
    ------
    ParameterError
        If a pattern is empty (it would silently select every claim).
    """
    patterns = list(patterns)
    wanted = matching_declared(patterns)
    for module in dict.fromkeys(d.module for d in wanted):
        importlib.import_module(module)
    ids = {d.id for d in wanted}
    return _named([c for c in registry.values() if c.id in ids], patterns)


def select(patterns: Iterable[str] = (), *, slow: bool = False) -> list[Claim]:
    """The claims of :func:`matching`; slow claims only when ``slow`` is true.

    ``"prosen2011"`` matches every ``prosen2011.*`` claim; ``"*eq13*"`` works too.
    """
    return [c for c in matching(patterns) if slow or not c.slow]
