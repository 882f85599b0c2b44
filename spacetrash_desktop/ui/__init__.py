"""The window: the only package that imports PySide6, shiboken6 or pyqtgraph.

Importing ``spacetrash_desktop.ui`` itself imports no Qt, so its plain-Python helpers
(``undo``, ``inventory_doc``, ``views``) can be used and tested without a display.

Modules
-------
app            QApplication, style, exception hooks, ``run_app`` (the ``spacetrash`` entry point)
main_window    tabs, menus, status bar, window state (QSettings), panel extension point
context        AppContext: what every tab and future panel shares (runner, selection, results...)
tasks          the single background-task runner (ThreadPoolExecutor + queued signals)
undo           Qt-free command stack (Edit menu text derives from it)
inventory_doc  Qt-free inventory document: items, edits as undoable commands, validation
qtmodels       QAbstractTableModel subclasses with in-model numpy sorting and filtering
widgets        small builders shared by the tabs and panels (titles, splitters, tables, progress, fields)
views          Qt-free display snapshots of generation results, built on the worker thread
inventory_tab, target_tab, candidates_tab, tradeoffs_tab   one module per tab
recipe_detail  the Candidates tab's recipe detail pane (composition, mass flow, why, safety)
sankey, property_bars   QPainter widgets of the detail pane
dialogs, errors         import report, compare, about, error dialog and global exception hooks
panels         the panels after the four tabs: Feedback and Model by default, others registered
feedback_panel the Feedback panel: feedback_form (save/retry) + feedback_entry (the report fields)
               beside feedback_history (past feedback, export/import)
model_panel    the Model panel: model_status (active model, install, roll back) beside
               retrain_panel (retraining, run history) and run_details (drift, metrics, checks)
feedback_views, model_views   their Qt-free helpers (snapshots built on workers, table rows)
bench_gui      ``spacetrash bench gui``
screenshots    ``python -m spacetrash_desktop.ui.screenshots``
"""

from spacetrash_desktop.ui import _compat as _compat

_compat.apply()  # before any PySide6 call: see _compat (PySide6 6.12 on CPython 3.11)
