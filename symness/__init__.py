"""symness: verify, compute and tabulate nonequilibrium steady states of quantum spin chains.

Layers (imported in one direction only, see ``tests/test_package_structure.py``):

``exact``, ``operators`` -> ``lindblad``, ``perturbation``, ``models`` -> paper packages
(``mpa``, ``weak_coupling``, ``mps``, ``tba``, ``ghd``, ``pump``) -> interfaces
(``claims``, ``outputs``, ``cli``).

Importing the package sets the BLAS/OpenMP thread pools to one thread unless the
user chose otherwise (``SYMNESS_THREADS`` or ``OMP_NUM_THREADS``; see
:mod:`symness.threads`, measured by ``symness bench threads``).
"""

from symness.threads import configure as _configure_threads

__version__ = "0.1.0"

__all__ = ["__version__"]

_configure_threads()
