"""Atomic, deterministic output: tables (text/markdown/CSV/JSON), figures, provenance.

Paper packages register generators in their own ``tables.py``/``figures.py``::

    @table("prosen2011-mazur", description="Mazur bound D_Z (Prosen 2011, (20))")
    def mazur_table(*, max_m: int = 12) -> Table: ...

    @figure("prosen2011-fig2", description="...")
    def fig2(outdir: Path) -> list[Path]: ...

Every written file records its parameters, the symness version and the
command that regenerates it, and is written to a temporary file and moved
into place with :func:`os.replace`, so an interrupted run never leaves a
half-written file.  Regenerating a table from the same code gives the same
bytes (no timestamps, fixed float formatting).
"""

from __future__ import annotations

import ast
import csv
import importlib
import io
import json
import math
import os
import pkgutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from symness import __version__
from symness.validation import ParameterError

__all__ = ["Table", "atomic_write_text", "atomic_write_bytes", "atomic_write_png",
           "write_or_print", "provenance", "render",
           "table", "figure", "tables", "figures", "load_all", "FORMATS", "canonical_name",
           "lookup", "repository_tables", "declared", "Declared", "round_to_error",
           "format_error"]

FORMATS = ("text", "md", "csv", "json")


def _umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_png(path: str | os.PathLike, fig, *, dpi: float | None = None) -> Path:
    """Write a matplotlib figure as PNG atomically, without the software-version metadata.

    The bytes then depend only on the drawing (figures regenerate byte-identically);
    ``dpi=None`` keeps the figure's own resolution.
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return atomic_write_bytes(path, buf.getvalue())


def write_or_print(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output`` when given (CLI outputs)."""
    if output:
        atomic_write_text(output, text)
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file beside it + ``os.replace``).

    The file gets the usual mode of a new file (``0666`` minus the umask, 0644 as a rule).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; a table is an ordinary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def provenance(command: str, parameters: dict | None = None) -> dict:
    """Provenance recorded in every written file: version, parameters, regenerating command.

    Deliberately contains no timestamp or git hash so that output is byte-for-byte
    reproducible from the same code.
    """
    return {"symness_version": __version__, "command": command,
            "parameters": dict(parameters or {})}


@dataclass(frozen=True)
class Table:
    """A rectangular result with provenance.

    ``rows`` hold already-formatted cell values (str, int, or float — floats are
    written with ``repr`` so the output is exact and deterministic).
    """

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    command: str
    parameters: dict = field(default_factory=dict)
    notes: Sequence[str] = ()


