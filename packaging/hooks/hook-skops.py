# skops.io resolves loaders by module name at load time, including its protocol-compatibility
# modules in skops/io/old/ (a namespace folder without __init__.py, which collect_submodules skips).
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("skops.io") + [
    "skops.io.old._general_v0",
    "skops.io.old._numpy_v0",
    "skops.io.old._numpy_v1",
]
