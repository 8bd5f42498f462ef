"""Extra data the websocket permission test (test_permissions_ws) needs for the privacy
events of the person page: a consent record to withdraw, and the drafts a person
types (a new consent; the name that confirms an erasure)."""

from __future__ import annotations


def privacy_targets(admin, person_id: str) -> dict:
    from lo_network.services import consent, people

    consent_id = consent.add(admin, person_id, {"purpose": "newsletter", "basis": "consent", "date": "01-01-2024"},
                             via="e2e")
    name = people.get(admin, person_id)["name"]
    return {
        "arguments": {"consent_id": consent_id},
        "draft_steps": [
            ("set_consent_value", {"field": "purpose", "value": "invitations"}),
            ("set_consent_value", {"field": "basis", "value": "legitimate_interest"}),
            ("set_consent_value", {"field": "date", "value": "02-02-2024"}),
            ("set_erase_confirm", {"value": name}),
        ],
    }
