"""Inventory import: every bad case gets its exact error record; good variants import equal."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spacetrash_desktop.catalog.importer import (
    ImportIssue,
    InventoryImportError,
    import_inventory,
)
from spacetrash_desktop.catalog.inventory import (
    export_csv,
    items_to_frame,
    load_saved_inventory,
    neutralise_cell,
    save_inventory,
)
from spacetrash_desktop.common import parse_number

HEADER = "id,name,category,composition,mass_kg,count,moisture_pct\n"
GOOD = 'W1,Rehydratable pouch,Food Packaging,"nylon 41%; ldpe 33%; evoh 11%; other_unlisted 15%",12.5,10,4\n'


def write(tmp_path: Path, text: str | bytes, name: str = "inv.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return p


def one_error(result) -> ImportIssue:
    assert len(result.errors) == 1, result.errors
    return result.errors[0]


def test_good_file_imports(tmp_path, lookup):
    res = import_inventory(write(tmp_path, HEADER + GOOD), lookup)
    assert res.errors == []
    (it,) = res.items
    assert it.item_id == "W1" and it.mass_kg == 12.5 and it.count == 10 and it.moisture_pct == 4
    assert dict(it.composition) == pytest.approx({"nylon": 0.41, "ldpe": 0.33, "evoh": 0.11, "other_unlisted": 0.15})


@pytest.mark.parametrize(
    "row, expected",
    [
        (
            'W2,Vest,Fabrics,"Kevlar 100%",3,0,0\n',
            ImportIssue("unknown_material", "unknown material 'Kevlar'", 3, 2, "composition", "Kevlar 100%"),
        ),
        (
            "W2,Bags,Packaging,ldpe 100%,-5,0,0\n",
            ImportIssue("out_of_range", "mass cannot be negative", 3, 2, "mass_kg", "-5"),
        ),
        (
            "W2,Bags,Packaging,ldpe 100%,1e9,0,0\n",
            ImportIssue(
                "out_of_range",
                "mass of 1e+09 kg is not plausible (limit 100000 kg; check the units)",
                3,
                2,
                "mass_kg",
                "1e9",
            ),
        ),
        (
            "W2,Bags,Packaging,ldpe 100%,heavy,0,0\n",
            ImportIssue("not_a_number", "mass_kg is not a number", 3, 2, "mass_kg", "heavy"),
        ),
        (
            'W2,Pouch,Food,"nylon 41%; ldpe 33%",3,0,0\n',
            ImportIssue(
                "composition_sum",
                "the material shares sum to 74%; they must sum to 100% (±2)",
                3,
                2,
                "composition",
                "nylon 41%; ldpe 33%",
            ),
        ),
        (
            "W1,Bags,Packaging,ldpe 100%,3,0,0\n",
            ImportIssue("duplicate_id", "duplicate id 'W1' (first seen on line 2)", 3, 2, "id", "W1"),
        ),
        ("W2,,Packaging,ldpe 100%,3,0,0\n", ImportIssue("missing_value", "name is empty", 3, 2, "name", "")),
        (
            "W2,Bags,Packaging,ldpe 100%,3,2.5,0\n",
            ImportIssue("not_integer", "count must be a whole number", 3, 2, "count", "2.5"),
        ),
        (
            "W2,Bags,Packaging,ldpe 100%,3,0,120\n",
            ImportIssue("out_of_range", "moisture must be below 99% of the wet mass", 3, 2, "moisture_pct", "120"),
        ),
        (
            "W2,Bags,Packaging,ldpe 100%,3,0,0,extra\n",
            ImportIssue("extra_fields", "the row has 8 fields but the header has 7", 3, 2, "", ""),
        ),
        (
            'W2,Strut,Structural,"aluminium >90%",3,0,0\n',
            ImportIssue(
                "bad_composition", "'aluminium >90%' is not an exact percentage", 3, 2, "composition", "aluminium >90%"
            ),
        ),
    ],
)
def test_bad_rows_give_exact_records_and_keep_good_rows(tmp_path, lookup, row, expected):
    path = write(tmp_path, HEADER + GOOD + row)
    res = import_inventory(path, lookup)
    err = one_error(res)
    assert err == ImportIssue(**{**expected.__dict__, "file": path.name})
    assert [i.item_id for i in res.items] == ["W1"]  # the good row is kept


@pytest.mark.parametrize(
    "content, check, message",
    [
        (b"", "empty", "the file is empty"),
        (b"   \n\n", "empty", "the file is empty"),
        (HEADER.encode(), "empty", "the file has a header but no data rows"),
        (
            b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 4,
            "binary",
            "the file is binary, not a CSV text file (or a Parquet file)",
        ),
        (b"id,name,composition\nW1,Bags,ldpe 100%\n", "missing_columns", "missing required column(s): mass_kg"),
        (
            b"id,name,mass_kg\nW1,Bags,3\n",
            "missing_columns",
            "missing required column(s): composition (or one column per material)",
        ),
        (
            b"id,name,name,composition,mass_kg\nW1,a,b,ldpe 100%,3\n",
            "duplicate_column",
            "the column 'name' appears twice",
        ),
        (
            b"PAR1 this is not really parquet PAR1",
            "bad_parquet",
            "the file is not a valid Parquet file (it may be truncated or corrupt)",
        ),
    ],
)
def test_fatal_file_problems(tmp_path, lookup, content, check, message):
    with pytest.raises(InventoryImportError) as exc:
        import_inventory(write(tmp_path, content), lookup)
    (issue,) = exc.value.issues
    assert (issue.check, issue.message) == (check, message)


def test_size_limit_checked_before_reading(tmp_path, lookup, monkeypatch):
    path = write(tmp_path, HEADER + GOOD * 200)
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(InventoryImportError) as exc:
        import_inventory(path, lookup, max_bytes=1000)
    assert exc.value.issues[0].check == "too_large"
    assert "limit is" in exc.value.issues[0].message
    assert read == []  # the file was never read


def test_encodings_delimiters_and_decimal_commas(tmp_path, lookup):
    utf8_bom = ("\ufeff" + HEADER + GOOD).encode("utf-8")
    latin1 = (
        "id;nombre;categoría;composición;masa (kg);cantidad;humedad (%)\n"
        "W1;Bolsa rehidratable Ñ;Comida;nylon 41%; ldpe 33%; evoh 11%; other_unlisted 15%;12,5;10;4\n"
    )
    # the composition text contains ';' so it has to be quoted in a semicolon file
    latin1 = latin1.replace(
        "nylon 41%; ldpe 33%; evoh 11%; other_unlisted 15%", '"nylon 41%; ldpe 33%; evoh 11%; other_unlisted 15%"'
    ).encode("latin-1")
    columns = (
        "id;name;category;Nylon %;PE %;EVOH %;Other %;mass_kg\nW1;Rehydratable pouch;Food;41;33;11;15;12,5\n"
    ).encode("cp1252")
    utf16 = (HEADER + GOOD).encode("utf-16")
    for i, data in enumerate([utf8_bom, latin1, columns, utf16]):
        res = import_inventory(write(tmp_path, data, f"f{i}.csv"), lookup)
        assert res.errors == [], (i, res.errors)
        (it,) = res.items
        assert it.mass_kg == 12.5
        assert dict(it.composition) == pytest.approx(
            {"nylon": 0.41, "ldpe": 0.33, "evoh": 0.11, "other_unlisted": 0.15}
        )
    assert import_inventory(write(tmp_path, latin1, "l.csv"), lookup).items[0].name == "Bolsa rehidratable Ñ"


def test_parquet_round_trip(tmp_path, lookup, catalog):
    items = list(catalog.default_inventory)
    p = tmp_path / "inv.parquet"
    items_to_frame(items).to_parquet(p, index=False)
    res = import_inventory(p, lookup)
    assert res.errors == [] and res.items == items


def test_export_then_import_is_equal_and_neutralises_formulas(tmp_path, lookup, catalog):
    items = list(catalog.default_inventory)
    out = tmp_path / "out.csv"
    export_csv(items_to_frame(items), out)
    assert import_inventory(out, lookup).items == items
    df = pd.DataFrame({"name": ['=HYPERLINK("x")', "+1", "-cmd", "@SUM(A1)", "ok"], "mass_kg": [1.0, -2.0, 3, 4, 5]})
    export_csv(df, out)
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'+1" in text and "'-cmd" in text and "'@SUM" in text
    assert ",-2.0" in text  # numbers stay numbers
    assert neutralise_cell("fine") == "fine"


def test_errors_written_as_json_lines(tmp_path, lookup, _isolated_home):
    res = import_inventory(write(tmp_path, HEADER + GOOD + "W2,Bags,Packaging,ldpe 100%,-5,0,0\n"), lookup)
    log = Path(res.error_log)
    assert log.parent == _isolated_home / "import_errors"
    (rec,) = [json.loads(line) for line in log.read_text().splitlines()]
    assert rec["line"] == 3 and rec["column"] == "mass_kg" and rec["check"] == "out_of_range"


def test_saved_inventory_round_trip(lookup, catalog):
    items = list(catalog.default_inventory)[:5]
    save_inventory(items)
    assert load_saved_inventory(lookup) == items


@pytest.mark.parametrize(
    "text, dec, value",
    [
        ("12.5", False, 12.5),
        ("12,5", True, 12.5),
        ("12,5", False, 12.5),
        ("1.234,5", True, 1234.5),
        ("1,234.5", False, 1234.5),
        ("1,234", False, 1234.0),
        (" 40 kg", False, 40.0),
        ("abc", False, None),
        ("", False, None),
        ("1,2,3", True, None),
    ],
)
def test_parse_number(text, dec, value):
    assert parse_number(text, decimal_comma=dec) == value


# ---------------------------------------------------------------- property-based: never a traceback

TOKENS = [
    "id",
    "name",
    "mass_kg",
    "composition",
    "count",
    "moisture_pct",
    "ldpe 100%",
    "nylon 41%; ldpe 59%",
    "Kevlar",
    "-1",
    "1e400",
    "nan",
    "inf",
    "12,5",
    '"',
    "''",
    ";",
    ",",
    "\t",
    "\n",
    "\r\n",
    "PAR1",
    "=cmd()",
    "\x00",
    "ñ",
    "\ufeff",
    "999999999",
    "",
    " ",
    "pvdf 100%",
    "W1",
]


@st.composite
def files(draw):
    kind = draw(st.sampled_from(["bytes", "tokens", "csvish", "parquet-ish"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "parquet-ish":
        return b"PAR1" + draw(st.binary(max_size=200)) + draw(st.sampled_from([b"PAR1", b""]))
    if kind == "tokens":
        parts = draw(st.lists(st.sampled_from(TOKENS), max_size=60))
        text = "".join(parts)
    else:
        header = draw(
            st.lists(
                st.sampled_from(
                    [
                        "id",
                        "name",
                        "mass_kg",
                        "composition",
                        "count",
                        "moisture_pct",
                        "category",
                        "nylon",
                        "pe %",
                        "flags",
                        "x",
                    ]
                ),
                min_size=1,
                max_size=8,
            )
        )
        delim = draw(st.sampled_from([",", ";", "\t"]))
        rows = draw(
            st.lists(
                st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=len(header) + 2), max_size=8
            )
        )
        text = delim.join(header) + "\n" + "\n".join(delim.join(r) for r in rows)
    enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return text.encode(enc, errors="replace")


@pytest.mark.slow
@settings(max_examples=320, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=files())
def test_property_import_never_raises_anything_else(data, lookup_for_property):
    try:
        res = import_inventory(data, lookup_for_property, filename="fuzz.csv", write_error_log=False)
    except InventoryImportError as exc:
        assert exc.issues and all(isinstance(i, ImportIssue) for i in exc.issues)
        return
    for it in res.items:
        assert it.mass_kg >= 0 and abs(sum(f for _, f in it.composition) - 1) < 1e-9
    for e in res.errors:
        assert e.line >= 1 and e.message


@pytest.fixture(scope="module")
def lookup_for_property():
    from spacetrash_desktop.catalog import load_catalog

    return load_catalog().material_lookup()


def _parquet_with_bad_utf8(path: Path) -> None:
    """A Parquet inventory whose name cell holds one byte that is not UTF-8 (written as binary, then
    relabelled as a string column, as a buggy exporter would)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    good = items_to_frame([]).columns  # the saved-inventory columns
    assert "name" in good
    table = pa.table(
        {
            "id": ["W1", "W2"],
            "name": pa.array([b"Bags", b"Pouch \xff"], type=pa.binary()).view(pa.string()),
            "category": ["Packaging", "Food"],
            "composition": ["ldpe 100%", "ldpe 100%"],
            "mass_kg": [1.0, 2.0],
        }
    )
    pq.write_table(table, path)


