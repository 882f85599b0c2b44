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
</context>
</TS>
