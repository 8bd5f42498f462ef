"""UI strings in Dutch and English, and helpers that pick the current language.

Pattern: add a key to ``STRINGS`` as ``"area.what": ("Nederlands", "English")``; in a page
write ``t("area.what")`` (a Var that follows the language switch); in an event handler
write ``tr("area.what", self.lang)``. Messages of the domain ("Dutch / English") are split
with :func:`split_message`; vocabulary labels come from ``lo_network.domain.vocab``.
"""

from __future__ import annotations

import reflex as rx

from lo_network.accounts.strength import MIN_PASSWORD
from lo_network.domain import activities, fields, organisations, people

LANGUAGES = ("nl", "en")

# key -> (nl, en). Keep keys grouped by area: common., nav., login., org., users., ...
STRINGS: dict[str, tuple[str, str]] = {
    # common
    "app.name": ("Logistics Overijssel — netwerk", "Logistics Overijssel — network"),
    "common.save": ("Opslaan", "Save"),
    "common.cancel": ("Annuleren", "Cancel"),
    "common.delete": ("Verwijderen", "Delete"),
    "common.edit": ("Bewerken", "Edit"),
    "common.saved": ("Opgeslagen", "Saved"),
    "common.deleted": ("Verwijderd", "Deleted"),
    "common.previous": ("Vorige", "Previous"),
    "common.next": ("Volgende", "Next"),
    "common.per_page": ("per pagina", "per page"),
    "common.sort": ("Sorteren", "Sort"),
    "common.no_results": ("Niets gevonden. Pas de zoekterm of filters aan.",
                          "Nothing found. Change the search text or filters."),
    "common.not_found": ("Dit record bestaat niet (meer).", "This record does not exist (any more)."),
    "common.no_rights": ("U heeft geen rechten voor deze actie.", "You are not allowed to do this."),
    "common.fix_errors": ("Controleer de gemarkeerde velden.", "Please check the marked fields."),
    "common.graph_down": (
        "De netwerkdatabase is niet bereikbaar — wijzigingen worden niet opgeslagen.",
        "The network database cannot be reached — changes are not saved.",
    ),
    "common.cannot_undo": ("Dit kan niet ongedaan worden gemaakt.", "This cannot be undone."),
    "common.date_hint": ("dd-mm-jjjj", "dd-mm-yyyy"),
    "common.updated": ("Gewijzigd", "Updated"),
    "common.read_only": ("Alleen-lezen: uw rol mag dit niet wijzigen.",
                         "Read only: your role may not change this."),
    "common.clear_filters": ("Filters wissen", "Clear filters"),
    # navigation and header
    "nav.organisations": ("Organisaties", "Organisations"),
    "nav.people": ("Personen", "People"),
    "nav.users": ("Gebruikers", "Users"),
    "nav.logout": ("Uitloggen", "Log out"),
    "nav.language": ("Taal", "Language"),
    "nav.menu_network": ("Netwerk", "Network"),
    "nav.menu_manage": ("Beheer", "Manage"),
    # login
    "login.title": ("Inloggen", "Sign in"),
    "login.intro": ("Log in met uw e-mailadres en wachtwoord.", "Sign in with your email address and password."),
    "login.email": ("E-mailadres", "Email address"),
    "login.password": ("Wachtwoord", "Password"),
    "login.submit": ("Inloggen", "Sign in"),
    "login.failed": ("E-mailadres of wachtwoord klopt niet.", "Email address or password is not correct."),
    "login.required": ("Vul uw e-mailadres en wachtwoord in.", "Enter your email address and password."),
    # organisations: list
    "org.title": ("Organisaties", "Organisations"),
    "org.new": ("Nieuwe organisatie", "New organisation"),
    "org.search_placeholder": ("Zoek op naam, KvK-nummer, plaats of website …",
                               "Search by name, KvK number, city or website …"),
    "org.filter.kind": ("Soort", "Kind"),
    "org.filter.region": ("Regio", "Region"),
    "org.filter.theme": ("Thema", "Theme"),
    "org.filter.status": ("Netwerkstatus", "Network status"),
    "org.filter.tag": ("Tag", "Tag"),
    "org.filter.kind_all": ("Alle soorten", "All kinds"),
    "org.filter.region_all": ("Alle regio's", "All regions"),
    "org.filter.theme_all": ("Alle thema's", "All themes"),
    "org.filter.status_all": ("Elke status", "Any status"),
    "org.filter.tag_placeholder": ("Tag, bv. havens", "Tag, e.g. ports"),
    "org.sort.name": ("Naam A–Z", "Name A–Z"),
    "org.sort.-name": ("Naam Z–A", "Name Z–A"),
    "org.sort.-updated": ("Laatst gewijzigd", "Recently updated"),
    "org.sort.city": ("Plaats", "City"),
    # organisations: fields
    "org.region_auto": ("Automatisch uit gemeente", "Automatic from municipality"),
    "org.choose_kind": ("Kies een soort …", "Choose a kind …"),
    "org.status_since_hint": ("dd-mm-jjjj; leeg = vandaag", "dd-mm-yyyy; empty = today"),
    "org.tags_hint": ("Gescheiden door komma's", "Separated by commas"),
    "org.section.general": ("Algemeen", "General"),
    "org.section.address": ("Adres", "Address"),
    "org.section.network": ("Netwerk", "Network"),
    "org.status_history": ("Statusgeschiedenis", "Status history"),
    "org.people": ("Mensen bij deze organisatie", "People at this organisation"),
    "org.people_current": ("Huidig", "Current"),
    "org.people_former": ("Voormalig", "Former"),
    "org.people_all": ("Alle personen van deze organisatie in de lijst →", "All people of this organisation in the list →"),
    "org.no_people": ("Nog geen personen gekoppeld.", "No people linked yet."),
    "org.person": ("Persoon", "Person"),
    "org.role": ("Functie / rol", "Job / role"),
    "org.period": ("Periode", "Period"),
    "org.delete_title": ("Organisatie verwijderen", "Delete organisation"),
    "org.delete_body": (
        "De organisatie en haar koppelingen met personen worden verwijderd. De personen zelf blijven bestaan.",
        "The organisation and its links to people are deleted. The people themselves remain.",
    ),
    "org.created": ("Organisatie aangemaakt", "Organisation created"),
    "org.not_found": ("Deze organisatie bestaat niet (meer).", "This organisation does not exist (any more)."),
    "org.back_to_list": ("Alle organisaties", "All organisations"),
    "org.since": ("sinds", "since"),
    # users admin
    "users.title": ("Gebruikers", "Users"),
    "users.intro": ("Accounts die kunnen inloggen, met hun rol.", "Accounts that can sign in, with their role."),
    "users.new": ("Nieuwe gebruiker", "New user"),
    "users.email": ("E-mailadres", "Email address"),
    "users.name": ("Naam", "Name"),
    "users.role": ("Rol", "Role"),
    "users.password": ("Eerste wachtwoord", "Initial password"),
    "users.password_hint": (f"Minimaal {MIN_PASSWORD} tekens. Geef het veilig door aan de gebruiker.",
                            f"At least {MIN_PASSWORD} characters. Pass it on to the user securely."),
    "users.list": ("Alle accounts", "All accounts"),
    "users.active": ("Actief", "Active"),
    "users.inactive": ("Gedeactiveerd", "Deactivated"),
    "users.status": ("Status", "Status"),
    "users.created": ("Aangemaakt", "Created"),
    "users.create": ("Gebruiker aanmaken", "Create user"),
    "users.deactivate": ("Deactiveren", "Deactivate"),
    "users.activate": ("Activeren", "Activate"),
    "users.created_ok": ("Gebruiker aangemaakt", "User created"),
    "users.role_changed": ("Rol gewijzigd", "Role changed"),
    "users.deactivated": ("Gebruiker gedeactiveerd", "User deactivated"),
    "users.activated": ("Gebruiker geactiveerd", "User activated"),
    "users.you": ("(u)", "(you)"),
    # people: list
    "person.title": ("Personen", "People"),
    "person.new": ("Nieuwe persoon", "New person"),
    "person.search_placeholder": ("Zoek op naam, e-mailadres of functie …",
                                  "Search by name, email address or job title …"),
    "person.filter.organisation": ("Filter op organisatie …", "Filter by organisation …"),
    "person.filter.tag_placeholder": ("Tag, bv. bestuur", "Tag, e.g. board"),
    "person.sort.name": ("Achternaam A–Z", "Last name A–Z"),
    "person.sort.-name": ("Achternaam Z–A", "Last name Z–A"),
    "person.sort.-updated": ("Laatst gewijzigd", "Recently updated"),
    "person.lookup.placeholder": ("Typ een deel van de naam …", "Type part of the name …"),
    "person.lookup.no_hits": ("Geen organisatie gevonden.", "No organisation found."),
    "person.lookup.clear": ("Andere organisatie kiezen", "Choose another organisation"),
    # people: fields
    "person.field.name": ("Naam", "Name"),
    "person.field.organisations": ("Organisatie", "Organisation"),
    "person.consent_source_placeholder": ("bv. aanmelding Dag van de Logistiek",
                                          "e.g. registration Logistics Day"),
    "person.tags_hint": ("Gescheiden door komma's", "Separated by commas"),
    "person.consent_date_hint": ("dd-mm-jjjj; verplicht bij een grondslag", "dd-mm-yyyy; required with a basis"),
    "person.section.person": ("Persoon", "Person"),
    "person.section.consent": ("Toestemming (AVG)", "Consent (GDPR)"),
    "person.section.other": ("Tags en notities", "Tags and notes"),
    # people: detail
    "person.created": ("Persoon aangemaakt", "Person created"),
    "person.not_found": ("Deze persoon bestaat niet (meer).", "This person does not exist (any more)."),
    "person.back_to_list": ("Alle personen", "All people"),
    "person.delete_title": ("Persoon verwijderen", "Delete person"),
    "person.delete_body": (
        "De persoon en zijn of haar dienstverbanden worden verwijderd. De organisaties blijven bestaan.",
        "The person and their employment links are deleted. The organisations remain.",
    ),
    # people: employment (WORKS_AT)
    "person.jobs": ("Werkgevers", "Employers"),
    "person.jobs_current": ("Huidig", "Current"),
    "person.jobs_former": ("Voormalig", "Former"),
    "person.no_jobs": ("Nog niet gekoppeld aan een organisatie.", "Not linked to an organisation yet."),
    "person.job.add": ("Dienstverband toevoegen", "Add employment"),
    "person.job.change": ("Nieuwe werkgever", "New employer"),
    "person.job.edit_title": ("Dienstverband wijzigen", "Edit employment"),
    "person.job.end_title": ("Dienstverband beëindigen", "End employment"),
    "person.job.end_intro": (
        "Vul de einddatum in. Het dienstverband blijft als geschiedenis bewaard.",
        "Enter the end date. The employment is kept as history.",
    ),
    "person.job.end": ("Beëindigen", "End"),
    "person.job.organisation": ("Organisatie", "Organisation"),
    "person.job.role": ("Functie / rol", "Job / role"),
    "person.job.since": ("Sinds", "Since"),
    "person.job.until": ("Tot en met", "Until"),
    "person.job.end_current": (
        "Huidige dienstverband(en) beëindigen per de begindatum (of vandaag)",
        "End the current employment(s) on the start date (or today)",
    ),
    "person.job.deleted": ("Dienstverband verwijderd", "Employment deleted"),
    "person.job.delete_title": ("Dienstverband verwijderen", "Delete employment"),
    "person.job.delete_body": (
        "Alleen voor een verkeerd ingevoerd dienstverband. Is de persoon vertrokken? "
        "Gebruik dan 'Beëindigen': dan blijft de geschiedenis bewaard.",
        "Only for an employment entered by mistake. Has the person left? "
        "Use 'End' instead, so the history is kept.",
    ),
    "person.job.first": ("Werkgever (optioneel)", "Employer (optional)"),
    "person.job.first_hint": (
        "Kies de organisatie waar deze persoon werkt; functie en begindatum volgen dan.",
        "Choose the organisation this person works at; job and start date follow.",
    ),
    # import and export
    "nav.import": ("Importeren", "Import"),
    "import.title": ("Importeren", "Import"),
    "import.intro": (
        "Lees organisaties of personen in uit een Excel- (.xlsx) of CSV-bestand. Eerst volgt een controle; "
        "daarna importeert u de goede rijen.",
        "Bring in organisations or people from an Excel (.xlsx) or CSV file. A check comes first; "
        "then you import the good rows.",
    ),
    "import.kind": ("Wat importeert u?", "What are you importing?"),
    "import.kind.organisations": ("Organisaties", "Organisations"),
    "import.kind.people": ("Personen (met hun organisatie)", "People (with their organisation)"),
    "import.drop": ("Sleep een bestand hierheen of klik om te kiezen (.xlsx, .csv)",
                    "Drop a file here or click to choose (.xlsx, .csv)"),
    "import.upload": ("Bestand inlezen", "Read file"),
    "import.no_file": ("Kies eerst een bestand.", "Choose a file first."),
    "import.file": ("Bestand", "File"),
    "import.rows": ("rijen", "rows"),
    "import.mapping": ("Kolommen koppelen", "Map columns"),
    "import.mapping_intro": (
        "Herkende kolommen zijn al gekoppeld. Kies voor de andere kolommen een veld, of laat ze negeren.",
        "Recognised columns are mapped already. Choose a field for the others, or leave them ignored.",
    ),
    "import.column": ("Kolom in het bestand", "Column in the file"),
    "import.field": ("Veld", "Field"),
    "import.ignore": ("— negeren —", "— ignore —"),
    "import.check": ("Controleren (proefimport)", "Check (dry run)"),
    "import.checking": ("Bezig met controleren …", "Checking …"),
    "import.report": ("Resultaat van de controle", "Result of the check"),
    "import.report_done": ("Resultaat van de import", "Result of the import"),
    "import.count.rows": ("Rijen in het bestand", "Rows in the file"),
    "import.count.records": ("Verschillende records (rijen samengevoegd)", "Distinct records (rows merged)"),
    "import.count.create": ("Nieuw aan te maken", "To create"),
    "import.count.update": ("Bij te werken", "To update"),
    "import.count.unchanged": ("Al aanwezig, ongewijzigd", "Already there, unchanged"),
    "import.count.matched": ("Gevonden in het netwerk via", "Found in the network by"),
    "import.count.organisations_create": ("Nieuwe organisaties (van personen)", "New organisations (of people)"),
    "import.count.links_create": ("Nieuwe koppelingen persoon–organisatie", "New person–organisation links"),
    "import.count.failed": ("Rijen met fouten (worden overgeslagen)", "Rows with errors (skipped)"),
    "import.rule.kvk": ("KvK-nummer", "KvK number"),
    "import.rule.website": ("website", "website"),
    "import.rule.name": ("naam", "name"),
    "import.rule.email": ("e-mailadres", "email address"),
    "import.errors": ("Rijen met fouten", "Rows with errors"),
    "import.line": ("Regel", "Line"),
    "import.reason": ("Fout", "Problem"),
    "import.more_errors": ("… en meer; download de foute rijen voor de volledige lijst.",
                           "… and more; download the failed rows for the full list."),
    "import.run": ("Goede rijen importeren", "Import the good rows"),
    "import.running": ("Bezig met importeren …", "Importing …"),
    "import.resume": ("Import hervatten", "Resume import"),
    "import.interrupted": (
        "De import is onderbroken (server herstart of netwerkdatabase weg). Wat klaar was, is bewaard; hervat om af te maken.",
        "The import was interrupted (server restart or graph database gone). What was done is kept; resume to finish.",
    ),
    "import.failed": ("De import is gestopt:", "The import stopped:"),
    "import.done": ("Import klaar.", "Import finished."),
    "import.download_failed": ("Foute rijen downloaden", "Download failed rows"),
    "import.new": ("Nieuwe import", "New import"),
    "import.status.uploaded": ("Ingelezen", "Read"),
    "import.status.analysing": ("Controle loopt", "Checking"),
    "import.status.ready": ("Gecontroleerd", "Checked"),
    "import.status.running": ("Import loopt", "Importing"),
    "import.status.done": ("Klaar", "Done"),
    "import.status.failed": ("Gestopt", "Stopped"),
    "import.status.interrupted": ("Onderbroken", "Interrupted"),
    "export.csv": ("CSV", "CSV"),
    "export.xlsx": ("Excel", "Excel"),
    "export.label": ("Exporteren", "Export"),
}

