<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>CandidateViews</name>
    <message>
        <source>Rigidity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rigidity index (0–1, higher = stiffer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How stiff the product is: 0 = soft foam or draped fabric, 0.37 = LDPE sheet, 0.57 = HDPE board, 0.71 = PET/nylon part, 0.86 = fibre composite, 1 = metal frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tightness index (0–1, higher = holds liquids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well it holds liquid and gas: 0 = loose shred or mesh, 0.2 = woven fabric (dust), 0.5 = compacted tile (splash-proof), 0.8 = fused sheet (water-tight), 1 = gas-tight film.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy per batch (kWh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electrical energy per batch: heating, melting and the machine itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water per batch (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water used per batch (rinsing, cleaning, process water), net of what is recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew time per batch (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands-on crew minutes per batch (sorting, loading, finishing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feasible (front)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infeasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chance that the recipe meets every requirement of the target (rigidity and tightness minimums, energy, water and crew-time caps), from the 95% intervals; a conservative bound, 0 when infeasible. At least {p} counts as confidently feasible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items (share of waste)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waste items of the recipe with their share of the waste part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the feed is turned into the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regolith %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MGS-1 regolith as % of the whole feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feasibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feasible: meets every target value and safety rule; infeasible: misses one; refused: breaks a safety rule. ★ Recommended marks the one recipe to make first (the first feasible one in the order of the # column).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto rank over all five objectives: 1 = on the Pareto front (no other feasible recipe is better in every objective), 2 = next layer, – = infeasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rigidity (0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tightness (0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard waste %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problematic waste: share of the feed that is hard-to-handle waste (multilayer, foam, PFAS-bearing...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and reasons from the physical and safety vetting (full text in the tooltip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chance %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe ID: stable identifier of the recipe (same mix, same id on every machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} ({unit}). {tip} Value with its 95% interval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item the process does not take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hazardous when heated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decomposes at process heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>burns or vents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regolith share out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regolith not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough in stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the energy cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the water cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the crew-time cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stiff enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tight enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will not hold together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too much filler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not safe with food</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the consumables cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>microplastic dust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caustic solution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aluminium flakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wet feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no binder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hot surfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unfamiliar mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>combustible dust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fibre dust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>material hazard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recipe is far from anything the model was trained on; trust the interval less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Recommended (front)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{p} chance of meeting every requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kg} per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search time limit {s} s (Target tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({n} of them feasible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored {n} recipes{of}{took}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept the best {n} for the table: {feasible} feasible ({confident} confidently), {front} on the Pareto front.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message>
        <source>Generate recipes for the current target from the current inventory (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the search and keep the recipes found so far (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every recipe with its properties and intervals as CSV or JSON (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save only the recipes on the Pareto front (CSV or JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show saved results again in Candidates and Trade-offs: a JSON file from Export, from &apos;spacetrash generate --out FILE.json&apos; or a batch job&apos;s result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recipe to recommend: none is feasible. The nearest misses show what blocks the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipe {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the recommended recipe: that is #{n} ({id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search stopped when the front stopped improving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time limit reached: the best recipes found are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe table &amp;columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: kept what was found. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recipe matches the filter (0 of {kept} shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {kept} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all {kept} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Generate to find recipes for the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate recipes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Pareto &amp;front…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate  (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export front…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All recipes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feasible only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto front only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by item, process or flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the recipes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipes shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target has an invalid value: fix it in the Target tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot generate: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inventory is still loading; press Generate again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inventory is empty: add or import stock first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipe generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the search to start (time limit {s} s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping… the {n} recipes found so far are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} on the front so far · {s} s (limit {limit} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: kept the {n} recipes found so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generation stopped with an error (see the message). Recipes found before it are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target has an invalid value: see the Target tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the target first: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Work order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report how it turned out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as made…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The crew made batches of this recipe: record them and take the stock out of the inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass flow per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against the target (95% intervals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it scores so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, Pareto rank {rank}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe {id} · batch of {kg} product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the model&apos;s feature contributions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the explanation of the selected recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physics details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s contributions are not available ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the work-order export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropertyBars</name>
    <message>
        <source>Properties against the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} {value} {unit} (at least {limit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} {value} {unit} (at most {limit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a recipe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipeDetail</name>
    <message>
        <source>feasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infeasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused (safety)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a recipe in the table or on the Trade-offs plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a recipe in the table or on the Trade-offs plot to see its composition, mass flow and safety notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps, set points, materials and safety notes for the crew at the machine: preview, print, save as PDF or HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The crew made this recipe: record what they measured or judged, in the Feedback panel (Ctrl+5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recipe misses the target, so it has no work order. If the crew made it anyway (a trial), record how it turned out in the Feedback panel (Ctrl+5): near misses teach the model the most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a recipe first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recipe breaks a safety rule (see Safety notes): it must not be made, so there is no work order and nothing to report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recipe misses the target (see the bars and Safety notes): only a feasible recipe gets a work order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Molten polymer share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pct}% of the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the molten phase binds the rest; more of it gives a tighter, stiffer product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Porosity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voids weaken the part and let liquids through (tightness falls with (1 − porosity)²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective stiffness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gives rigidity {r} on the 10 MPa – 30 GPa log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat into the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heat} kWh of {total} kWh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rest is heater losses and the machine&apos;s own consumption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hydrogen content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pct} wt%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hydrogen-rich products shield radiation better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physics model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each value adds up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MGS-1 regolith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of waste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mix is far from what the model was trained on: treat the intervals with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No safety notes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultFiles</name>
    <message>
        <source>Export the Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export of the Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} recipes (Pareto front) to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export of the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} recipes (results) to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open saved results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the generation to finish (or cancel it) before opening saved results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the saved results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the saved results {name} ({n} recipes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SankeyWidget</name>
    <message>
        <source>Water vapour (condensed, recovered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regolith volatiles (H2O/CO2, captured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fines and dust (captured by the filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim and off-cuts (recyclable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MGS-1 regolith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass flow diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs: {inputs}. Process: {process}. Outputs: {outputs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a recipe to see its mass flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{process}: feed {kg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {kg} ({pct}% of the feed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feed {feed}  →  product and losses {out}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <source>Stock line identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the waste is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NASA waste category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass (kg) ✎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass of this stock line in kilograms. Double-click, press F2 or just type to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count ✎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of pieces (0 = not counted). Double-click, press F2 or just type to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moisture (%) ✎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water content in % of the wet mass. Double-click, press F2 or just type to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials by mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multilayer, foam, PFAS-bearing...: properties that make the waste harder to reuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NASA difficulty factor: 1 = easy, 3 = most problematic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TradeoffsTab</name>
    <message>
        <source>&lt;b&gt;Compare&lt;/b&gt; — select two or three recipes (Ctrl+click points here or rows in the Candidates table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto front: no other feasible recipe is better in all five objectives (rigidity, tightness, energy, water, crew time). In a view of two of them a front point can look beaten: it wins in one of the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto front (best over all 5 objectives)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feasible, dominated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>infeasible (near misses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target minimum or cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate recipes in the Candidates tab; they appear here as they are found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show infeasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the near misses (dimmed): recipes that miss a target value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the trade-off plot as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plot as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unselect every recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade-off plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infeasible (near misses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feasible, dominated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto front (feasible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side-by-side comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target min {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target cap {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streaming in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{front} on the Pareto front · {feasible} feasible but dominated · {near} near misses ({state}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The front is the best over all five objectives: a front point can look beaten in these two and be better in another. Click a point to select it; Ctrl+click to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beyond the right edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beyond the left edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beyond the top edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beyond the bottom edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red dashed line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{y} against {x} for {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{y} against {x}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regolith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feasibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard waste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Compare&lt;/b&gt; — the last {n} of the {total} selected recipes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Compare&lt;/b&gt; — {n} recipes side by side (best value in bold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
