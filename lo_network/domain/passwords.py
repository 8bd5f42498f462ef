"""Is a password one of the very common ones? (A small offline list plus simple patterns.)

Length is checked by the caller (against ``MIN_PASSWORD``, declared here for the rule and for the
hint of the users page); this module catches the long
but guessable ones: well-known passwords and keyboard runs padded to 12+ characters, one
character repeated, the email's own name, and too few different characters."""

from __future__ import annotations

import re

MIN_PASSWORD = 12  # characters, at least

# The base words of the most used passwords (public breach top lists, Dutch ones added).
# A password is common when, with digits and punctuation stripped from its ends and
# lower-cased, it is one of these, or is one of these repeated.
_COMMON_WORDS = frozenset("""
password passw0rd wachtwoord welkom welcome qwerty qwertyuiop qwertz azerty asdfgh asdfghjkl
zxcvbn zxcvbnm letmein admin administrator beheerder iloveyou monkey dragon master sunshine
princess football voetbal baseball shadow superman batman trustno1 abc abcdef abcdefgh
abcdefghijkl abc123 secret geheim changeme veranderen test testtest logistiek logistics
overijssel zwolle enschede deventer hengelo almelo twente ajax feyenoord psv hallo hello
login gebruiker user default starwars whatever freedom michael jennifer hunter
""".split())
_RUNS = ("0123456789", "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz")


def _core(password: str) -> str:
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", password.lower())


def is_common(password: str, email: str = "") -> bool:
    low = password.lower()
    if len(set(low)) < 5:  # "aaaaaaaaaaaa", "abababababab", "111122223333"
        return True
    if any(low in run * 3 for run in _RUNS):  # "123456789012", "qwertyuiopqw"
        return True
    core = _core(password)
    if not core or core in _COMMON_WORDS:  # "Password1234!", "welkom2024!!", "123456789!@#"
        return True
    for word in _COMMON_WORDS:  # a common word repeated: "wachtwoordwachtwoord"
        if len(word) >= 3 and core.replace(word, "") == "":
            return True
    local = email.split("@")[0].lower().strip()
    if len(local) >= 3 and _core(local) and core == _core(local):  # "anna.jansen2024"
        return True
    return False
