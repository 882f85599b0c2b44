<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>FeedbackForm</name>
    <message>
        <source>&lt;span style=&apos;color:#4b5563&apos;&gt;No recipe chosen. Select the recipe the crew made in the Candidates tab and press &lt;b&gt;Report how it turned out…&lt;/b&gt; in its detail pane, or pick a past report below and press &lt;b&gt;Report on this recipe again…&lt;/b&gt;.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record this report now; it is saved to disk at once (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipe the crew made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the recipe selected in Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report on the recipe currently selected in the Candidates tab or on the Trade-offs plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save feedback  (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty every field (the recipe and your name stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a recipe in the Candidates tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch of {mass} (from a past report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch of {mass}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe {recipe} · target {target} · predicted by {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the recipe the crew made first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save yet: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#166534&apos;&gt;✓ Saved as row &lt;b&gt;{row}&lt;/b&gt;.&lt;/span&gt; It is on disk now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback saved (row {row})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: the disk refused the write (see below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk refused the write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Saved 1 kept report: {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Saved {n} kept reports: {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} kept feedback report(s) saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 feedback report could not be saved (the disk refused the write) and is only in memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} feedback reports could not be saved (the disk refused the write) and are only in memory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackHistory</name>
    <message>
        <source>Select a report to compare what was predicted with what the crew found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted vs actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport feedback for trainers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every feedback report to a folder (e.g. a USB stick) as a sealed Parquet file with a manifest of row counts and checksums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mport feedback files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge feedback exported on other laptops (checked first; a report already here is not added twice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which part of a report the filter looks at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by recipe, who or model version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter past feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the saved feedback again (e.g. after an import from the command line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report on this recipe again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the form with the recipe, target and prediction of the selected report (e.g. a second batch of the same recipe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each property shows &lt;b&gt;actual vs predicted&lt;/b&gt;: &lt;span style=&apos;color:{good}&apos;&gt;green&lt;/span&gt; inside the predicted 95% interval, &lt;span style=&apos;color:{bad}&apos;&gt;red&lt;/span&gt; outside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted vs actual for the selected report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the saved feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved feedback could not be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} reports match the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe &lt;b&gt;{recipe}&lt;/b&gt;, reported by {who} ({outcome}); predicted by {model}. Row {row}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No property was reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export feedback for trainers: choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} feedback report(s) to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 report exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} reports exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to&lt;br&gt;{path}&lt;br&gt;&lt;br&gt;The folder&apos;s manifest.json lists the file with its row count and checksum, so a trainer&apos;s import can check it is complete and unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import feedback files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback import: {added} added, {duplicates} already here, {refused} file(s) refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackListModel</name>
    <message>
        <source>actual vs predicted: inside the predicted 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actual vs predicted: outside the predicted 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actual vs predicted: no interval was predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackViews</name>
    <message>
        <source>Rigidity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the physics model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no target recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share} MGS-1 regolith in the feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the report was saved (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who reported it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipe the crew made: its id and process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed, failed, or not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the reported values fell inside the predicted 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model (name and version) that made the prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unique id of the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{property} ({unit}): what the crew found vs what was predicted. Green: inside the predicted 95% interval; red: outside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} vs {predicted}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The property and its unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predicted 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the crew measured or judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual − predicted, in the property&apos;s unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the actual value fell inside the predicted 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured or judged, and what was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportOutcomeModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import feedback files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 report added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} reports added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} were already here (same row id) and were not added again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file was refused; none of its rows was taken (the reason is listed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} files were refused; none of their rows was taken (the reason is listed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasureWidget</name>
    <message>
        <source>rigidity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three-point bend (known weight, ruler)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut a straight strip, rest it on two supports, hang a known weight at the middle and read the sag against a ruler held beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soak test (kitchen scale, ruler)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weigh a cut sample dry, keep it under water for a day, wipe the surface and weigh it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water-column drip test (tube, ruler, scale, clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal a tube on the part, fill it to a marked height, catch what comes through the wall and weigh it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water used (tank on the scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weigh the water tank before and after the batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product mass (kitchen scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weigh the finished product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy used (meter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the energy meter before and after the batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight hung at mid-span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span between the supports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thickness of the strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sag at mid-span under the weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local gravity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass dry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass after a day under water, wiped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thickness of the sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height of the water column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wetted area of the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall thickness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water that came through (weighed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water tank before the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water tank after the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product on the kitchen scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy meter before the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy meter after the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wet mass is below the dry mass: weigh again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More water than the sample&apos;s volume: check the dimensions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tank weighs more after the batch than before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meter reads less after the batch than before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did you measure it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a measurement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the value into the report (found by: measured; how: these readings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>± reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading uncertainty of {reading}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% range {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (at least)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (at most)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelStatusView</name>
    <message>
        <source>The predicted property and its unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error of the physics model alone on the held-out test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error of the model on the same split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model error / physics error: below 1 = the model is better than physics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval coverage: the share of held-out outcomes inside the model&apos;s 95% interval (0.95 is right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean width of the 95% interval, in the property&apos;s unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bootstrapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physics fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active model status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the held-out test recipes the model flags as far from its training data (their intervals deserve care)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first characters of the manifest&apos;s sha256: which exact bundle this is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out test recipes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out-of-distribution rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out accuracy against the physics model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it was trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active: scores the recipes now; previous: Roll back returns to it; candidate: retrained but not promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a model bundle (.zip): every file is verified against its manifest first; a bundle that fails is refused and nothing changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install from a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a model bundle folder (with its manifest.json), verified first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the previously active model active again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipes are scored with the physics model alone; a trained model&apos;s held-out figures appear here once one is active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the held-out test split ({n} recipes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the held-out test split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage is counted on the rows that are not structural zeros.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– (the physics model needs no training data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rows from {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no previous model to roll back to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a model bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a model bundle folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying and installing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed and active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back; active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: model {name} {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The active model is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelViews</name>
    <message>
        <source>Promoted: the new model is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: the current model stays active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable feedback: nothing was trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: the current model stays active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew feedback corrects {properties}: there the model departs from the simulated trials on purpose, so its ratio on this split measures that departure, not its error against what the crew measured (the retraining run&apos;s Metrics tab has that).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAE physics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAE model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} ({usable} usable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the run ended (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promoted: the new model became active; rejected: it was worse than the current one on held-out data; not enough data: no usable feedback; failed: an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version of the model that was active when the run started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version of the model trained in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rows the run read, and how many could be used for training (a row needs a known recipe and a measured or judged value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the run ended so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model input, as the crew would name it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Population stability index between the training data and the feedback: &lt; 0.1 none, 0.1–0.25 moderate, &gt; 0.25 major shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolmogorov–Smirnov statistic: the largest gap between the two distributions (0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KS p-value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How likely a gap this large is by chance alone (small = a real shift)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift&apos;s level from its PSI: none, moderate or major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of the feature over the training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of the feature over the feedback rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total} features flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The property and its unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab MAE, active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error of the active model (the champion) on fresh virtual-lab trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab MAE, new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error of the retrained model (the challenger) on the same trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab coverage, active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the trials inside the champion&apos;s 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab coverage, new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the trials inside the challenger&apos;s 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out measured feedback rows (recipes the challenger never saw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback MAE, active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error of the champion on the held-out feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback MAE, new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error of the challenger on the held-out feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learnt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the challenger learnt from the feedback for this property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promotion checks of this property that passed (details in Checks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intervals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No promotion check ran in this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No details recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rows per property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>property</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingBanner</name>
    <message>
        <source>Unsaved feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again to save the reports kept in memory (each is recorded once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;1 report is not saved yet.&lt;/b&gt; {reason} It is kept in memory and nothing saved earlier was touched. Free some disk space or check the data folder, then press &lt;b&gt;Retry&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} reports are not saved yet.&lt;/b&gt; {reason} They are kept in memory and nothing saved earlier was touched. Free some disk space or check the data folder, then press &lt;b&gt;Retry&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportEntry</name>
    <message>
        <source>How stiff the product turned out, as the 0–1 rigidity index: 0 = soft foam or draped fabric, 0.37 = LDPE sheet, 0.57 = HDPE board, 0.71 = PET/nylon part, 0.86 = fibre composite, 1 = metal frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well it holds liquid and gas, 0–1: 0 = loose shred or mesh, 0.2 = woven fabric (dust), 0.5 = compacted tile (splash-proof), 0.8 = fused sheet (water-tight), 1 = gas-tight film.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electrical energy the batch actually used (heater, press, machine), in kilowatt-hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water the batch actually used (rinsing, cleaning, process water), net of what was recovered, in litres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands-on crew time the batch actually took (sorting, loading, finishing), in minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass of usable product that came out of the batch, in kilograms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how: e.g. 3-point bend of a 10 cm strip, or pressed by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how: e.g. held 1 L of water for an hour without a drip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lo} to {hi}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lo} or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed: {allowed} {unit}. Leave it empty if it was not measured or judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: type a value from {lo} to {hi}{unit}, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: type a value of {lo} or more{unit}, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be negative: {x} is below {lo}{unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too low: {x} is below the minimum of {lo}{unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too high: {x} is above the maximum of {hi}{unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the crew found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted [95% interval]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was predicted for {property}, with its 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How {property} was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured: with an instrument or a repeatable test; judged: by hand and eye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was measured for {property} and how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was measured and how (the test, the instrument, the sample), or what the judgement was based on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product does the job it was made for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product does not do the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tried in use yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass / fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything worth knowing: defects, smell, what you would change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free notes about the batch and the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name or call sign (remembered for next time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one result (a value, or passed / failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say whether {property} was measured or judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the {property} that was {method}, or set &apos;choose…&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrainDialog</name>
    <message>
        <source>Retrain from feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new model (the &lt;b&gt;challenger&lt;/b&gt;) is trained from the simulated trials plus the crew&apos;s feedback, and compared with the active model (the &lt;b&gt;champion&lt;/b&gt;) on held-out data. It becomes active only if it is no worse. Every run is recorded, with a drift check of the feedback against the training data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback recorded on this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every report saved in the Feedback panel of this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback exported on other laptops (trainer export files):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported feedback files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add exported .parquet files (or their manifest.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a whole export folder (every file its manifest.json lists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected files off the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the new model active if it is no worse than the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick to train and compare only (the run is recorded; nothing changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A feedback export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the feedback to learn from: this laptop&apos;s and/or exported files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetrainView</name>
    <message>
        <source>Trains a challenger from the simulated trials plus the crew&apos;s feedback, checks the feedback for drift against the training data, and makes it active only if it is no worse than the champion on held-out data. It runs in the background; Generate keeps working meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain from feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain from feedback…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the feedback to learn from, then retrain (progress and Cancel below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the retraining; nothing changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict of the last retraining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 exported file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} exported files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this laptop&apos;s feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining from {sources}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {run} finished {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retraining finished: {verdict} (the reason is in the Model panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retraining stopped with an error ({code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The active model is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed; the active model stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No retraining has run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 run, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} runs, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunDetailsView</name>
    <message>
        <source>PSI and KS per model input between the training data and the feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The champion and the challenger on held-out data, per property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every promotion check and whether it passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feedback the run read and used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its drift report and metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drift report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out figures of the champion and the challenger in this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion and challenger metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {run} · {verdict} · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drift report in this run (no usable feedback to compare).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrialsView</name>
    <message>
        <source>Recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it would teach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which recipes to make next so that the model learns most for the stock, energy and crew time they cost. Press &lt;b&gt;Suggest trials&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a printable work order for the selected trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Feedback panel for the selected trial, ready for its measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy budget for the trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew-time budget for the trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank the feasible recipes by what their trial would teach per cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a target first (Target tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking the trials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trials could not be suggested: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the work order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work order saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
