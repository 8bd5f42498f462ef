"""Extra data the websocket permission test (test_permissions_ws) needs for the events of
the network pages: a second organisation and person to link to, an existing link,
and a duplicate of the target organisation. Given as handler arguments and draft steps."""

from __future__ import annotations


def network_targets(admin, organisation_id: str, person_id: str, n: int) -> dict:
    from lo_network.services import duplicates, links, organisations, people

    other = organisations.create(admin, {"name": f"E2E Partner {n} BV", "kind": "company"}, via="e2e")
    twin = organisations.create(admin, {"name": f"E2E Doelwit {n} B.V.", "kind": "company"}, via="e2e")
    friend = people.create(admin, {"first_name": "Vriend", "last_name": f"Doel {n}"}, via="e2e")
    link_id = links.add(admin, "organisation", organisation_id, other["id"], {"type": "customer"}, via="e2e")
    merged_away = organisations.create(admin, {"name": f"E2E Samengevoegd {n} BV", "kind": "company"}, via="e2e")
    audit_id = duplicates.merge(admin, "organisation", other["id"], merged_away["id"], {}, via="e2e")
    return {
        "people": [friend["id"]],
        "organisations": [other["id"], twin["id"], merged_away["id"]],
        "arguments": {"link_id": link_id, "keep_id": organisation_id, "drop_id": twin["id"],
                      "a_id": organisation_id, "b_id": twin["id"], "audit_id": audit_id},
        "draft_steps": [
            ("open_link", {"mode": "add", "link_id": ""}),
            ("pick_other", {"other_id": other["id"], "name": other["name"]}),
            ("set_link_value", {"field": "type", "value": "partner"}),
            ("open_pair", {"kind": "organisation", "keep_id": organisation_id, "drop_id": twin["id"]}),
        ],
    }