def _cell(value: object) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def render(tab: Table, fmt: str) -> str:
    """Render a table as ``text``, ``md``, ``csv`` or ``json`` (deterministic)."""
    if fmt not in FORMATS:
        raise ParameterError(f"'format' must be one of {FORMATS} (got {fmt!r})")
    prov = provenance(tab.command, tab.parameters)
    cells = [[_cell(v) for v in row] for row in tab.rows]
    if fmt == "json":
        payload = {"title": tab.title, **prov, "notes": list(tab.notes),
                   "columns": list(tab.columns),
                   "rows": [dict(zip(tab.columns, row)) for row in cells]}
        return json.dumps(payload, indent=1, sort_keys=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        buf.write(f"# {tab.title}\n# regenerate: {tab.command}\n")
        buf.write(f"# symness {__version__}; parameters: {json.dumps(tab.parameters)}\n")
        for note in tab.notes:
            buf.write(f"# {note}\n")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(tab.columns)
        writer.writerows(cells)
        return buf.getvalue()
    if fmt == "md":
        lines = [f"<!-- regenerate: {tab.command} (symness {__version__}) -->", "",
                 f"**{tab.title}**", "",
                 "| " + " | ".join(tab.columns) + " |",
                 "|" + "|".join("---" for _ in tab.columns) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        lines += [""] + [f"{note}  " for note in tab.notes]
        return "\n".join(lines).rstrip() + "\n"
    widths = [max(len(str(c)), *(len(r[i]) for r in cells)) if cells else len(str(c))
              for i, c in enumerate(tab.columns)]
    lines = [tab.title, "  ".join(str(c).ljust(w) for c, w in zip(tab.columns, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines += list(tab.notes)
    return "\n".join(lines) + "\n"


def format_error(error: float) -> str:
    """An error bound rounded up to one significant digit, two if the first is 1.

    >>> format_error(2.3e-15), format_error(1.06e-5), format_error(9.99e-3)
    ('3e-15', '1.1e-05', '1e-02')
    """
    if not (error > 0 and math.isfinite(error)):
        return "0" if error == 0 else str(error)
    exponent = math.floor(math.log10(error))
    mantissa = round(error / 10.0**exponent, 9)
    if mantissa < 2:
        tenths = math.ceil(mantissa * 10)
        if tenths < 20:
            return f"{tenths / 10:.1f}e{exponent:+03d}"
        mantissa = 2
    digit = math.ceil(mantissa)
    if digit == 10:
        digit, exponent = 1, exponent + 1
    return f"{digit}e{exponent:+03d}"


def round_to_error(value: float, error: float) -> str:
    """``value`` printed to the decimal place of the first significant digit of ``error``.

    Every printed digit is then meaningful (issue 25: "every number a user sees carries its
    accuracy and no more digits"); the last one may be off by the error.  Fixed notation for
    ``1e-3 <= |value| < 1e6``, scientific otherwise; a value below its error prints as ``0``
    at the error's decimal place.  A non-positive or non-finite error gives ``repr(value)``.

    >>> round_to_error(4.3959359263823217e-07, 1.6e-15)
    '4.39593593e-07'
    >>> round_to_error(0.0008507653592149829, 3e-11)
    '8.5076536e-04'
    >>> round_to_error(-0.20432597632202157, 2e-9)
    '-0.204325976'
    >>> round_to_error(-2.1e-17, 1e-15)
    '0e-15'
    """
    if not (error > 0 and math.isfinite(error)) or not math.isfinite(value):
        return repr(value)
    last = math.floor(math.log10(error))          # decimal exponent of the last kept digit
    if abs(value) < 10.0**last:
        return f"0e{last:+03d}" if last < -3 else "0"
    lead = math.floor(math.log10(abs(value)))
    if 1e-3 <= abs(value) < 1e6:
        return f"{value:.{max(0, -last)}f}"
    text = f"{value:.{max(0, lead - last)}e}"
    mantissa, _, exponent = text.partition("e")
    return f"{mantissa}e{int(exponent):+03d}"


@dataclass(frozen=True)
class _Entry:
    name: str
    description: str
    generator: Callable
    slow: bool = False
    aliases: tuple[str, ...] = ()


class _Registry(dict):
    """``name -> entry``; indexing also accepts former names and any separator."""

    def __missing__(self, name: str) -> _Entry:
        entry = lookup(self, name)
        if entry is None:
            raise KeyError(name)
        return entry


#: Registered table generators (``name -> entry``); a generator returns a :class:`Table`.
tables: dict[str, _Entry] = _Registry()
#: Registered figure generators; a generator takes an output folder and returns written paths.
figures: dict[str, _Entry] = _Registry()


def canonical_name(name: str) -> str:
    """The one naming scheme of tables and figures: ``<paper key>-<what>``, lower case, ``-``.

    ``_`` and ``.`` (the claims' separator) are read as ``-``, so ``mendoza2019_pz2009``,
    ``mendoza2019.pz2009`` and ``mendoza2019-pz2009`` name the same table.
    """
    return name.strip().lower().replace("_", "-").replace(".", "-")


def _register(store: dict, name: str, description: str, slow: bool, aliases: tuple[str, ...]):
    canonical = canonical_name(name)
    old = tuple(dict.fromkeys(a for a in (name, *aliases) if canonical_name(a) != canonical))

    def decorate(generator: Callable) -> Callable:
        if canonical in store:
            raise ValueError(f"{canonical!r} is registered twice")
        store[canonical] = _Entry(canonical, description, generator, slow, old)
        return generator
    return decorate


def lookup(store: dict, name: str) -> _Entry | None:
    """The entry registered under ``name`` (any separator) or one of its aliases, else ``None``."""
    key = canonical_name(name)
    if dict.__contains__(store, key):
        return dict.__getitem__(store, key)
    return next((e for e in store.values() if key in map(canonical_name, e.aliases)), None)


def table(name: str, *, description: str, slow: bool = False, aliases: tuple[str, ...] = ()):
    """Register a table generator under ``name`` (used by ``symness table NAME``).

    ``aliases`` are former names that keep working on the command line.
    """
    return _register(tables, name, description, slow, aliases)


def figure(name: str, *, description: str, slow: bool = False, aliases: tuple[str, ...] = ()):
    """Register a figure generator under ``name`` (used by ``symness figure NAME``).

    The files it writes are named ``<name with '_' for '-'>.<ext>``; ``aliases`` as for
    :func:`table`.
    """
    return _register(figures, name, description, slow, aliases)


def repository_tables() -> Path:
    """The ``tables/`` folder of the source tree (committed tables, figures and their caches)."""
    return Path(__file__).resolve().parents[1] / "tables"


def registration_modules(prefix: str) -> list[str]:
    """Names of ``symness/<package>/<prefix>.py`` and ``<prefix>_*.py`` (registrations).

    A package may split its registrations (claims, tables, figures) over several
    modules named after what they hold, e.g. ``mpa/claims_mazur.py``.
    """
    import symness

    names = []
    for info in pkgutil.iter_modules(symness.__path__):
        if not info.ispkg:
            continue
        package = importlib.import_module(f"symness.{info.name}")
        for sub in pkgutil.iter_modules(package.__path__):
            if sub.name == prefix or sub.name.startswith(prefix + "_"):
                names.append(f"symness.{info.name}.{sub.name}")
    return sorted(names)


@dataclass(frozen=True)
class Declared:
    """A registration read from source without importing it (see :func:`declared`)."""

    name: str
    description: str
    slow: bool
    aliases: tuple[str, ...]
    module: str


def _declarations(path: Path, module: str, decorator: str) -> list[Declared] | None:
    """``@decorator("name", description=..., ...)`` registrations of one file.

    ``None`` when a registration is not written with literals (the caller then imports).
    """
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    decorators = [d for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                  for d in f.decorator_list]
    for node in decorators:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == decorator):
            continue
        try:
            name = ast.literal_eval(node.args[0])
            kw = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
        except (ValueError, IndexError, TypeError, SyntaxError):
            return None
        found.append(Declared(canonical_name(name), kw.get("description", ""),
                              bool(kw.get("slow", False)),
                              tuple(a for a in (name, *kw.get("aliases", ()))
                                    if canonical_name(a) != canonical_name(name)), module))
    return found


def declared(kind: str) -> list[Declared] | None:
    """Tables (``kind="table"``) or figures declared in the packages, read with :mod:`ast`.

    ``symness table --list`` and ``symness table NAME`` use it so that only the module
    that defines the requested entry is imported (issue 25: start-up time).  ``None``
    if some registration cannot be read without running it.
    """
    root = Path(__file__).resolve().parent
    found = []
    for path in sorted(root.glob(f"*/{kind}s*.py")):
        if path.stem != f"{kind}s" and not path.stem.startswith(f"{kind}s_"):
            continue
        entries = _declarations(path, f"symness.{path.parent.name}.{path.stem}", kind)
        if entries is None:
            return None
        found += entries
    return found


def load_all() -> None:
    """Import every ``symness/<package>/tables*.py`` and ``figures*.py``."""
    for name in registration_modules("tables") + registration_modules("figures"):
        importlib.import_module(name)
