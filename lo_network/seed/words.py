"""The building blocks of the fictional demo network: places, name parts, job titles.

Company and person names are generated from these parts; any likeness to a real company or
person is accidental. Real public bodies appear by their real names only as institutions
(a municipality, the province, the ports), never with a street address, KvK number or a
real person; their websites are under the reserved ``.example`` domain.
"""

from __future__ import annotations

# region -> [(city, municipality, (lowest postcode, highest postcode), weight)]
# Postcodes are four-digit Dutch ranges; cities across the border carry German ones.
PLACES: dict[str, list[tuple[str, str, tuple[int, int], int]]] = {
    "deventer": [
        ("Deventer", "Deventer", (7411, 7429), 10), ("Bathmen", "Deventer", (7437, 7437), 1),
        ("Olst", "Olst-Wijhe", (8121, 8121), 2), ("Wijhe", "Olst-Wijhe", (8131, 8131), 1),
        ("Raalte", "Raalte", (8101, 8102), 3), ("Heino", "Raalte", (8141, 8141), 1),
    ],
    "twente": [
        ("Enschede", "Enschede", (7511, 7548), 8), ("Hengelo", "Hengelo", (7550, 7559), 7),
        ("Almelo", "Almelo", (7600, 7609), 6), ("Oldenzaal", "Oldenzaal", (7570, 7577), 3),
        ("Borne", "Borne", (7621, 7623), 2), ("Haaksbergen", "Haaksbergen", (7480, 7483), 2),
        ("Losser", "Losser", (7581, 7582), 1), ("Goor", "Hof van Twente", (7471, 7472), 2),
        ("Delden", "Hof van Twente", (7491, 7491), 1), ("Nijverdal", "Hellendoorn", (7441, 7443), 2),
        ("Wierden", "Wierden", (7641, 7642), 2), ("Vriezenveen", "Twenterand", (7671, 7672), 1),
        ("Tubbergen", "Tubbergen", (7651, 7651), 1), ("Denekamp", "Dinkelland", (7591, 7591), 1),
        ("Rijssen", "Rijssen-Holten", (7461, 7463), 3), ("Holten", "Rijssen-Holten", (7451, 7451), 1),
    ],
    "zwolle": [
        ("Zwolle", "Zwolle", (8011, 8047), 10), ("Kampen", "Kampen", (8261, 8266), 4),
        ("Dalfsen", "Dalfsen", (7721, 7722), 1), ("Nieuwleusen", "Dalfsen", (7711, 7711), 1),
        ("Hardenberg", "Hardenberg", (7771, 7773), 3), ("Ommen", "Ommen", (7731, 7731), 1),
        ("Staphorst", "Staphorst", (7951, 7951), 1), ("Genemuiden", "Zwartewaterland", (8281, 8281), 2),
        ("Hasselt", "Zwartewaterland", (8061, 8061), 1),
    ],
    "other_overijssel": [
        ("Steenwijk", "Steenwijkerland", (8331, 8335), 3), ("Vollenhove", "Steenwijkerland", (8325, 8325), 1),
        ("Oldemarkt", "Steenwijkerland", (8375, 8375), 1), ("Giethoorn", "Steenwijkerland", (8355, 8355), 1),
    ],
    "outside_overijssel": [
        ("Apeldoorn", "Apeldoorn", (7311, 7339), 3), ("Zutphen", "Zutphen", (7201, 7207), 2),
        ("Meppel", "Meppel", (7941, 7944), 2), ("Arnhem", "Arnhem", (6811, 6846), 2),
        ("Rotterdam", "Rotterdam", (3011, 3089), 3), ("Venlo", "Venlo", (5911, 5928), 2),
        ("Amersfoort", "Amersfoort", (3811, 3829), 1), ("Nordhorn", "Nordhorn", (48527, 48531), 1),
        ("Gronau", "Gronau", (48599, 48599), 1),
    ],
}

# How the generated organisations spread over the regions (the fixed institutions aside).
REGION_WEIGHTS = {"deventer": 22, "twente": 31, "zwolle": 25, "other_overijssel": 6, "outside_overijssel": 16}

# Words a region gives its companies' names, and the rivers behind their brand names.
REGION_ADJECTIVES = {
    "deventer": ["Sallandse", "Deventer", "IJssel"],
    "twente": ["Twentse", "Oost-Twentse", "Regge"],
    "zwolle": ["Zwolse", "Vecht", "IJsseldelta"],
    "other_overijssel": ["Noordwest-Overijsselse", "Kop van Overijssel", "Wieden"],
    "outside_overijssel": ["Oost-Nederlandse", "Benelux", "Euro"],
}
REGION_RIVERS = {
    "deventer": ["IJssel", "Schipbeek", "Salland"],
    "twente": ["Regge", "Dinkel", "Twente", "Berkel"],
    "zwolle": ["Vecht", "Hanze", "Zwartewater"],
    "other_overijssel": ["Linde", "Wieden", "Kop"],
    "outside_overijssel": ["Delta", "Rijn", "Noord"],
}
BRAND_ENDINGS = ["Trans", "Cargo", "Log", "Flow", "Link", "Line", "Point", "Hub", "Flex"]

