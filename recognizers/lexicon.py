"""How common an English word is: to tell a name or a place from an ordinary word when the
text gives no capitals to tell by ("please ask for théodore gosselin", "ACCOUNT HOLDER IS
LIWIA NIESZPOREK", "roaming in offagna").

The counts are the English word-frequency list that `pyspellchecker` ships (about 160,000
words with their counts in a large English corpus). A word counted fewer than COMMON times
(or not at all) is no everyday English word: most names and places of the world are such
words. Names that are everyday words ("Rose", "Hill") are still common; the census name lists
and NER look after those.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources

COMMON = 1_000
# The names of the months and the days of the week.
CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# What a form's field holds when nothing is filled in ("Name: unknown", "City: n/a").
EMPTY_VALUE_WORDS = frozenset(
    [
        "unknown",
        "anonymous",
        "withheld",
        "private",
        "hidden",
        "blocked",
        "restricted",
        "none",
        "nil",
        "n/a",
        "na",
        "same",
        "self",
        "tbd",
        "tbc",
        "pending",
        "various",
        "multiple",
        "other",
        "unavailable",
        "redacted",
        "removed",
        "not",
        "see",
        "as",
        "above",
        "below",
        "unchanged",
        "new",
        "blank",
        "empty",
        "missing",
        "test",
    ]
)
# Everyday words of this domain and calendar that the general list counts rarely.
ORDINARY = (
    CALENDAR_WORDS
    | frozenset(
        [
            "router",
            "modem",
            "outage",
            "sim",
            "esim",
            "imei",
            "imsi",
            "iccid",
            "wifi",
            "wi-fi",
            "apn",
            "lte",
            "5g",
            "4g",
            "3g",
            "volte",
            "voicemail",
            "hotspot",
            "bluetooth",
            "roaming",
            "prepaid",
            "postpaid",
            "topup",
            "top-up",
            "sms",
            "mms",
            "mbps",
            "gbps",
            "kbps",
            "gb",
            "mb",
            "kb",
            "tv",
            "app",
            "apps",
            "iphone",
            "android",
            "galaxy",
            "pixel",
            "ipad",
            "login",
            "logon",
            "signup",
            "unsubscribe",
            "reboot",
            "resync",
            "config",
            "ethernet",
            "fibre",
            "fiber",
            "broadband",
            "dongle",
            "netflix",
            "spotify",
            "whatsapp",
            "paypal",
            "visa",
            "mastercard",
            "amex",
            "okay",
            "ok",
            "yeah",
            "yep",
            "nope",
            "hmm",
            "uh",
            "um",
            "erm",
            "hi",
            "hello",
            "bye",
            "thanks",
            "thx",
            "pls",
            "plz",
            "cuz",
            "gonna",
            "wanna",
            "gotta",
            "ticket",
            "refund",
            "invoice",
            "billing",
            "ps",
        ]
    )
    | frozenset(
        # Makers of phones and routers, and carriers: in support text they stand where names
        # would ("my xiaomi redmi", "moved to vodafone") and are no names.
        [
            "xiaomi",
            "huawei",
            "redmi",
            "oneplus",
            "motorola",
            "nokia",
            "samsung",
            "verizon",
            "vodafone",
            "telekom",
            "oppo",
            "realme",
            "zte",
            "alcatel",
            "lenovo",
            "asus",
            "netgear",
            "linksys",
            "airtel",
            "jio",
            "tmobile",
            "t-mobile",
            "telstra",
            "optus",
            "movistar",
            "claro",
            "telcel",
            "macbook",
            "chromecast",
            "firestick",
            "sagemcom",
            "zyxel",
            "fritzbox",
            "fritz",
            "tp-link",
            "tplink",
            "htc",
            "meizu",
            "tecno",
            "infinix",
            "itel",
            "poco",
            "vivo",
            "honor",
            "orange",
            "sfr",
            "bouygues",
            "swisscom",
            "proximus",
            "telia",
            "telenor",
            "tele2",
            "kpn",
            "ziggo",
            "wind",
            "tre",
            "iliad",
            "free",
            "lycamobile",
            "lebara",
            "giffgaff",
            "tesco",
            "ee",
            "o2",
            "bt",
            "sky",
            "virgin",
        ]
    )
    | frozenset(
        # Abbreviations of networking the general list lacks; commands are made of them ("ipconfig", "flushdns").
        [
            "ip",
            "dns",
            "dhcp",
            "vpn",
            "ssid",
            "wan",
            "lan",
            "isp",
            "url",
            "pc",
            "os",
            "usb",
            "nat",
            "ssh",
            "http",
            "https",
            "tcp",
            "udp",
            "ping",
            "wps",
            "ont",
            "olt",
            "gpon",
            "dsl",
            "adsl",
            "vdsl",
            "pppoe",
            "mtu",
            "qos",
        ]
    )
    | frozenset(
        # Words of support desks the general list lacks: "callback requested", "autopay failed".
        [
            "callback",
            "callbacks",
            "helpdesk",
            "hotline",
            "backend",
            "frontend",
            "checkout",
            "autopay",
            "paperless",
            "ebill",
            "ebilling",
            "eshop",
            "webchat",
            "livechat",
            "chatbot",
        ]
    )
    | frozenset(
        # Telecom terms, and brands of phones, networks and payments, none of them a name:
        # "the voip line drops", "my lumia", "paid with klarna".
        [
            "voip",
            "vowifi",
            "esim",
            "esims",
            "volte",
            "ussd",
            "puk",
            "docsis",
            "upnp",
            "jitter",
            "payg",
            "msisdn",
            "lumia",
            "ubiquiti",
            "unifi",
            "orbi",
            "bbox",
            "lyca",
            "voxi",
            "metropcs",
            "viasat",
            "hulu",
            "tiktok",
            "zelle",
            "revolut",
            "klarna",
        ]
    )
)


@lru_cache(maxsize=1)
def english_counts() -> dict[str, int]:
    with resources.files("spellchecker.resources").joinpath("en.json.gz").open("rb") as raw:
        counts: dict[str, int] = json.loads(gzip.decompress(raw.read()))
        return counts


@lru_cache(maxsize=1)
def _foreign_everyday() -> frozenset[str]:
    from recognizers import wordlists

    return frozenset(wordlists.read("foreign-everyday-words"))


def is_foreign_everyday(word: str) -> bool:
    """Whether `word` is an everyday word of another language written in Latin letters and no
    name of the lists ("familie", "của", "między"; recognizers/data/foreign-everyday-words)."""
    return word.lower().replace("’", "'") in _foreign_everyday()


@lru_cache(maxsize=1)
def _foreign_text_words() -> frozenset[str]:
    from recognizers import wordlists

    return _foreign_everyday() | frozenset(wordlists.read("foreign-text-words"))


def is_foreign_text_word(word: str) -> bool:
    """Whether `word` is among the 10,000 most frequent words of another language (and no name
    of the lists): enough to tell a text's language by, not to say a word is no name (those
    lists hold "codruț" and "sancak": names are frequent words of the text they are in)."""
    return word.lower().replace("’", "'") in _foreign_text_words()


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def in_another_language(text: str) -> bool:
    """Whether `text` reads as another language than English: of its words, more are frequent
    words of another language than everyday English (and two at least)."""
    words = _WORD.findall(text)
    if len(words) < 4:
        return False
    foreign = sum(is_foreign_text_word(w) for w in words)
    return foreign >= 2 and foreign > sum(is_common_english(w) for w in words)


_APOSTROPHE_S = re.compile(r"(?<=[^\W\d_])['’]s(?![^\W\d_])")


def reads_as_english(text: str) -> bool:
    """Whether `text` is plainly English: three everyday English words at least (of three letters
    or more), a third of its words or more, and more than the everyday words of another
    language. Words no list knows stand out in such text as names; in text of another language
    (or too short to tell) they are most often that language's words ("tekutina záviset").
    A short text counts too when half its words are everyday English and none is an everyday
    word of another language ("HANDSET INSURED FOR DENÍEL, 03.12.1995")."""
    words = _WORD.findall(text)
    # An "'s" ("Korutürk's phone", "it's") is English grammar, whatever the word it ends.
    english = sum(len(w) >= 3 and is_common_english(w) for w in words) + len(_APOSTROPHE_S.findall(text))
    foreign = sum(is_foreign_text_word(w) for w in words)
    if english >= 3:
        return english * 3 >= len(words) and english > foreign
    return english == 2 and english * 2 >= len(words) and foreign == 0


def is_typo_of_common(word: str) -> bool:
    """Whether `word` is an everyday word with two neighbouring letters swapped ("fiexd",
    "foru", "secruity"), the commonest typing slip: such a word is no name."""
    w = word.lower()
    counts = english_counts()
    return any(counts.get(w[:i] + w[i + 1] + w[i] + w[i + 2 :], 0) >= COMMON for i in range(len(w) - 1) if w[i] != w[i + 1])


def is_common_english(word: str) -> bool:
    """Whether `word` (any case; parts of a hyphenated or possessive word each) is everyday English."""
    counts = english_counts()
    parts = [p for p in word.lower().replace("’", "'").removesuffix("'s").split("-") if p]
    return bool(parts) and all(p in ORDINARY or counts.get(p, 0) >= COMMON for p in parts)


# Attested English: a word the frequency list has seen this often is a word of the language,
# if a rare one ("comptroller", "heuristic", "bifurcated"), whatever else it may also be.
ATTESTED = 100
# Prefixes written before a hyphen ("multi-tiered", "non-volatile"): words only as parts.
HYPHEN_PREFIXES = frozenset(
    [
        "multi",
        "non",
        "pre",
        "post",
        "anti",
        "semi",
        "sub",
        "inter",
        "intra",
        "cross",
        "self",
        "co",
        "re",
        "pro",
        "ultra",
        "micro",
        "macro",
        "mid",
        "bi",
        "tri",
        "e",
    ]
)


@lru_cache(maxsize=1)
def _modern_english() -> frozenset[str]:
    from recognizers import wordlists

    return frozenset(wordlists.read("english-modern-words"))


def is_english_vocabulary(word: str, modern: bool = True) -> bool:
    """Whether every part of `word` (any case; hyphenated parts each) is an attested English
    word: the test that a span a model called a name is made of vocabulary only. Attested by
    the frequency list or by the words of chats and notes it lacks ("tech", "selfie", "lol";
    recognizers/data/english-modern-words; modern=False: the frequency list alone)."""
    counts = english_counts()
    chat = _modern_english() if modern else frozenset()
    parts = [p for p in word.lower().replace("’", "'").removesuffix("'s").split("-") if p]
    return bool(parts) and all(
        p in ORDINARY or _attested(p, counts) or p in chat or (p in HYPHEN_PREFIXES and i < len(parts) - 1) or _contraction(p, counts)
        for i, p in enumerate(parts)
    )


# The endings English contracts a verb to ("you're", "we'll", "they'd"); the frequency list
# holds some contractions and not others.
_CONTRACTED = frozenset(["re", "ve", "ll", "d", "m", "t"])


def _contraction(word: str, counts: dict[str, int]) -> bool:
    head, apostrophe, tail = word.partition("'")
    return bool(apostrophe) and tail in _CONTRACTED and (head in ORDINARY or _attested(head, counts))


# British spellings and their American twins, which the frequency list counts more often:
# "itemised", "colour", "centre", "travelled", "catalogue".
_BRITISH = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("ises", "izes"), ("our", "or"), ("ours", "ors"),
            ("tre", "ter"), ("tres", "ters"), ("lled", "led"), ("lling", "ling"), ("ogue", "og"), ("ence", "ense"))  # fmt: skip


def _attested(word: str, counts: dict[str, int]) -> bool:
    """The word, or the word it is inflected from ("tiered", "faceted", "routers"), or its
    American spelling ("itemised")."""
    if counts.get(word, 0) >= ATTESTED:
        return True
    for british, american in _BRITISH:
        if word.endswith(british) and len(word) > len(british) + 2 and _inflected(word[: -len(british)] + american, counts):
            return True
    return _inflected(word, counts)


def _inflected(word: str, counts: dict[str, int]) -> bool:
    if counts.get(word, 0) >= ATTESTED:
        return True
    for ending in ("ed", "ing", "es", "s", "er"):
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= 3 and (counts.get(stem, 0) >= ATTESTED or counts.get(stem + "e", 0) >= ATTESTED):
            return True
    return False
