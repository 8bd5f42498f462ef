"""/dubbelen: duplicate candidates, the side-by-side merge preview, the merge, "not a
duplicate", and the latest merges with their undo."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network.domain import duplicates as domain
from lo_network.domain import links as link_domain
from lo_network.domain import organisations as org_domain
from lo_network.domain import people as person_domain
from lo_network.domain.dates import dutch
from lo_network.domain.permissions import Permission
from lo_network.i18n import tr
from lo_network.services import duplicates as service
from lo_network.states.rows import Named
from lo_network.states.session import SessionState, requires

ROUTE = "/dubbelen"
ROUTES = {domain.ORGANISATION: "/organisaties/", domain.PERSON: "/personen/"}
# how the preview shows a field's value, from the organisation's and the person's declarations
_DECLARED = org_domain.DECLARED + person_domain.DECLARED
LIST_FIELDS = tuple(dict.fromkeys(f.name for f in _DECLARED if f.many))


@dataclasses.dataclass
class CandidateRow:
    a_id: str = ""
    b_id: str = ""
    a_name: str = ""
    b_name: str = ""
    a_href: str = ""
    b_href: str = ""
    score: int = 0
    reasons_nl: str = ""
    reasons_en: str = ""


@dataclasses.dataclass
class Member(Named):
    """One record of a cluster, with a link to its page."""

    href: str = ""


@dataclasses.dataclass
class ClusterCard:
    """Records that match one another (a connected group of candidate pairs): the members,
    and each pair with its score and reasons."""

    key: str = ""
    score: int = 0
    members: list[Member] = dataclasses.field(default_factory=list)
    pairs: list[CandidateRow] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class FieldRow:
    field: str = ""
    label_nl: str = ""
    label_en: str = ""
    keep_value: str = ""   # as shown in Dutch (vocabulary labels, dd-mm-jjjj)
    drop_value: str = ""
    keep_en: str = ""      # as shown in English
    drop_en: str = ""
    differs: bool = False
    is_list: bool = False


@dataclasses.dataclass
class RelationRow:
    nl: str = ""
    en: str = ""
    href: str = ""


@dataclasses.dataclass
class MergeRow:
    audit_id: int = 0
    at: str = ""
    actor: str = ""
    keep_name: str = ""
    drop_name: str = ""
    undone: bool = False


VOCABULARIES = {f.name: f.vocabulary for f in _DECLARED if f.vocabulary is not None}
DATES = tuple(f.name for f in _DECLARED if f.widget == "date")


def _shown(field: str, value, lang: str) -> str:
    """A stored value as the preview shows it: labels of a vocabulary, Dutch dates, lists joined."""
    words = VOCABULARIES.get(field)
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        if v in (None, ""):
            continue
        if words and v in words:
            v = words[v][1 if lang == "en" else 0]
        elif field in DATES:
            v = dutch(v)
        out.append(str(v))
    return ", ".join(out)


def relation_words(kind: str, rel: dict) -> RelationRow:
    """One relationship of the record that goes, in words (nl, en)."""
    name = rel.get("other_name") or ""
    labels = rel.get("other_labels") or []
    other_kind = domain.ORGANISATION if "Organisation" in labels else domain.PERSON if "Person" in labels else ""
    href = ROUTES[other_kind] + rel["other_id"] if other_kind else ""
    props = rel.get("props") or {}
    kind_of = rel["rel"]
    if kind_of == "WORKS_AT":
        role = f" ({props['role']})" if props.get("role") else ""
        if rel["outgoing"]:
            return RelationRow(f"werkt bij {name}{role}", f"works at {name}{role}", href)
        return RelationRow(f"medewerker {name}{role}", f"employee {name}{role}", href)
    if kind_of == "LINK":
        nl, en = link_domain.label(kind, props.get("type") or "", rel["outgoing"])
        return RelationRow(f"{nl} {name}", f"{en} {name}", href)
    if kind_of == "REGISTERED_FOR":
        return RelationRow(f"aangemeld voor {name}", f"registered for {name}", "")
    if kind_of == "REGISTERED":  # activity registrations
        return RelationRow(f"aanmelding voor een activiteit ({name})", f"registration for an activity ({name})", "")
    if kind_of == "CONSENT":  # consent records move with the person
        from lo_network.domain.consent import PURPOSES

        nl, en = PURPOSES.get(props.get("purpose") or "", (props.get("purpose") or "", props.get("purpose") or ""))
        return RelationRow(f"toestemming: {nl}", f"consent: {en}", "")
    if kind_of == "ON_BEHALF_OF":  # a registration made on the organisation's behalf
        return RelationRow(f"aanmelding namens deze organisatie ({name})", f"registration on its behalf ({name})", "")
    if kind_of == "ABOUT":  # a follow-up note
        text = name if len(name) <= 60 else name[:59] + "…"
        return RelationRow(f"opvolgnotitie: {text}", f"follow-up note: {text}", "")
    if kind_of == "GRANTED_TO":
        return RelationRow(f"subsidie: {name}", f"grant: {name}", "")
    if kind_of == "PARTNER_IN":
        return RelationRow(f"partner in {name}", f"partner in {name}", "")
    if kind_of == "ORGANISES":
        return RelationRow(f"organiseert {name}", f"organises {name}", "")
    if kind_of == "NOT_DUPLICATE":
        return RelationRow(f"'geen dubbel' met {name}", f"'not a duplicate' of {name}", href)
    return RelationRow(f"{kind_of} {name}", f"{kind_of} {name}", href)


class DuplicatesState(SessionState):
    kind: str = domain.ORGANISATION
    clusters: list[ClusterCard] = []
    merges: list[MergeRow] = []
    # the merge just made, offered for undo at the top of the page (audit id 0: none)
    last_merge: MergeRow = MergeRow()
    # the pair on screen (empty keep_id: none)
    keep_id: str = ""
    drop_id: str = ""
    keep_name: str = ""
    drop_name: str = ""
    fields: list[FieldRow] = []
    choices: dict[str, str] = {}
    moving: list[RelationRow] = []
    dropped: list[RelationRow] = []
    blocking: list[RelationRow] = []
    loaded: bool = False

    @rx.var
    def pair_open(self) -> bool:
        return self.keep_id != ""

    def _pair(self, c: dict) -> CandidateRow:
        return CandidateRow(
            a_id=c["a_id"], b_id=c["b_id"], a_name=c["a_name"], b_name=c["b_name"],
            a_href=ROUTES[self.kind] + c["a_id"], b_href=ROUTES[self.kind] + c["b_id"], score=c["score"],
            reasons_nl=c["reasons_nl"], reasons_en=c["reasons_en"],
        )

    def _reload(self) -> None:
        actor = self.signed_in_actor()
        self.clusters = [ClusterCard(
            key=cluster["members"][0]["id"], score=cluster["score"],
            members=[Member.of(m, href=ROUTES[self.kind] + m["id"]) for m in cluster["members"]],
            pairs=[self._pair(c) for c in cluster["pairs"]],
        ) for cluster in service.clusters(actor, self.kind, limit=100)]
        self.merges = [MergeRow(audit_id=m["audit_id"], at=dutch(m["at"]), actor=m["actor"],
                                keep_name=m["keep_name"], drop_name=m["drop_name"], undone=m["undone"])
                       for m in service.merges(actor, limit=10)]
        self.loaded = True

    @rx.var
    def undo_offered(self) -> bool:
        return self.last_merge.audit_id != 0 and not self.last_merge.undone

    def _close(self) -> None:
        self.keep_id = self.drop_id = self.keep_name = self.drop_name = ""
        self.fields, self.choices, self.moving, self.dropped, self.blocking = [], {}, [], [], []

    @requires(Permission.VIEW)
    def load(self):
        """on_load of /dubbelen."""
        self._close()
        self.last_merge = MergeRow()
        self._reload()

    @requires(Permission.VIEW)
    def set_kind(self, kind: str | list[str]):
        if isinstance(kind, list):
            kind = kind[0] if kind else ""
        if kind in service.KINDS:
            self.kind = kind
            self._close()
            self._reload()

    @requires(Permission.VIEW)
    def open_pair(self, kind: str, keep_id: str, drop_id: str):
        """The side-by-side preview: every field and every relationship that will move."""
        if kind not in service.KINDS:
            return
        plan = service.preview(self.signed_in_actor(), kind, keep_id, drop_id)
        self.kind = kind
        self.keep_id, self.drop_id = keep_id, drop_id
        self.keep_name = plan["keep"].get("name") or ""
        self.drop_name = plan["drop"].get("name") or ""
        prefix = "org" if kind == domain.ORGANISATION else "person"
        rows, choices = [], {}
        for field in plan["fields"]:
            keep, drop = _shown(field, plan["keep"].get(field), "nl"), _shown(field, plan["drop"].get(field), "nl")
            rows.append(FieldRow(field=field, label_nl=tr(f"{prefix}.field.{field}", "nl"),
                                 label_en=tr(f"{prefix}.field.{field}", "en"), keep_value=keep, drop_value=drop,
                                 keep_en=_shown(field, plan["keep"].get(field), "en"),
                                 drop_en=_shown(field, plan["drop"].get(field), "en"),
                                 differs=keep != drop, is_list=field in LIST_FIELDS))
            choices[field] = "drop" if (not keep and drop) else "keep"
        self.fields, self.choices = rows, choices
        self.moving = [relation_words(kind, r) for r in plan["moving"]]
        self.dropped = [relation_words(kind, r) for r in plan["dropped"]]
        self.blocking = [relation_words(kind, r) for r in plan["blocking"]]
        # the preview opens at the top of the page: bring it into view from a card far below
        return rx.call_script("document.getElementById('dup-preview')?.scrollIntoView({block: 'start'})")

    @requires(Permission.VIEW)
    def swap(self):
        """Keep the other one of the pair."""
        if self.keep_id:
            return DuplicatesState.open_pair(self.kind, self.drop_id, self.keep_id)
        return None

    def choose(self, field: str, side: str):
        """Which value the kept record takes for ``field``: 'keep', 'drop' or 'both' (lists)."""
        if field in self.choices and side in ("keep", "drop", "both"):
            self.choices[field] = side

    def close_pair(self):
        self._close()

    # ------------------------------------------------------------ changes
    @requires(Permission.EDIT_NETWORK)
    def merge(self):
        """Merge the pair on screen in one graph transaction (undo below, from the audit log)."""
        if not self.keep_id:
            return None
        actor = self.signed_in_actor()
        audit_id = service.merge(actor, self.kind, self.keep_id, self.drop_id, dict(self.choices), via="ui")
        self._close()
        self._reload()
        self.last_merge = next((m for m in self.merges if m.audit_id == audit_id), MergeRow())
        # the undo sits at the top of the page: bring it into view and give it the focus
        return rx.call_script("window.scrollTo({top: 0}); setTimeout(() => "
                              "document.getElementById('dup-last-undo')?.focus(), 50)")

    @requires(Permission.EDIT_NETWORK)
    def mark_not_duplicate(self, a_id: str, b_id: str):
        """Remember that the two are different; the pair is not shown again."""
        service.not_duplicate(self.signed_in_actor(), self.kind, a_id, b_id, via="ui")
        if {a_id, b_id} == {self.keep_id, self.drop_id}:
            self._close()
        self._reload()
        return rx.toast.success(self.ui_text("dup.not_duplicate_done"))

    @requires(Permission.EDIT_NETWORK)
    def undo_merge(self, audit_id: int):
        """Undo a merge from its audit entry: the merged-away record and its links come back."""
        service.undo(self.signed_in_actor(), int(audit_id), via="ui")
        self._close()
        self._reload()
        if self.last_merge.audit_id == int(audit_id):
            self.last_merge = MergeRow()
        return rx.toast.success(self.ui_text("dup.undone"))
