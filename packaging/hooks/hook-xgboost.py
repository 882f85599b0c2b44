# PyInstaller has no hook for xgboost (pyinstaller#4076, dmlc/xgboost#7761): without this the frozen
# app fails with "XGBoostLibraryNotFound". Collect the native library and the VERSION data file.
from PyInstaller.utils.hooks import collect_data_files, collect_dynamic_libs

binaries = collect_dynamic_libs("xgboost")
datas = collect_data_files("xgboost")
