"""Layering: lower layers never import paper packages or interface modules (parsed with ast)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "symness"
LOWER = ("exact", "operators", "lindblad", "perturbation", "models", "quasilocal")
PAPERS = ("mpa", "weak_coupling", "mps", "tba", "ghd", "pump", "strong_drive")
INTERFACE = ("claims", "outputs", "cli", "benchmarks")
#: Files inside a package that are interface glue (registrations), allowed to import upward.
GLUE = {"claims.py", "cli.py", "tables.py", "figures.py", "bench.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _lower_files():
    for layer in LOWER:
        for path in sorted((ROOT / layer).rglob("*.py")) if (ROOT / layer).exists() else []:
            if path.name not in GLUE:
                yield pytest.param(path, id=str(path.relative_to(ROOT)))


@pytest.mark.parametrize("path", list(_lower_files()))
def test_lower_layer_imports_no_paper_or_interface_module(path):
    forbidden = {f"symness.{p}" for p in PAPERS + INTERFACE}
    bad = [m for m in _imports(path) if any(m == f or m.startswith(f + ".") for f in forbidden)]
    assert not bad, f"{path.name} imports {bad}"


def test_every_subpackage_has_a_docstring():
    for init in ROOT.glob("*/__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text())), init


def test_test_module_basenames_are_unique():
    """pytest's default (prepend) import mode imports test files outside packages by basename.

    Two files ``tests/a/test_x.py`` and ``tests/b/test_x.py`` then collide with an
    "import file mismatch" error on a clean checkout, so basenames must be unique
    unless the directory is a package (has ``__init__.py``).
    """
    tests = Path(__file__).resolve().parent
    seen: dict[str, Path] = {}
    for path in sorted(tests.rglob("test_*.py")):
        if (path.parent / "__init__.py").exists():
            continue
        assert path.name not in seen, f"{path} and {seen[path.name]} share a basename"
        seen[path.name] = path


#: Paper -> paper imports that are there on purpose (issue 22, item 7): ``(importer, imported,
#: files or None for every file of the importer)`` with the reason.
DECLARED_PAPER_IMPORTS = {
    # GHD (paper 003) is built on the TBA of the same paper: one theory in two packages
    ("ghd", "tba"): None,
    # the strong-drive/Mazur comparison table and claims put D_Z (paper 000), d_PI and the
    # GHD Drude weight (paper 003) side by side: glue, no physics
    ("strong_drive", "mpa"): {"claims_mazur.py", "tables.py"},
    ("strong_drive", "ghd"): {"claims_mazur.py", "tables.py"},
    ("strong_drive", "tba"): {"claims_mazur.py", "tables.py"},
}


def _paper_files():
    for paper in PAPERS:
        for path in sorted((ROOT / paper).rglob("*.py")):
            yield pytest.param(paper, path, id=str(path.relative_to(ROOT)))


@pytest.mark.parametrize(("paper", "path"), list(_paper_files()))
def test_paper_packages_import_other_papers_only_where_declared(paper, path):
    for module in _imports(path):
        other = module.split(".")[1] if module.startswith("symness.") else None
        if other in PAPERS and other != paper:
            allowed = DECLARED_PAPER_IMPORTS.get((paper, other), set())
            assert allowed is None or path.name in allowed, f"{path.name} imports {module}"


def test_only_the_cli_and_the_entry_point_import_symness_cli():
    # paper CLIs write through symness.outputs.write_or_print, not through symness.cli
    for path in sorted(ROOT.rglob("*.py")):
        if path.name in ("cli.py", "__main__.py") and path.parent == ROOT:
            continue
        bad = [m for m in _imports(path) if m == "symness.cli" or m.startswith("symness.cli.")]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_one_class_named_xxz_ring():
    # issue 22: tba.exact_diag had a second XXZRing; the spectrum class is now ThermalRing
    found = [str(path.relative_to(ROOT)) for path in sorted(ROOT.rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text()))
             if isinstance(node, ast.ClassDef) and node.name == "XXZRing"]
    assert found == ["models/xxz_ring.py"], found


#: The one implementation of the XXZ bond (issue 22, item 1).
XXZ_KERNEL = "symness.models.xxz_chain"


def _xxz_builders():
    """Functions named like a Hamiltonian or bond builder taking ``delta``, outside the kernel."""
    for path in sorted(ROOT.rglob("*.py")):
        if path.relative_to(ROOT).as_posix() == "models/xxz_chain.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and any(
                    key in node.name for key in ("hamiltonian", "bond")) and any(
                    a.arg == "delta" for a in node.args.args + node.args.kwonlyargs):
                yield pytest.param(path, node.name, id=f"{path.relative_to(ROOT)}:{node.name}")


@pytest.mark.parametrize(("path", "name"), list(_xxz_builders()))
def test_xxz_builders_wrap_the_one_chain(path, name):
    # a builder of an XXZ Hamiltonian or bond takes it from models/xxz_chain (a second
    # definition of the bond would not import it)
    assert any(m == XXZ_KERNEL or m.startswith(XXZ_KERNEL + ".") for m in _imports(path)), (
        f"{path.relative_to(ROOT)}:{name} builds an XXZ operator without {XXZ_KERNEL}")
