"""The ML layer: a random forest and XGBoost that learn where reality departs from the physics model,
with split-conformal 95% intervals, out-of-distribution flags, TreeSHAP explanations, verified model
bundles and the per-user model registry. No Qt here (``tests/test_layers.py``).

Modules:

* :mod:`.features` - the one feature function (training and scoring), aligned by name to a saved schema;
* :mod:`.virtual_lab` - simulated trials (physics + process variability) and the shifted "reality" used
  only by the learning-curve benchmark;
* :mod:`.model` - the ensemble (residual RF + XGBoost, blend, conformal intervals, OOD) in memory;
* :mod:`.train` - training a bundle from the virtual lab (+ feedback rows: ``fit_feedback_stages``);
* :mod:`.offsets` - the family offsets, the small-data correction learnt from the first crew report;
* :mod:`.bundle` - writing, verifying and loading bundles (verification before any deserialiser);
* :mod:`.scorer` - the engine :class:`~spacetrash_desktop.engine.scorer.Scorer` built on a loaded bundle;
* :mod:`.registry` - install, activate, roll back, train and install; ``active_scorer()`` for the engine;
* :mod:`.promotion` - the champion/challenger rule a retrained model must pass to replace the active one;
* :mod:`.run_record` - the typed, versioned record of a retraining run (its one reader and writer).

``docs/ML.md`` explains the design choices and the measured numbers.
"""