STREETS = [
    "Industrieweg", "Havenweg", "Transportweg", "Nijverheidsweg", "Handelsweg", "Ambachtsweg",
    "Expeditieweg", "Containerweg", "Kanaalweg", "Europaweg", "Edisonstraat", "Marconistraat",
    "Zeilmakerstraat", "Binnenhaven", "Energieweg", "Distributieweg", "Logistiekstraat",
    "Veerweg", "Schipperstraat", "Spoorweg", "Laan van de Industrie", "Bedrijvenpark Oost",
]

# Common Dutch and Twents/Sallands family names (well-known logistics names left out).
SURNAMES = [
    "Jansen", "de Vries", "van den Berg", "van Dijk", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
    "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
    "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
    "de Jong", "Schouten", "Nijhuis", "Kamphuis", "Wolters", "ter Horst", "Oude Egberink",
    "Reinders", "Kuipers", "Haverkate", "Scholten", "Lammers", "Wesselink", "Klein Gunnewiek",
    "Tijhuis", "Brinkhuis", "Grootenhuis", "Hofman", "Veldhuis", "Olthof", "Bruggink", "Hulshof",
    "Oosterveld", "Mensink", "Roelofs", "Hogeveen", "Dijkhuis", "Boerrigter", "Leferink",
    "Holtkamp", "Snijders", "Pasman", "Lubbers", "Eshuis", "Beld", "Morsink", "Geerdink",
    "Slot", "Wiggers", "Hekman", "Zwiers", "Bouwhuis", "Stegeman", "Schuurman", "Heerink",
    "Harmsen", "Jonker", "Koster", "Prins", "Willems", "Evers", "Post", "Huisman", "Timmerman",
]
FIRST_NAMES = [
    "Anna", "Emma", "Sanne", "Lisa", "Fleur", "Iris", "Lotte", "Eva", "Sophie", "Marieke",
    "Anouk", "Femke", "Ilse", "Linda", "Monique", "Esther", "Karin", "Ingrid", "Petra", "Yvonne",
    "Nicole", "Hanneke", "Miriam", "Joyce", "Nadia", "Fatma", "Ayse", "Priya", "Mila", "Noor",
    "Jan", "Pieter", "Kees", "Henk", "Gerrit", "Bert", "Johan", "Erik", "Mark", "Martijn",
    "Jeroen", "Bas", "Thijs", "Ruben", "Daan", "Lars", "Tim", "Niels", "Sander", "Wouter",
    "Rick", "Bram", "Stijn", "Joost", "Harm", "Gert-Jan", "Arjan", "Rob", "Frank", "Mohamed",
    "Ahmet", "Youssef", "Dennis", "Koen", "Luuk", "Jesse", "Hendrik", "Willem", "Marco", "Ronald",
]
INITIALS = "ABCDEFGHIJKLMNPRSTW"

# Name patterns per company sub-kind; {surname}, {adjective} and {brand} are filled in.
COMPANY_PATTERNS: dict[str, list[str]] = {
    "carrier": [
        "{surname} Transport", "Transportbedrijf {surname}", "{surname} Wegtransport",
        "{surname} Internationaal Transport", "{adjective} Koeltransport", "{surname} Containervervoer",
        "Binnenvaartbedrijf {surname}", "Rederij {brand}", "{brand} Rail Cargo", "{surname} Bulktransport",
    ],
    "lsp": [
        "{surname} Logistiek", "{brand} Logistics", "{adjective} Koel Logistiek", "{surname} Warehousing",
        "Expeditiebedrijf {surname}", "{brand} Fulfilment", "{surname} Distributie",
        "{adjective} Opslag & Distributie", "{brand} Forwarding", "{adjective} Logistiek Centrum",
    ],
    "shipper": [
        "{surname} Food", "{adjective} Zuivel", "{surname} Agri", "{brand} Meubelen",
        "{surname} Bouwmaterialen", "{adjective} Groothandel", "{surname} Diervoeders", "{brand} Retail",
        "{adjective} Vleeswaren", "{brand} Papier",
    ],
    "manufacturer": [
        "{surname} Metaal", "{brand} Kunststoffen", "{surname} Machinebouw", "{adjective} Precisietechniek",
        "{brand} Textiel", "{surname} Staalbouw", "{adjective} Composieten", "{brand} Elektrotechniek",
        "{surname} Gieterij", "{adjective} Verpakkingsindustrie",
    ],
    "other": [
        "{surname} Consultancy", "{brand} Software", "{adjective} Uitzendbureau Logistiek",
        "{surname} Truckservice", "{brand} Verpakkingen", "{surname} Advies", "{brand} Telematica",
        "{surname} Bedrijfswagens", "{adjective} Laadinfra",
    ],
}
COMPANY_TYPE_WEIGHTS = {"carrier": 30, "lsp": 28, "shipper": 18, "manufacturer": 16, "other": 8}
# Demo companies by size class; "unknown" leaves it empty (not every size is known)
SIZE_CLASS_WEIGHTS = {"micro": 30, "small": 32, "medium": 16, "large": 5, "unknown": 17}
LEGAL_FORMS = [("", 25), (" B.V.", 57), (" V.O.F.", 8), (" & Zn.", 6), (" Holding B.V.", 4)]

