"""Extra data the websocket permission test (test_permissions_ws) needs for the follow-up
note events: a note on the target organisation to tick off, and the draft a
coordinator types (the quick dialog of /opvolgen opened on the target organisation)."""

from __future__ import annotations


def followup_targets(admin, organisation_id: str, n: int) -> dict:
    from lo_network.services import followup

    note = followup.add_note(admin, organisation_id, {"note": f"Bellen {n}", "due": "01-06-2027"}, via="e2e")
    return {
        "arguments": {"note_id": note["id"], "done": True},
        "draft_steps": [
            ("open_note", {"organisation_id": organisation_id, "name": f"E2E Doelwit {n} BV"}),
            ("set_note_value", {"field": "note", "value": f"Terugbellen {n}"}),
            ("set_note_value", {"field": "due", "value": "01-07-2027"}),
        ],
    }