# The fields' labels come with their declarations (domain/fields.py).
STRINGS.update(fields.labels("org.field.", organisations.DECLARED))
STRINGS.update(fields.labels("person.field.", people.DECLARED))
STRINGS.update(fields.labels("act.field.", activities.DECLARED))


def _pair(key: str) -> tuple[str, str]:
    try:
        return STRINGS[key]
    except KeyError:
        raise KeyError(f"i18n: no UI string {key!r} in lo_network.i18n.STRINGS") from None


def tr(key: str, lang: str) -> str:
    """The string ``key`` in ``lang`` ("nl" or "en"), for event handlers and plain Python."""
    nl, en = _pair(key)
    return en if lang == "en" else nl


_language: list[rx.Var] = []  # the Var of the chosen language, set once by the session state


def follow_language(var: rx.Var) -> None:
    """The Var holding the chosen language, which :func:`t` and :func:`pick` follow: the
    session state's (lo_network.states.session registers it; this module imports no state)."""
    _language[:] = [var]


def _lang() -> rx.Var:
    if not _language:
        raise RuntimeError("i18n: no language Var yet; import lo_network.states.session first")
    return _language[0]


def is_english() -> rx.Var:
    """A boolean Var: True when the UI shows English."""
    return _lang() == "en"


def pick(nl: object, en: object) -> rx.Var:
    """A Var choosing between two values (texts, Vars) by the current language."""
    return rx.cond(is_english(), en, nl)