# Fictional institutions beyond the fixed real ones, so every kind grows with the network.
INSTITUTION_PATTERNS: dict[str, list[str]] = {
    "knowledge_institute": ["Kenniscentrum {topic} {city}", "Lectoraat {topic} {city}",
                            "Onderzoeksgroep {topic} {city}"],
    "education": ["Vakschool Transport {city}", "Logistiek Opleidingscentrum {city}",
                  "Praktijkschool Logistiek {city}", "Leerwerkbedrijf Logistiek {city}"],
    "branch_association": ["Ondernemersvereniging {city}", "Logistieke Kring {city}",
                           "Vereniging Transportondernemers {city}", "Bedrijvenkring {city}"],
    "port_network": ["Logistiek Netwerk {city}", "Havenoverleg {city}", "Smart Hub {city}"],
}
INSTITUTION_TOPICS = [
    "Duurzame Logistiek", "Supply Chain Innovatie", "Binnenvaart", "Slimme Mobiliteit",
    "Circulaire Ketens", "Logistieke Robotica", "Data & Logistiek", "Zero-Emissie Transport",
    "Havenontwikkeling", "Grensoverschrijdende Logistiek",
]
# kind -> weight among the generated (not fixed) organisations
GENERATED_KIND_WEIGHTS = {
    "company": 88, "knowledge_institute": 3, "education": 3, "branch_association": 4, "port_network": 2,
}

# Real public institutions: (name, kind, city, region). No address, KvK or real people.
INSTITUTIONS: list[tuple[str, str, str, str]] = [
    ("Port of Deventer", "port_network", "Deventer", "deventer"),
    ("Port of Twente", "port_network", "Hengelo", "twente"),
    ("Port of Zwolle", "port_network", "Zwolle", "zwolle"),
    ("Logistics Overijssel", "port_network", "Zwolle", "zwolle"),
    ("Provincie Overijssel", "government", "Zwolle", "zwolle"),
    ("Regio Twente", "government", "Enschede", "twente"),
    ("Regio Zwolle", "government", "Zwolle", "zwolle"),
    ("Rijkswaterstaat Oost-Nederland", "government", "Arnhem", "outside_overijssel"),
    ("Ministerie van Infrastructuur en Waterstaat", "government", "Den Haag", "outside_overijssel"),
    ("Provincie Gelderland", "government", "Arnhem", "outside_overijssel"),
    ("EUREGIO", "government", "Gronau", "outside_overijssel"),
    ("Universiteit Twente", "knowledge_institute", "Enschede", "twente"),
    ("TNO", "knowledge_institute", "Den Haag", "outside_overijssel"),
    ("Wageningen University & Research", "knowledge_institute", "Wageningen", "outside_overijssel"),
    ("Saxion", "education", "Enschede", "twente"),
    ("Hogeschool Windesheim", "education", "Zwolle", "zwolle"),
    ("ROC van Twente", "education", "Hengelo", "twente"),
    ("Deltion College", "education", "Zwolle", "zwolle"),
    ("Aventus", "education", "Deventer", "deventer"),
    ("Landstede", "education", "Zwolle", "zwolle"),
    ("Transport en Logistiek Nederland", "branch_association", "Zoetermeer", "outside_overijssel"),
    ("evofenedex", "branch_association", "Zoetermeer", "outside_overijssel"),
] + [
    (f"Gemeente {m}", "municipality", city, region)
    for m, city, region in [
        ("Deventer", "Deventer", "deventer"), ("Olst-Wijhe", "Wijhe", "deventer"),
        ("Raalte", "Raalte", "deventer"), ("Rijssen-Holten", "Rijssen", "twente"),
        ("Enschede", "Enschede", "twente"), ("Hengelo", "Hengelo", "twente"), ("Almelo", "Almelo", "twente"),
        ("Oldenzaal", "Oldenzaal", "twente"), ("Borne", "Borne", "twente"),
        ("Haaksbergen", "Haaksbergen", "twente"), ("Losser", "Losser", "twente"),
        ("Hof van Twente", "Goor", "twente"), ("Hellendoorn", "Nijverdal", "twente"),
        ("Wierden", "Wierden", "twente"), ("Twenterand", "Vriezenveen", "twente"),
        ("Tubbergen", "Tubbergen", "twente"), ("Dinkelland", "Denekamp", "twente"),
        ("Zwolle", "Zwolle", "zwolle"), ("Kampen", "Kampen", "zwolle"), ("Dalfsen", "Dalfsen", "zwolle"),
        ("Hardenberg", "Hardenberg", "zwolle"), ("Ommen", "Ommen", "zwolle"),
        ("Staphorst", "Staphorst", "zwolle"), ("Zwartewaterland", "Hasselt", "zwolle"),
        ("Steenwijkerland", "Steenwijk", "other_overijssel"),
        ("Apeldoorn", "Apeldoorn", "outside_overijssel"), ("Zutphen", "Zutphen", "outside_overijssel"),
    ]
]