def test_parquet_with_invalid_utf8_is_bad_input_naming_the_cell(tmp_path, lookup):
    p = tmp_path / "bad.parquet"
    _parquet_with_bad_utf8(p)
    with pytest.raises(InventoryImportError) as failed:
        import_inventory(p, lookup)
    (issue,) = failed.value.issues
    assert failed.value.code.value == "BAD_INPUT"
    assert issue.check == "bad_encoding" and issue.column == "name" and issue.row == 2
    assert "not valid UTF-8" in issue.message


@pytest.mark.parametrize("value", ["2.5", "1.0001", "0.5e1"])
def test_fractional_difficulty_is_refused_not_rounded(tmp_path, lookup, value):
    text = f"id,name,category,composition,mass_kg,difficulty\nW1,Bags,Packaging,ldpe 100%,1,{value}\n"
    res = import_inventory(write(tmp_path, text), lookup)
    assert res.items == []
    issue = one_error(res)
    assert issue.column == "difficulty" and issue.value == value
    assert ("whole number" in issue.message) or ("1, 2 or 3" in issue.message)


def test_whole_difficulty_is_kept(tmp_path, lookup):
    text = "id,name,category,composition,mass_kg,difficulty\nW1,Bags,Packaging,ldpe 100%,1,3.0\n"
    (item,) = import_inventory(write(tmp_path, text), lookup).items
    assert item.difficulty == 3


def test_export_import_round_trip_keeps_formula_like_text(tmp_path, lookup, catalog):
    """The export protects formula-like text from spreadsheets with an apostrophe; import removes it."""
    base = next(iter(catalog.default_inventory))
    names = ["-80 freezer bags", "=SUM(A1)", "+5 wipes", "@home kit", "it's fine", "'quoted'"]
    items = [
        type(base)(**{**base.__dict__, "item_id": f"X{i}", "name": n, "category": "-misc" if i == 0 else base.category})
        for i, n in enumerate(names)
    ]
    out = tmp_path / "out.csv"
    export_csv(items_to_frame(items), out)
    assert "'-80 freezer bags" in out.read_text(encoding="utf-8-sig")  # protected in the file
    back = import_inventory(out, lookup).items
    assert [i.name for i in back] == names
    assert back[0].category == "-misc"
    assert back == items
