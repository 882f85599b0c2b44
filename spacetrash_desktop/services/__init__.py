"""One module per user action, composing the layers below. No Qt. The window, the command line,
the batch queue and the tests all call these."""
