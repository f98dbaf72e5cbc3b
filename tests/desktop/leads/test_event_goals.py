"""Marketing sets an event's booth goals in the event editor; they are stored on the event as
`fieldnote.goals` reads them, come back into the editor, and a repeated goal is refused with a
message while nothing is saved."""

from __future__ import annotations

from desktop.store.leads import LeadBook
from desktop.ui.leads.events import EventDialog
from tests.desktop.leads.conftest import REP

ANNA = REP["id"]


def test_marketing_sets_team_and_personal_goals_and_they_come_back(qtbot, marketer_services):
    store = marketer_services.store
    store.save("user", {"name": REP["name"], "role": "rep", "team": "north"}, ANNA)
    book = LeadBook(store)
    dialog = EventDialog(marketer_services, book, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Hannover Messe")
    team = dialog.goals.add_goal()
    dialog.goals.table.cellWidget(team, dialog.goals.TARGET).setValue(150)
    mine = dialog.goals.add_goal()
    who = dialog.goals.table.cellWidget(mine, dialog.goals.WHO)
    who.setCurrentIndex(who.findData(ANNA))
    what = dialog.goals.table.cellWidget(mine, dialog.goals.WHAT)
    what.setCurrentIndex(what.findData("hot"))
    when = dialog.goals.table.cellWidget(mine, dialog.goals.WHEN)
    when.setCurrentIndex(when.findData("show"))
    dialog.goals.table.cellWidget(mine, dialog.goals.TARGET).setValue(12)

    # A third row repeating the team's daily leads goal is refused, naming the row.
    dialog.goals.add_goal()
    dialog.submit()
    assert "row 3 repeats an earlier goal" in dialog.error.text()
    assert store.count("event") == 0
    dialog.goals.table.selectRow(2)
    dialog.goals.remove_selected()

    dialog.submit()
    qtbot.waitUntil(lambda: store.count("event") == 1)
    (event,) = store.all("event")
    assert event["goals"] == [
        {"metric": "leads", "scope": "team", "period": "day", "target": 150},
        {"metric": "hot", "scope": ANNA, "period": "show", "target": 12}]

    again = EventDialog(marketer_services, book, event)
    qtbot.addWidget(again)
    assert again.goals.goals() == event["goals"]
    # Removing every goal clears them.
    again.goals.table.selectRow(0)
    again.goals.remove_selected()
    again.goals.table.selectRow(0)
    again.goals.remove_selected()
    again.submit()
    qtbot.waitUntil(lambda: store.get("event", event["id"])["goals"] is None)
    book.dispose()
