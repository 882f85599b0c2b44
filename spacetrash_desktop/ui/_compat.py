"""Work-around for the Qt binding installed with the project (no Qt import here).

PySide6 6.12.0 (the ``cp310-abi3`` wheel) hands back ``None``, ``True`` and ``False`` from its
wrappers without taking a reference: every call of a PySide function that returns nothing, every
``Signal.emit()`` (which returns ``True``), ``QWidget.update()``, ``processEvents()``... drops one
reference to the singleton. CPython 3.12+ makes these singletons immortal, so nothing happens there;
on CPython 3.11 the interpreter aborts with "Fatal Python error: none_dealloc" (or ``bool_dealloc``)
after a few thousand such calls, i.e. within seconds of using the window.

:func:`apply` does what CPython 3.12 does: it gives the constant singletons a reference count no
program can exhaust. They are statically allocated and never freed, so the extra count changes
nothing else. Safe to call more than once; a no-op on 3.12+ and on other interpreters.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFS = 1 << 40  # ~10^12 leaked references before anything could go wrong
_applied = False


def needed() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def apply() -> bool:
    """Pin the reference counts of None, True, False, NotImplemented and Ellipsis. Returns True if done."""
    global _applied
    if _applied or not needed():
        return _applied
    for obj in (None, True, False, NotImplemented, Ellipsis):
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA_REFS  # ob_refcnt is the first field
    _applied = True
    return True
