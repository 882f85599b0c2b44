"""The recipe engine: recipes, the physics property model, vetting, search (exact and evolutionary),
Pareto fronts and hypervolume. Plain Python; progress and cancel through :mod:`spacetrash_desktop.context`."""