# kind (or company sub-kind) -> job titles; the first is the usual first contact.
JOB_TITLES: dict[str, list[str]] = {
    "carrier": ["Directeur-eigenaar", "Transportplanner", "Fleetmanager", "Operationeel manager",
                "Accountmanager", "Duurzaamheidscoördinator", "HR-adviseur", "Commercieel directeur"],
    "lsp": ["Algemeen directeur", "Logistiek manager", "Warehouse manager", "Teamleider warehouse",
            "Customer service medewerker", "Douanespecialist", "Business development manager"],
    "shipper": ["Supply chain manager", "Logistiek manager", "Inkoper", "Hoofd expeditie",
                "Exportmanager", "Operationeel directeur"],
    "manufacturer": ["Directeur", "Supply chain manager", "Hoofd logistiek", "Inkoper",
                     "Productieplanner", "Exportmanager"],
    "other": ["Eigenaar", "Adviseur", "Accountmanager", "Projectleider", "Sales manager"],
    "knowledge_institute": ["Onderzoeker supply chain", "Projectleider", "Programmamanager logistiek",
                            "Promovendus", "Valorisatieadviseur"],
    "education": ["Opleidingsmanager logistiek", "Docent logistiek", "Stagecoördinator",
                  "Teamleider Logistiek & Mobiliteit", "Coördinator bedrijfscontacten"],
    "municipality": ["Accountmanager bedrijven", "Beleidsadviseur economische zaken",
                     "Beleidsmedewerker mobiliteit", "Projectleider bedrijventerreinen"],
    "port_network": ["Programmamanager", "Accountmanager haven", "Netwerkcoördinator",
                     "Projectleider havenontwikkeling", "Communicatieadviseur"],
    "government": ["Beleidsadviseur goederenvervoer", "Programmamanager logistiek",
                   "Adviseur bereikbaarheid", "Projectleider vaarwegen"],
    "branch_association": ["Regiomanager", "Beleidsadviseur", "Accountmanager leden", "Secretaris"],
}

ORGANISATION_TAGS: dict[str, list[str]] = {
    "carrier": ["wegtransport", "binnenvaart", "koeltransport", "spoor", "container", "zero-emissie", "waterstof"],
    "lsp": ["warehousing", "e-commerce", "douane", "cross-dock", "koelvers", "fulfilment"],
    "shipper": ["agro", "food", "export", "bouw"],
    "manufacturer": ["maakindustrie", "high-tech", "export", "kunststof"],
    "other": ["advies", "ict", "arbeidsmarkt"],
    "network": ["nsbc", "handelsmissie-baltics", "beurs-munchen", "living-lab", "digital-twin-twentekanalen",
                "kornwerderzand", "cross-border", "stageplaatsen", "dag-van-de-logistiek"],
}
PERSON_TAGS = ["nieuwsbrief", "spreker", "beursbezoeker", "werkgroep-duurzaamheid", "werkgroep-arbeidsmarkt",
               "handelsmissie-baltics", "logistiek-cafe"]

ORGANISATION_NOTES = [
    "Interesse in de handelsmissie naar de Baltische staten.",
    "Wil meedoen aan een living lab zero-emissie stadslogistiek.",
    "Zoekt stagiairs voor het komende studiejaar.",
    "Heeft vragen over de bereikbaarheid van het bedrijventerrein.",
    "Bezoekt jaarlijks transport logistic in München.",
    "Denkt na over verhuizing naar een locatie aan het water.",
    "Kandidaat voor de Dag van de Logistiek (bedrijfsbezoek).",
    "Wil aansluiten bij de werkgroep duurzaamheid.",
]
CONSENT_SOURCES = [
    "Aanmelding logistiek café", "Visitekaartje transport logistic", "Inschrijving nieuwsbrief",
    "Kennismakingsgesprek", "Deelnemersovereenkomst", "Aanmelding handelsmissie",
]
