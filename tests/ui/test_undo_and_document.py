"""The Qt-free pieces under the window: the command stack and the inventory document."""

from __future__ import annotations

import pytest

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.ui.inventory_doc import Change, InventoryDocument, parse_field
from spacetrash_desktop.ui.undo import CommandStack, FunctionCommand


def test_command_stack_undo_redo_and_menu_text():
    state = {"x": 0}
    stack = CommandStack(limit=3)
    changes = []
    stack.subscribe(lambda: changes.append(stack.undo_text))
    for v in (1, 2, 3, 4):
        old = state["x"]
        stack.push(
            FunctionCommand(
                f"set x to {v}", lambda v=v: state.__setitem__("x", v), lambda old=old: state.__setitem__("x", old)
            )
        )
    assert state["x"] == 4 and len(stack) == 3  # bounded
    assert stack.undo_text == "Undo set x to 4" and not stack.can_redo
    assert stack.undo() and state["x"] == 3
    assert stack.redo_text == "Redo set x to 4"
    assert stack.redo() and state["x"] == 4
    while stack.undo():
        pass
    assert state["x"] == 1  # the oldest command fell off the bounded history
    assert stack.undo_text == "Undo" and changes


def test_a_command_that_raises_is_not_recorded():
    stack = CommandStack()

    def boom():
        raise BadInputError("no")

    with pytest.raises(BadInputError):
        stack.push(FunctionCommand("bad", boom, lambda: None))
    assert not stack.can_undo


@pytest.mark.parametrize(
    "field,text,expected",
    [
        ("mass_kg", "12,5", 12.5),
        ("mass_kg", " 40 kg", 40.0),
        ("count", "3", 3),
        ("moisture_pct", "5%", 5.0),
    ],
)
def test_parse_field_accepts_what_people_type(field, text, expected):
    assert parse_field(field, text) == expected


@pytest.mark.parametrize(
    "field,text,reason",
    [
        ("mass_kg", "-1", "cannot be negative"),
        ("mass_kg", "abc", "is not a number"),
        ("mass_kg", "", "empty"),
        ("mass_kg", "1e9", "not plausible"),
        ("count", "2.5", "whole number"),
        ("moisture_pct", "99", "below 99%"),
    ],
)
def test_parse_field_refuses_with_a_reason(field, text, reason):
    with pytest.raises(BadInputError) as exc:
        parse_field(field, text)
    assert reason in exc.value.message


def test_document_edits_are_undoable_and_notify(catalog):
    doc = InventoryDocument()
    seen: list[Change] = []
    doc.subscribe(seen.append)
    doc.load(catalog.default_inventory, "bundled default")
    assert seen[-1].kind == "load" and not doc.stack.can_undo
    before = doc.items[0].mass_kg
    assert doc.set_value(0, "mass_kg", "7.25")
    assert doc.items[0].mass_kg == 7.25 and seen[-1] == Change("cell", 0, "mass_kg")
    assert doc.stack.undo_text.startswith("Undo edit mass of ")
    assert not doc.set_value(0, "mass_kg", 7.25)  # unchanged: nothing recorded
    doc.remove_rows([1, 2])
    assert len(doc) == len(catalog.default_inventory) - 2
    doc.stack.undo()
    doc.stack.undo()
    assert doc.items[0].mass_kg == before and len(doc) == len(catalog.default_inventory)
    new = doc.items[0].__class__(
        item_id=doc.items[0].item_id, name="Copy", category="X", composition=(("ldpe", 1.0),), mass_kg=1.0
    )
    doc.add_item(new)  # duplicate id gets a fresh one
    assert doc.items[-1].item_id != doc.items[0].item_id
    cats = dict(doc.mass_by_category())
    assert cats["X"] == 1.0