def t(key: str) -> rx.Var:
    """The UI string ``key`` in the current language, as a Var for components."""
    nl, en = _pair(key)
    return pick(nl, en)


def split_message(message: str) -> tuple[str, str]:
    """A domain message "Dutch / English" -> (nl, en).

    Messages joined by "; " are split part by part ("a / b; c / d" -> ("a; c", "b; d"));
    a message without " / " is the same in both languages."""
    nl_parts, en_parts = [], []
    for part in str(message).split("; "):
        nl, sep, en = part.partition(" / ")
        nl_parts.append(nl)
        en_parts.append(en if sep else nl)
    return "; ".join(nl_parts), "; ".join(en_parts)


def localise(message: str, lang: str) -> str:
    """The half of a "Dutch / English" message for ``lang``."""
    nl, en = split_message(message)
    return en if lang == "en" else nl


def message_var(pair: rx.Var) -> rx.Var:
    """A Var holding a [nl, en] list (e.g. one field error) -> the current language's text."""
    return rx.cond(is_english(), pair[1], pair[0])


def vocab_pairs(vocab: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """A vocabulary as {value: [nl, en]}, ready to embed in a page."""
    return {value: [nl, en] for value, (nl, en) in vocab.items()}


def vocab_label(vocab: dict[str, tuple[str, str]], value: rx.Var) -> rx.Var:
    """The label of a vocabulary value held in a Var (e.g. a row's kind), in the current
    language; an unknown value is shown as it is."""
    table = rx.Var.create(vocab_pairs(vocab))
    entry = table[value]
    return rx.cond(entry, rx.cond(is_english(), entry[1], entry[0]), value)


# ---------------------------------------------------------------- the network itself
STRINGS.update({
    "links.title": ("Relaties", "Links"),
    "links.none": ("Nog geen relaties.", "No links yet."),
    "links.add": ("Relatie toevoegen", "Add link"),
    "links.end": ("Beëindigen", "End"),
    "links.ended": ("beëindigd", "ended"),
    "links.delete_title": ("Relatie verwijderen?", "Delete link?"),
    "links.delete_body": ("Alleen voor een vergissing: een beëindigde relatie blijft in de geschiedenis.",
                          "Only for a mistake: an ended link stays in the history."),
    "links.deleted": ("Relatie verwijderd", "Link deleted"),
    "links.timeline": ("Tijdlijn", "Timeline"),
    "links.timeline_empty": ("Nog niets om te tonen.", "Nothing to show yet."),
    "links.field.type": ("Soort relatie", "Kind of link"),
    "links.field.direction": ("Richting", "Direction"),
    "links.field.other": ("Met", "With"),
    "links.field.since": ("Sinds", "Since"),
    "links.field.until": ("Tot en met", "Until"),
    "links.field.source": ("Bron", "Source"),
    "links.field.note": ("Notitie", "Note"),
    "links.choose_type": ("Kies een soort", "Choose a kind"),
    "links.direction_hint": ("Bijv. 'klant van': wie is de klant?", "E.g. 'customer of': who is the customer?"),
    "links.lookup": ("Typ een naam…", "Type a name…"),
    "links.source_placeholder": ("bijv. KvK, jaarverslag, gesprek", "e.g. KvK, annual report, conversation"),
    "links.edit_title": ("Relatie wijzigen", "Change link"),
    "links.end_title": ("Relatie beëindigen", "End link"),
    "nav.duplicates": ("Dubbelen", "Duplicates"),
    "dup.title": ("Dubbelen", "Duplicates"),
    "dup.candidates": ("Mogelijke dubbelen", "Possible duplicates"),
    "dup.none": ("Geen mogelijke dubbelen gevonden.", "No possible duplicates found."),
    "dup.score": ("Score", "Score"),
    "dup.records": ("Records", "Records"),
    "dup.reasons": ("Waarom", "Why"),
    "dup.compare": ("Vergelijken", "Compare"),
    "dup.not_duplicate": ("Geen dubbel", "Not a duplicate"),
    "dup.not_duplicate_done": ("Onthouden: geen dubbel", "Remembered: not a duplicate"),
    "dup.preview": ("Samenvoegen: voorbeeld", "Merge: preview"),
    "dup.preview_intro": ("Kies per veld welke waarde blijft. Alle relaties van het record dat verdwijnt "
                          "gaan over naar het record dat blijft.",
                          "Choose per field which value stays. Every link of the record that goes moves "
                          "to the record that stays."),
    "dup.keeps": ("Blijft", "Stays"),
    "dup.goes": ("Verdwijnt", "Goes"),
    "dup.both": ("Beide", "Both"),
    "dup.moving": ("Gaat over naar het record dat blijft", "Moves to the record that stays"),
    "dup.dropped": ("Vervalt (tussen de twee, of 'geen dubbel')", "Dropped (between the two, or 'not a duplicate')"),
    "dup.blocked": ("Dit record heeft relaties die samenvoegen niet kan verplaatsen.",
                    "This record has links a merge cannot move."),
    "dup.swap": ("Omdraaien", "Swap"),
    "dup.merge": ("Samenvoegen", "Merge"),
    "dup.merge_title": ("Samenvoegen?", "Merge?"),
    "dup.merge_body": ("Het ene record verdwijnt; u kunt dit hieronder ongedaan maken.",
                       "One record goes; you can undo this below."),
    "dup.merged": ("Samengevoegd", "Merged"),
    "dup.merges": ("Laatste samenvoegingen", "Latest merges"),
    "dup.undo": ("Ongedaan maken", "Undo"),
    "dup.undone": ("Samenvoeging ongedaan gemaakt", "Merge undone"),
    "dup.was_undone": ("ongedaan gemaakt", "undone"),
    "nav.introductions": ("Wie kan ons voorstellen?", "Who can introduce us?"),
    "intro.title": ("Wie kan ons voorstellen?", "Who can introduce us?"),
    "intro.question": ("Van wie naar wie?", "From whom to whom?"),
    "intro.start": ("Start", "Start"),
    "intro.start_hint": ("Standaard uw eigen organisatie (als die bekend is).",
                         "By default your own organisation (when it is known)."),
    "intro.target": ("Doel: organisatie of persoon", "Target: organisation or person"),
    "intro.lookup": ("Typ een naam…", "Type a name…"),
    "intro.find": ("Zoek routes", "Find routes"),
    "intro.results": ("Routes", "Routes"),
    "intro.route": ("Route", "Route"),
    "intro.strength": ("Sterkte", "Strength"),
    "intro.explain": ("Kortste routes, sterkste eerst: huidige dienstverbanden en 'kent'-relaties wegen het "
                      "zwaarst; beëindigde banden wegen minder naarmate ze langer geleden zijn.",
                      "Shortest routes, strongest first: current employment and 'knows' links weigh most; "
                      "ended ties weigh less the longer ago they ended."),
    "intro.no_path": ("Geen route gevonden (binnen 6 stappen).", "No route found (within 6 steps)."),
    "intro.ask": ("Wie kan ons voorstellen?", "Who can introduce us?"),
    "nav.measures": ("Makelaars en bruggen", "Brokers and bridges"),
    "measures.title": ("Makelaars en bruggen", "Brokers and bridges"),
    "measures.recompute": ("Opnieuw berekenen", "Recompute"),
    "measures.recomputed": ("Netwerkmaten berekend", "Network measures computed"),
    "measures.running": ("Netwerkmaten worden berekend", "Computing the network measures"),
    "measures.running_note": ("Dit loopt op de achtergrond; u kunt de pagina verlaten.",
                              "This runs in the background; you may leave the page."),
    "measures.failed": ("Het berekenen van de netwerkmaten is mislukt. Probeer het opnieuw.",
                        "Computing the network measures failed. Please try again."),
    "measures.stage.read": ("Netwerk inlezen", "Reading the network"),
    "measures.stage.betweenness": ("Tussenliggendheid berekenen", "Computing betweenness"),
    "measures.stage.communities": ("Gemeenschappen en kwetsbare schakels zoeken", "Finding communities and weak points"),
    "measures.stage.write": ("Opslaan bij organisaties en personen", "Saving on organisations and people"),
    "measures.never": ("Nog niet berekend. Klik op 'Opnieuw berekenen'.",
                       "Not computed yet. Click 'Recompute'."),
    "measures.computed": ("Berekend op", "Computed on"),
    "measures.approximate": ("tussenliggendheid geschat (steekproef)", "betweenness estimated (sample)"),
    "measures.nodes": ("Organisaties en personen", "Organisations and people"),
    "measures.edges": ("Verbindingen", "Ties"),
    "measures.density": ("Dichtheid", "Density"),
    "measures.largest": ("Grootste samenhangende deel", "Largest connected share"),
    "measures.communities": ("Gemeenschappen", "Communities"),
    "measures.brokers": ("Makelaars", "Brokers"),
    "measures.brokers_intro": ("Wie ligt het vaakst op de kortste weg tussen anderen (tussenliggendheid)?",
                               "Who lies most often on the shortest way between others (betweenness)?"),
    "measures.no_brokers": ("Geen makelaars: niemand ligt tussen anderen in.", "No brokers: nobody lies between others."),
    "measures.name": ("Naam", "Name"),
    "measures.kind": ("Soort", "Kind"),
    "measures.organisation": ("Organisatie", "Organisation"),
    "measures.person": ("Persoon", "Person"),
    "measures.degree": ("Verbindingen", "Degree"),
    "measures.betweenness": ("Tussenliggendheid", "Betweenness"),
    "measures.community": ("Gemeenschap", "Community"),
    "measures.bridges": ("Enige verbinding", "Only connection"),
    "measures.bridges_intro": ("Regio's of thema's die maar via één organisatie, persoon of relatie verbonden zijn.",
                               "Regions or themes joined through one organisation, person or link only."),
    "measures.cuts": ("Kwetsbare schakels", "Weak points"),
    "measures.cuts_intro": ("Zonder deze schakel valt het netwerk uiteen.", "Without this node the network splits."),
    "measures.none_found": ("Geen gevonden.", "None found."),
    "nav.map": ("Netwerkkaart", "Network map"),
    "map.title": ("Netwerkkaart", "Network map"),
    "map.ego": ("Omgeving van", "Neighbourhood of"),
    "map.whole": ("Hele kaart", "Whole map"),
    "map.search": ("Zoek op naam…", "Search by name…"),
    "map.all.region": ("Alle regio's", "All regions"),
    "map.all.theme": ("Alle thema's", "All themes"),
    "map.all.kind": ("Alle soorten", "All kinds"),
    "map.all.status": ("Elke status", "Any status"),
    "map.now": ("Nu", "Now"),
    "map.people": ("Personen tonen", "Show people"),
    "map.one_step": ("1 stap", "1 step"),
    "map.two_steps": ("2 stappen", "2 steps"),
    "map.nodes": ("knopen", "nodes"),
    "map.links": ("verbindingen", "ties"),
    "map.hits": ("gevonden (geel)", "found (yellow)"),
    "map.hint": ("Klik op een groep om die open te klappen, op een knoop om het record te openen; scrollen "
                 "zoomt, slepen verschuift.",
                 "Click a group to expand it, a node to open its record; scroll zooms, drag pans."),
    "map.ego_link": ("Omgeving op de kaart", "Neighbourhood on the map"),
})


# How numbers are written, the one rule for the app: Dutch 1.234,5 and English 1,234.5, at
# most MAX_DECIMALS after the separator (fewer when they are zero). ``number`` writes text on
# the server; ``number_var`` writes a number held in a page's state in the browser (tables,
# chart axes and tooltips), with the same locales.
NUMBER_LOCALES = {"nl": "nl-NL", "en": "en-GB"}
MAX_DECIMALS = 4


def number(value: float | int | None, lang: str, decimals: int | None = None) -> str:
    """``value`` as a person in ``lang`` reads it: 1.234,5 (nl) or 1,234.5 (en); ``decimals``
    fixed, or up to MAX_DECIMALS with trailing zeros left off. '' for None."""
    if value is None:
        return ""
    if decimals is None:
        text = f"{float(value):,.{MAX_DECIMALS}f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    else:
        text = f"{float(value):,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def thousands(number_: int, lang: str) -> str:
    """1.234 (nl) or 1,234 (en)."""
    return number(number_, lang, 0)


def _number_js(value_js: str, lang_js: str) -> str:
    locales = " : ".join(f"{lang_js} === {code!r} ? {loc!r}" for code, loc in NUMBER_LOCALES.items() if code != "nl")
    return (f"(typeof ({value_js}) === 'number' ? new Intl.NumberFormat({locales} : {NUMBER_LOCALES['nl']!r}, "
            f"{{maximumFractionDigits: {MAX_DECIMALS}}}).format({value_js}) : (({value_js}) ?? ''))")


def number_var(value: rx.Var) -> rx.Var:
    """A number in a page's state written as :func:`number` writes it, in the current
    language (text other than a number is shown as it is)."""
    from reflex.vars.base import Var, VarData

    lang = _lang()
    return Var(_js_expr=_number_js(str(value), str(lang)), _var_type=str,
               _var_data=VarData.merge(value._get_all_var_data(), lang._get_all_var_data())).guess_type()


def number_formatter() -> rx.Var:
    """The same, as a JavaScript function for a chart's axis ticks and tooltip values."""
    from reflex.vars.function import FunctionStringVar

    lang = _lang()
    return FunctionStringVar.create(f"((v) => {_number_js('v', str(lang))})", _var_data=lang._get_all_var_data())


def range_label(page: int, page_size: int, total: int, lang: str) -> str:
    """"1–25 van 1.234" (or "1–25 of 1,234") for a pager."""
    if total == 0:
        return "0"
    first = (page - 1) * page_size + 1
    last = min(page * page_size, total)
    word = "of" if lang == "en" else "van"
    return f"{thousands(first, lang)}–{thousands(last, lang)} {word} {thousands(total, lang)}"


# Activities, registration, check-in and the public pages.
from lo_network.i18n_activities import ACTIVITY_STRINGS  # noqa: E402

STRINGS.update(ACTIVITY_STRINGS)

# Privacy, audit and hardening
STRINGS.update({
    "login.throttled": ("Te veel mislukte pogingen. Probeer het opnieuw over",
                        "Too many failed attempts. Try again in"),
})
STRINGS.update({  # audit log
    "nav.audit": ("Audit", "Audit"),
    "audit.title": ("Auditlog", "Audit log"),
    "audit.intro": ("Wie wijzigde wat, wanneer en hoe — alleen toevoegen, nooit wijzigen.",
                    "Who changed what, when and how — append-only, never changed."),
    "audit.search": ("Zoeken", "Search"),
    "audit.search_button": ("Zoeken", "Search"),
    "audit.clear": ("Wissen", "Clear"),
    "audit.actor": ("Wie (e-mail)", "Who (email)"),
    "audit.entity": ("Soort record", "Kind of record"),
    "audit.all": ("Alle", "All"),
    "audit.action": ("Actie", "Action"),
    "audit.since": ("Vanaf", "From"),
    "audit.until": ("Tot en met", "Until"),
    "audit.text": ("Tekst of id", "Text or id"),
    "audit.entries": ("Regels", "Entries"),
    "audit.field": ("Veld", "Field"),
    "audit.before": ("Voor", "Before"),
    "audit.after": ("Na", "After"),
    "audit.history": ("Geschiedenis", "History"),
    "audit.no_history": ("Nog geen wijzigingen vastgelegd.", "No changes recorded yet."),
})
STRINGS.update({  # privacy on the person page
    "privacy.consents": ("Toestemmingen per doel", "Consent per purpose"),
    "privacy.no_consents": ("Geen toestemmingen vastgelegd; de algemene grondslag geldt.",
                            "No consent recorded; the general basis applies."),
    "privacy.active": ("Geldig", "Active"),
    "privacy.withdrawn": ("Ingetrokken", "Withdrawn"),
    "privacy.withdraw": ("Intrekken", "Withdraw"),
    "privacy.purpose": ("Doel", "Purpose"),
    "privacy.basis": ("Grondslag", "Legal basis"),
    "privacy.date": ("Datum", "Date"),
    "privacy.source": ("Bron", "Source"),
    "privacy.add_consent": ("Toestemming toevoegen", "Add consent"),
    "privacy.consent_added": ("Toestemming vastgelegd", "Consent recorded"),
    "privacy.consent_withdrawn": ("Toestemming ingetrokken", "Consent withdrawn"),
    "privacy.title": ("Privacy (AVG)", "Privacy (GDPR)"),
    "privacy.intro": ("Inzageverzoek: alles wat over deze persoon is vastgelegd. Anonimiseren: wist de persoon "
                      "overal; aantallen blijven kloppen.",
                      "Access request: everything held about this person. Erase: anonymises the person "
                      "everywhere; counts stay right."),
    "privacy.access_json": ("Inzage (JSON)", "Access request (JSON)"),
    "privacy.access_html": ("Inzage (HTML)", "Access request (HTML)"),
    "privacy.erase": ("Anonimiseren", "Erase"),
    "privacy.erase_title": ("Persoon anonimiseren", "Erase this person"),
    "privacy.erase_body": ("Naam, e-mail, telefoon, notities en toestemmingen worden overal gewist, ook in de "
                           "auditlog. Dienstverbanden en relaties blijven anoniem bestaan.",
                           "Name, email, phone, notes and consents are wiped everywhere, the audit log "
                           "included. Employments and links stay, anonymous."),
    "privacy.erase_continue": ("Doorgaan", "Continue"),
    "privacy.erase_type_name": ("Typ de volledige naam van de persoon ter bevestiging.",
                                "Type the person's full name to confirm."),
    "privacy.erase_final": ("Definitief anonimiseren", "Erase for good"),
    "privacy.erased": ("Persoon geanonimiseerd", "Person erased"),
})

# Import of attendances (people at a past activity)
STRINGS.update({
    "import.kind.attendances": ("Aanwezigen bij een voorbije activiteit", "Attendances at a past activity"),
    "import.count.people_create": ("Nieuwe personen", "New people"),
})

# The coordinators' follow-up lists (/opvolgen)
STRINGS.update({
    "nav.followup": ("Opvolgen", "Follow-up"),
    "followup.title": ("Opvolgen", "Follow-up"),
    "followup.subtitle": ("Wie moeten we bellen?", "Whom should we call?"),
    "followup.tab.dormant": ("Slapend", "Dormant"),
    "followup.tab.twice": ("Twee keer geweest", "Attended twice"),
    "followup.tab.consent": ("Toestemming verloopt", "Consent lapsing"),
    "followup.col.organisation": ("Organisatie", "Organisation"),
    "followup.col.status": ("Netwerkstatus", "Network status"),
    "followup.col.last_activity": ("Laatste activiteit", "Last activity"),
    "followup.col.attended": ("Keer aanwezig", "Times present"),
    "followup.col.contact": ("Bellen met", "Call"),
    "followup.col.person": ("Persoon", "Person"),
    "followup.col.works_at": ("Werkt bij", "Works at"),
    "followup.col.lapses": ("Verloopt op", "Lapses on"),
    "followup.col.purposes": ("Doelen", "Purposes"),
    "followup.never": ("Nooit", "Never"),
    "followup.no_contact": ("Geen contactpersoon", "No contact"),
    "followup.days": ("dagen", "days"),
    "followup.sort.silent": ("Langst stil eerst", "Silent longest first"),
    "followup.sort.-attended": ("Vaakst aanwezig eerst", "Most often present first"),
    "followup.sort.lapse": ("Eerst verlopend eerst", "Lapsing soonest first"),
    "followup.sort.name": ("Naam A–Z", "Name A–Z"),
    "followup.sort.-name": ("Naam Z–A", "Name Z–A"),
    "followup.kind_all": ("Alle soorten", "All kinds"),
    "followup.general_basis": ("Algemene grondslag", "General basis"),
    "followup.empty": ("Niemand op deze lijst: niets op te volgen.", "Nobody on this list: nothing to follow up."),
})

# Follow-up notes on an organisation
STRINGS.update({
    "followup.notes_title": ("Opvolging", "Follow-up"),
    "followup.no_notes": ("Nog geen opvolging genoteerd.", "No follow-up noted yet."),
    "followup.note_placeholder": ("Wat moet er gebeuren? Bv. bellen over deelname aan het café",
                                  "What needs doing? E.g. call about joining the café"),
    "followup.note_assignee": ("Wie belt? (standaard: u)", "Who calls? (default: you)"),
    "followup.note_due": ("uiterlijk", "by"),
    "followup.note_done": ("gedaan", "done"),
    "followup.note_add": ("Opvolging noteren", "Note a follow-up"),
    "followup.note_saved": ("Opvolging genoteerd", "Follow-up noted"),
    "followup.col.open_note": ("Opvolging", "Follow-up"),
    "followup.note_quick": ("Noteer", "Note"),
})

# Retention review (/bewaartermijn, administrators)
STRINGS.update({
    "nav.retention": ("Bewaartermijn", "Retention"),
    "retention.title": ("Bewaartermijn", "Retention review"),
    "retention.intro": ("Personen zonder grondslag en zonder activiteit (wijziging, dienstverband, relatie of "
                        "aanmelding) in de bewaartermijn: controleer en anonimiseer.",
                        "People without a basis and without activity (change, employment, link or "
                        "registration) within the retention period: review and erase."),
    "retention.settings": ("Termijn", "Period"),
    "retention.years": ("Jaren zonder activiteit", "Years without activity"),
    "retention.bad_years": ("Kies een aantal jaren van 1 tot 100.", "Choose a number of years from 1 to 100."),
    "retention.none": ("Niemand om te controleren.", "Nobody to review."),
    "retention.people": ("Te controleren", "To review"),
    "retention.unchanged_since": ("ongewijzigd sinds", "unchanged since"),
    "retention.select_all": ("Alles selecteren", "Select all"),
    "retention.erase_selected": ("Geselecteerden anonimiseren", "Erase selected"),
    "retention.erase_title": ("Personen anonimiseren", "Erase people"),
    "retention.erase_body": ("De geselecteerde personen worden overal geanonimiseerd, ook in aanmeldingen, e-mails "
                             "en de auditlog; aantallen blijven kloppen.",
                             "The selected people are anonymised everywhere, registrations, emails and the "
                             "audit log included; counts stay right."),
    "retention.type_count": ("Typ het aantal geselecteerde personen ter bevestiging.",
                             "Type the number of selected people to confirm."),
    "retention.type_count_error": ("Het getal klopt niet met het aantal geselecteerden.",
                                   "The number does not match the number selected."),
    "retention.erased": ("{count} personen geanonimiseerd", "{count} people erased"),
})
# A company's size class
STRINGS.update({
    "org.size_unknown": ("Onbekend", "Unknown"),
})
# The steering group's dashboard
from lo_network.i18n_dashboard import DASHBOARD_STRINGS  # noqa: E402

STRINGS.update(DASHBOARD_STRINGS)
# activities and registration: calendar files and feeds, refusals named, the public limit, dates
STRINGS.update({
    "files.address": ("Adres", "Address"),
    "files.copy": ("Kopiëren", "Copy"),
    "files.copied": ("Gekopieerd", "Copied"),
    "files.subscribe": ("Abonneren in mijn agenda", "Subscribe in my calendar"),
    "files.feed_download": ("Downloaden (.ics)", "Download (.ics)"),
    "act.add_to_calendar": ("Zet in mijn agenda (.ics)", "Add to my calendar (.ics)"),
    "pub.limited_title": ("Te veel aanvragen vanaf uw internetadres.", "Too many requests from your internet address."),
    "pub.limited_when": ("Probeer het opnieuw om", "Try again at"),
    "pub.limited_why": ("Op een beurs of evenement delen bezoekers vaak één wifi-adres; even wachten is genoeg.",
                        "At a fair or event visitors often share one wifi address; waiting a moment is enough."),
    "pub.limited": ("Te veel aanvragen; probeer het opnieuw om {time}.", "Too many requests; try again at {time}."),
    "pub.full": ("Deze activiteit is vol. Meldt u zich aan, dan komt u op de wachtlijst; komt er een plek vrij, "
                 "dan krijgt u bericht.",
                 "This activity is full. If you register, you go on the waiting list; if a seat becomes free, "
                 "you will be told."),
    "pub.register_waitlist": ("Aanmelden voor de wachtlijst", "Join the waiting list"),
    "reg.refused_title": ("Niemand is aangemeld: voor deze personen is er geen grondslag voor uitnodigingen "
                          "(toestemming ontbreekt of is ingetrokken).",
                          "Nobody was registered: these people have no basis for event invitations "
                          "(no consent, or withdrawn)."),
    "reg.refused_what": ("Leg op hun pagina de toestemming voor uitnodigingen vast, of haal ze uit de selectie en "
                         "meld de anderen aan.",
                         "Record their consent for invitations on their page, or take them out of the selection "
                         "and register the others."),
    "reg.refused_drop": ("Haal ze uit de selectie", "Take them out of the selection"),
    "act.registration_window": ("Aanmelden", "Registration"),
    "act.registration_from": ("vanaf", "from"),
    "act.registration_until": ("tot", "until"),
    "common.datetime_hint": ("dd-mm-jjjj uu:mm", "dd-mm-yyyy hh:mm"),
})
# Organisation records: general email and phone, a second record with the same KvK number,
# what an organisation takes part in, duplicate clusters
STRINGS.update({
    "org.kvk_taken_title": ("Dit KvK-nummer staat al in het netwerk bij:",
                            "This KvK number is already in the network, at:"),
    "org.kvk_taken_body": ("Is het dezelfde organisatie? Open dan het bestaande record. Is het bewust een "
                           "tweede record (bijvoorbeeld een andere vestiging), sla dan toch op.",
                           "Is it the same organisation? Then open the existing record. Is a second record "
                           "intended (another branch, for instance), save anyway."),
    "org.kvk_open": ("Openen", "Open"),
    "org.save_anyway": ("Toch opslaan", "Save anyway"),
    "import.kvk_matches": ("KvK-nummer al in het netwerk", "KvK number already in the network"),
    "import.kvk_matches_intro": ("Deze regels hebben het KvK-nummer van een bestaande organisatie: de import werkt "
                                 "dat record bij en maakt geen tweede.",
                                 "These rows carry the KvK number of an existing organisation: the import updates "
                                 "that record and makes no second one."),
    "import.kvk_existing": ("Bestaande organisatie", "Existing organisation"),
    "org.involvement": ("Activiteiten en projecten", "Activities and projects"),
    "org.involvement_none": ("Nog geen activiteiten, projecten of living labs.",
                             "No activities, projects or living labs yet."),
    "org.partner_in": ("Partner in projecten en living labs", "Partner in projects and living labs"),
    "org.organised": ("Georganiseerd", "Organised"),
    "org.attended": ("Deelname van medewerkers", "Its people took part"),
    "dup.records_in_cluster": ("records die op elkaar lijken", "records that look alike"),
})
# the programme's money: activity budgets, grants to organisations, the budget lens
STRINGS.update({
    "act.section.budget": ("Budget", "Budget"),
    "act.budget_hint": ("In euro's, bijv. 1.250,50", "In euros, e.g. 1250.50"),
    "act.line_from_kind": ("Volgens de soort activiteit", "By the kind of activity"),
    "grant.title": ("Subsidies", "Grants"),
    "grant.about": ("Steun van het programma aan deze organisatie; telt mee in de begroting per activiteitenlijn.",
                    "Programme support to this organisation; counts in the budget per programme line."),
    "grant.none": ("Nog geen subsidies vastgelegd.", "No grants recorded yet."),
    "grant.total": ("Totaal:", "Total:"),
    "grant.add": ("Subsidie vastleggen", "Record grant"),
    "grant.remove": ("Subsidie verwijderen", "Remove grant"),
    "grant.saved": ("Subsidie vastgelegd", "Grant recorded"),
    "grant.removed": ("Subsidie verwijderd", "Grant removed"),
    "grant.field.amount": ("Bedrag (€)", "Amount (€)"),
    "grant.field.granted_on": ("Datum", "Date"),
    "grant.field.description": ("Omschrijving", "Description"),
    "grant.field.line": ("Activiteitenlijn", "Programme line"),
    "dash.chart.budget": ("Begroting per activiteitenlijn", "Budget per programme line"),
    "dash.chart.budget_years": ("Begroting per lijn en jaar", "Budget per line and year"),
    "dash.s.budget_target": ("Begroot (verdeling)", "Budgeted (split)"),
    "dash.s.budget_planned": ("Gepland", "Planned"),
    "dash.s.budget_spent": ("Besteed", "Spent"),
    "dash.s.spent_pct": ("Besteed % van begroot", "Spent % of budgeted"),
    "dash.s.year": ("Jaar", "Year"),
    "dash.s.line": ("Activiteitenlijn", "Programme line"),
    "dash.budget_total": ("Programmabudget", "Programme budget"),
    "dash.act_kind": ("Soort activiteit", "Kind of activity"),
    "dash.q.charts": ("Grafieken", "Charts"),
})
# Steering group and admins: pages a role may not use, audit labels, number formats
STRINGS.update({
    "common.no_access": ("Deze pagina is niet beschikbaar voor uw rol.", "This page is not available to your role."),
    "common.no_access_home": ("Naar de organisaties", "Go to the organisations"),
    "audit.field.id": ("Id", "Id"),
    # fields the services write to the audit log beside the records' own form fields
    "audit.field.activity_id": ("Activiteit", "Activity"),
    "audit.field.organisation_id": ("Organisatie", "Organisation"),
    "audit.field.organisation_name": ("Organisatie", "Organisation"),
    "audit.field.person_id": ("Persoon", "Person"),
    "audit.field.project_id": ("Project", "Project"),
    "audit.field.organisers": ("Organiserende organisaties", "Organising organisations"),
    "audit.field.attendance": ("Aanwezigheid", "Attendance"),
    "audit.field.position": ("Volgnummer", "Number"),
    "audit.field.via": ("Via", "Via"),
    "audit.field.marked": ("Gemarkeerd als niet verschenen", "Marked as no-show"),
    "audit.field.rows": ("Regels opgeslagen", "Rows stored"),
    "audit.field.milestone_id": ("Mijlpaal", "Milestone"),
    "audit.field.user_id": ("Gebruiker", "User"),
    "audit.field.a_id": ("Record A", "Record A"),
    "audit.field.b_id": ("Record B", "Record B"),
    "audit.field.keep_id": ("Samengevoegd in", "Merged into"),
    "audit.field.merge_entry": ("Samenvoeging (logregel)", "Merge (log entry)"),
    "audit.field.done": ("Afgehandeld", "Done"),
    "audit.field.employment": ("Dienstverband", "Employment"),
})

# Accessibility: skip link, footer, tab titles, the accessibility statement, the map's table
STRINGS.update({
    "a11y.skip": ("Naar de inhoud", "Skip to content"),
    "pub.site": ("Logistics Overijssel", "Logistics Overijssel"),
    "a11y.statement_link": ("Toegankelijkheid", "Accessibility"),
    "tab.organisation": ("Organisatie", "Organisation"),
    "tab.person": ("Persoon", "Person"),
    "tab.activity": ("Activiteit", "Activity"),
    "tab.register": ("Aanmelden", "Register"),
    "tab.names": ("Naamlijst", "Name list"),
    "tab.quarter": ("Kwartaalrapportage", "Quarterly report"),
    "tab.dashboard": ("Dashboard", "Dashboard"),
    "dash.q.choose": ("Kwartaal", "Quarter"),
    "map.year": ("Jaar", "Year"),
    "map.table_title": ("De kaart als tabel", "The map as a table"),
    "map.table_intro": ("Dezelfde knopen en verbindingen als de kaart, als lijst (ook voor schermlezers).",
                        "The same nodes and ties as the map, as a list (also for screen readers)."),
    "map.table_show": ("Toon de kaart als tabel", "Show the map as a table"),
    "map.col.name": ("Naam", "Name"),
    "map.col.kind": ("Soort", "Kind"),
    "map.col.links": ("Verbonden met", "Connected to"),
    "map.col.count": ("Aantal verbindingen", "Number of ties"),
    "map.table_more": ("Alleen de eerste {count} knopen, meeste verbindingen eerst; verfijn met de filters.",
                       "Only the first {count} nodes, most ties first; narrow down with the filters."),
    "statement.title": ("Toegankelijkheidsverklaring", "Accessibility statement"),
    "statement.intro": (
        "Logistics Overijssel wil dat iedereen deze website kan gebruiken, ook met een schermlezer, alleen het "
        "toetsenbord of een vergroting. Wij houden ons aan de richtlijnen WCAG 2.1 op niveau AA, de norm voor "
        "Nederlandse overheden.",
        "Logistics Overijssel wants everyone to be able to use this website, also with a screen reader, the "
        "keyboard alone or magnification. We follow the WCAG 2.1 guidelines at level AA, the standard for Dutch "
        "public bodies."),
    "statement.tested_title": ("Wat wij testen en hoe", "What we test and how"),
    "statement.tested_axe": (
        "Bij elke wijziging van de software controleert een automatische test elke pagina met axe-core 4 op de "
        "regels van WCAG 2.0 en 2.1, niveau A en AA: voor elke rol (beheerder, coördinator, organisator, "
        "stuurgroep) en voor bezoekers zonder account, op een breed scherm (1366 px) en een telefoon (390 px), "
        "nadat de pagina haar gegevens heeft geladen. Een gevonden fout houdt de wijziging tegen.",
        "With every change to the software an automatic test checks every page with axe-core 4 against the rules "
        "of WCAG 2.0 and 2.1, levels A and AA: for every role (administrator, coordinator, organiser, steering "
        "group) and for visitors without an account, on a wide screen (1366 px) and a phone (390 px), once the "
        "page has loaded its data. A violation found stops the change."),
    "statement.tested_keyboard": (
        "Een tweede test doet de openbare aanmelding en het aanmaken van een organisatie met alleen het "
        "toetsenbord: elke stap bereikbaar, de focus zichtbaar, een link 'Naar de inhoud' als eerste tabstop, "
        "dialogen die de focus vasthouden en teruggeven.",
        "A second test does the public registration and creating an organisation with the keyboard alone: every "
        "step reachable, the focus visible, a 'Skip to content' link as the first tab stop, dialogs that hold "
        "the focus and give it back."),
    "statement.done_title": ("Wat wij daarvoor hebben gedaan", "What we did for it"),
    "statement.done": (
        "Kleuren van knoppen, links en meldingen halen een contrast van ten minste 4,5:1; knoppen met alleen "
        "een pictogram en keuzelijsten hebben een naam; foutmeldingen staan bij hun veld en worden voorgelezen; "
        "de netwerkkaart heeft dezelfde gegevens ook als tabel; de taal van de pagina en de titel van het "
        "tabblad volgen de gekozen taal.",
        "Colours of buttons, links and messages reach a contrast of at least 4.5:1; buttons with only an icon "
        "and drop-down lists have a name; error messages sit with their field and are read out; the network "
        "map has the same data as a table too; the page's language and the tab's title follow the chosen "
        "language."),
    "statement.limits_title": ("Wat (nog) niet is getest", "What is not tested (yet)"),
    "statement.limits": (
        "Een automatische test vindt niet alles. De pagina's zijn niet getest door mensen met een beperking "
        "en niet met elke schermlezer. De grafieken op het dashboard en de getekende netwerkkaart zijn "
        "afbeeldingen; hun cijfers staan ook in tabellen en downloads.",
        "An automatic test does not find everything. The pages have not been tested by people with a "
        "disability, nor with every screen reader. The dashboard's charts and the drawn network map are "
        "pictures; their figures are also in tables and downloads."),
    "statement.contact_title": ("Iets niet bruikbaar?", "Something you cannot use?"),
    "statement.contact": (
        "Laat het ons weten via uw contactpersoon bij Logistics Overijssel of het e-mailadres in de bevestiging "
        "van uw aanmelding. Wij antwoorden binnen vijf werkdagen en zoeken samen met u een oplossing.",
        "Let us know through your contact at Logistics Overijssel or the email address in your registration's "
        "confirmation. We answer within five working days and find a solution with you."),
    "statement.back": ("Terug", "Back"),
})

# the ecosystem map: grouping the whole network by region or kind
STRINGS.update({
    "map.group_by": ("Groepeer op", "Group by"),
    "map.group.region": ("Regio", "Region"),
    "map.group.kind": ("Soort", "Kind"),
    "map.group.none": ("Geen", "None"),
    "map.opened": ("Open groepen:", "Open groups:"),
    "map.close_group": ("Sluit groep", "Close group"),
    "map.close_all": ("Alle groepen sluiten", "Close all groups"),
})


def page_title(key: str, site: str = "app.name") -> rx.Var:
    """A browser tab's title in the chosen language: "<page> · <site>" (``key`` None-like
    '' gives the site alone)."""
    site_nl, site_en = _pair(site)
    if not key:
        return pick(site_nl, site_en)
    nl, en = _pair(key)
    return pick(f"{nl} · {site_nl}", f"{en} · {site_en}")
