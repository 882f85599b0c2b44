# moocore ships its C library as a cffi extension plus data files: collect both.
from PyInstaller.utils.hooks import collect_data_files, collect_dynamic_libs, collect_submodules, copy_metadata

binaries = collect_dynamic_libs("moocore")
# moocore asks importlib.metadata for its own version at import time
datas = collect_data_files("moocore") + copy_metadata("moocore")
hiddenimports = collect_submodules("moocore")
