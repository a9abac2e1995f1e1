"""symness: verify, compute and tabulate nonequilibrium steady states of quantum spin chains.

Layers (imported in one direction only, see ``tests/test_package_structure.py``):

``exact``, ``operators`` -> ``lindblad``, ``perturbation``, ``models`` -> paper packages
(``mpa``, ``weak_coupling``, ``mps``, ``tba``, ``ghd``, ``pump``) -> interfaces
(``claims``, ``outputs``, ``cli``).
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
