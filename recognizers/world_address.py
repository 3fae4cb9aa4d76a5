"""Street addresses as the rest of the world writes them, as whole spans with postcode and city.

`street_address.py` reads the US and UK order ("20 Main Street, Apt 4"). Elsewhere the street
word comes first and the number after it ("Via Roma 42", "Calle Mayor 3", "ulica Długa 5",
"41 Odos Ermou"), or the street word is the end of one compound word ("Hafnarstræti 12",
"Hauptstraße 5", "Kalverstraat 92", "Storgatan 77", "Havnegade 87"). A house number next to
a street word is the evidence; the postcode and place that follow ("75002 Paris", ", Athens",
"SW1A 1AA London") are part of the address and of the span. Street words that are also English
words ("Place", "Route", "Via", "Square") count only when capitalized. Lower-case streets in
the US order count after "at", "from" or "to"; a postcode alone counts where one is said to
follow ("zip code is 94107") or as a US state and ZIP after a city. Addresses in Chinese,
Japanese and Korean writing are read by their administrative units and numbered parts; a street
with no street word by the number, postcode and town after it; an address block on several
lines by the lines that finish it.
"""

from __future__ import annotations

import re

import regex
from presidio_analyzer import LocalRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.lexicon import CALENDAR_WORDS, is_common_english, is_english_vocabulary, is_typo_of_common
from recognizers.names import is_name_word, surnames
from recognizers.person import unknown_word
from recognizers.registry import AllOf, AnyOf, FirstWords, Substrings, WordEndings, register, result
from recognizers.street_address import HOUSE_NUMBER, STREET_SUFFIX, SUFFIX_WORDS, StreetAddressRecognizer

# Street words that stand before the street's name, in any case.
_DISTINCT = [
    "viale",
    "piazza",
    "piazzale",
    "vicolo",
    "contrada",
    "strada",
    "calle",
    "callejón",
    "callejon",
    "avenida",
    "avda",
    "paseo",
    "carrer",
    "carretera",
    "travesía",
    "travesia",
    "rua",
    "travessa",
    "praça",
    "praca",
    "alameda",
    "estrada",
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "chemin",
    "allée",
    "allé",
    "allee",
    "impasse",
    "quai",
    "ulica",
    "ul.",
    "aleja",
    "al.",
    "osiedle",
    "plac",
    "pl.",
    "utca",
    "út",
    "körút",
    "tér",
    "köz",
    "sor",
    "sétány",
    "fasor",
    "rakpart",
    "odos",
    "odós",
    "leoforos",
    "leofóros",
    "bulevardul",
    "bulevar",
    "calea",
    "sokak",
    "sokağı",
    "caddesi",
    "cad.",
    "mahallesi",
    "phố",
    "pho",
    "đường",
    "duong",
    "straße",
    "strasse",
    # Romanian, Czech, Croatian, Spanish, Italian, Portuguese, Turkish and Vietnamese words of
    # the same kind, none of them an English word.
    "aleea",
    "intrarea",
    "splaiul",
    "șoseaua",
    "soseaua",
    "piața",
    "piata",
    "drumul",
    "fundătura",
    "fundatura",
    "náměstí",
    "nábřeží",
    "třída",
    "trg",
    "pasaje",
    "pasadizo",
    "glorieta",
    "urbanización",
    "lungomare",
    "rodovia",
    "bulvarı",
    "ngõ",
    "ngách",
    "hẻm",
    # More street types of Spanish, Portuguese, Italian and French, none an English word.
    "rambla", "vial", "cuesta", "bajada", "subida", "costanilla", "polígono", "sendero", "vereda",
    "quadra", "beco", "ladeira", "viela", "conjunto", "núcleo", "viaduto", "sítio", "loteamento", "passarela",
    "recanto", "chácara", "fazenda", "residencial", "setor", "trecho", "jardim",
    "incrocio", "borgo", "lungolago", "salita", "discesa", "traversa", "rotonda", "piazzetta", "circonvallazione", "località",
    "chaussée", "sentier", "ruelle", "voie", "rond-point", "hameau", "lieu-dit",
    # Brazil's other kinds of way (the Correios' list), none an English word.
    "pátio", "lagoa", "morro", "trevo", "aeroporto", "estação", "condomínio", "colônia", "esplanada", "favela",
    "área",  # with its accent ("area" is English)
    # Croatian kinds of way besides "ulica" and "trg" ("klanac grgura tepečića 1b").
    "klanac", "prilaz", "obala", "šetalište", "setaliste", "odvojak", "vijenac", "prolaz", "naselje",
    # Finnish kinds of way written apart after the name in the genitive ("Nils Westermarckin kuja
    # 706"); not "tie", an English word.
    "katu", "kuja", "polku", "väylä", "raitti", "kaari", "rinne", "katu",
]  # fmt: skip
# Street words that are English words too: only when capitalized ("Via Roma", not "via email").
_CAPITALIZED_ONLY = [
    "Via", "Corso", "Largo", "Place", "Route", "Square", "Cours", "Ronda", "Camino", "Carrera", "Plaza", "Praia", "Largo", "Ring", "Weg",
    "Vale", "Lago", "Feira", "Parque", "Distrito", "Stretto", "Vila",
    # Abbreviations of "Avenida" and "Rua" ("Av Castro, 14", "R. de Pinheiro, S/N"): "av" is
    # Swedish for "of" in lower case.
    "Av", "AV", "Av.", "AV.", "R.",
    "Acceso", "ACCESO",
]  # fmt: skip
# Endings of compound street names: German, Dutch, Nordic, Finnish, Hungarian, Icelandic, Slavic.
_ENDINGS = [
    "straße",
    "strasse",
    "str.",
    "gasse",
    "weg",
    "allee",
    "platz",
    "ring",
    "damm",
    "ufer",
    "steig",
    "pfad",
    "straat",
    "laan",
    "gracht",
    "plein",
    "kade",
    "singel",
    "dijk",
    "gade",
    "vej",
    "stræde",
    "torv",
    "väg",
    "vägen",
    "gatan",
    "gata",
    "gränd",
    "veien",
    "vegen",
    "gate",
    "katu",
    "tie",
    "kuja",
    "polku",
    "tori",
    "utca",
    "stræti",
    "braut",
    "vegur",
    "götu",
    "ulica",
    "cesta",
    "ulice",
    "trieda",
    "gatvė",
    "gatve",
    "iela",
    "tänav",
    "caddesi",
    "sokak",
    # More Dutch, Nordic and Finnish street endings ("Frederiquedreef", "Sivertsensvingen",
    # "Simonsentunet", "Jenssenkroken", "Evensenspranget").
    "dreef",
    "boulevard",  # "Damianboulevard 25"
    "steeg",
    "baan",
    "hof",
    "erf",
    "markt",
    "wal",
    "veld",
    "plantsoen",
    "svingen",
    "tunet",
    "kroken",
    "stien",
    "stigen",
    "bakken",
    "backen",
    "haugen",
    "åsen",
    "løkka",
    "jordet",
    "plassen",
    "spranget",
    "toppen",
    "lunden",
    "skogen",
    "grenda",
    "vænget",
    "torget",
    "rinne",
    "kaari",
]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# "9a/9" may lose its slash where punctuation is dropped (speech to text): "javorovac 9a9".
_HOUSE = r"\d{1,5}(?:[a-zA-Z]\d{1,2}(?!\d)|[a-zA-Z])?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)?\.?"
_NAME_WORD = r"[^\W\d_][\w'’.-]*"
_STREET_WORD = rf"(?:(?i:{_alternatives(_DISTINCT)})|{_alternatives(_CAPITALIZED_ONLY)})"
_COMPOUND = rf"[^\W\d_][\w'’-]*(?i:{_alternatives(_ENDINGS)})"
# What two letters after four digits are when they are no Dutch postcode: a unit, an ordinal.
_NOT_A_QUANTITY = r"(?!(?i:km|kg|kb|mb|gb|tb|ml|mg|hz|am|pm|th|st|nd|rd|ms)(?![a-z]))"
# What may follow an address: postcodes of many countries (Brazil's CEP with or without its
# dash, Ireland's Eircode, Czechia's "147 86" before its first three digits alone, Chile's and
# Israel's seven digits), then a capitalized place name.
_POSTCODE = (
    r"(?:(?i:[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}|[a-z]\d[a-z]\s?\d[a-z]\d|[a-z]\d{2}\s?[a-z\d]{4})|\d{3}\s\d{2}(?!\d)|\d{4}\s?[A-Z]{2}(?![A-Za-z])"
    # The Dutch code in lower case, written together ("7092sk"), not a quantity ("1000mb", "2019th").
    rf"|\d{{4}}{_NOT_A_QUANTITY}[a-z]{{2}}(?![A-Za-z])"
    # A country's letters before the code, in any case: "D-80331", "h-7197" (speech to text).
    r"|\d{3,6}(?:-\d{3,4})?|\d{7,8}|\d{2}-\d{3}|[A-Za-z]{1,2}-\d{4,5})"
)
# Letters only: "London NW1 6XE" is a place and then a postcode.
# Not the words a sentence goes on with after an address, which capitals write alike
# ("... CAMARGO, 26 KEEPS REBOOTING", "... 9 IS MY ADDRESS").
_SENTENCE_GOES_ON = r"(?!(?i:tel|phone|mobile|mob|fax|email|e-mail|keeps|kept|is|was|are|were|has|had|have|and|or|but|for|with|since|until|dropped|drops|needs|wants|keeps|asap|please|today|tomorrow|fault|ring|by|my|our|his|her|their|within|from|addressed|signed|delivered|returned|thanks|thank|yeah)(?![\p{L}\p{M}\d]))"
# Not a speaker's or a field's label ("...33219 baleares\nSupport: what's your zip?").
_PLACE_WORD = rf"{_SENTENCE_GOES_ON}\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?![\p{{L}}\p{{M}}\d]|:)"
# "Casa Grande do Campo", "Moraes da Praia": the small words that join place names too.
# Two of them in a row too: "Región de Magallanes y de la Antártica", "Valle del Cauca".
_PLACE = rf"{_PLACE_WORD}(?:[ -](?:(?:da|do|das|dos|de|del|di|la|le|los|las|y|sur|am|an|upon)\s+){{0,2}}{_PLACE_WORD}){{0,3}}"
# After a postcode, the place may be written in any case ("4784 ejby"): the postcode is evidence enough.
_PLACE_AFTER_POSTCODE = (
    r"(?!(?i:last|next|this|since|and|or|the|a|in|on|at|to|for|from|by|please|thanks|yesterday|today"
    # nor the sentence going on: "... h-2114 salgótarján addressed to ...", "... nin customer ..."
    r"|addressed|signed|delivered|returned|sent|customer|called|is|was|not|now|keeps|wants|until|yeah|ok|okay)\b)[^\W\d_][\w'’.-]*"
)
# A town's small joining word, in any case: "5105-443 alverca do ribatejo", "229474 viseu de sus".
_TOWN_PARTICLE = r"(?i:da|do|das|dos|de|del|di|la|le|na|nad|pod|sur|am|an|im|upon|en)"
# "599, Venkataraman Chowk, Ludhiana-595921": India's PIN code, six digits joined to the town.
_JOINED_PIN = r"-[1-9]\d{5}(?![\w-])"
# Within the block: one line break at most between its parts, as a blank line ends it. Up to
# three parts: "478159, Concordia, Magdalena" (postcode, town, department in Colombia).
_TAIL = rf"(?:(?:[ \t]*,[ \t]*(?:\n[ \t]*)?|[ \t]*\n[ \t]*|[ \t]+)(?:{_POSTCODE}(?!\w)(?:\s+{_PLACE_AFTER_POSTCODE}(?:[ -](?:{_TOWN_PARTICLE}[ \t]+)?{_PLACE_AFTER_POSTCODE})?)?|{_PLACE}(?:,?\s+{_POSTCODE}(?!\w)|{_JOINED_PIN})?)){{0,3}}"

# A flat, floor or door after the number: "Piano 6", "Piso 9", "Apt. 73", "Whg. 4".
# Up to three of them: "Bl. 15 Sc. 87 Ap. 747" (block, stair, flat). The word ends before its
# dot or space, the value at a word's end: ", Melilla" is no "m" and "elill".
_UNIT = (
    r"(?:,?\s+(?i:appartamento|interno|scala|piano|piso|puerta|planta|apt|apartment|appt|app|suite|ste|unit|floor|fl|etage|étage|stock|whg|bus|boîte|boite"
    r"|dept|depto|lok|lokal|m|esc|escalera|portal|bloco|bl|andar|sala|kat|daire|no|sc|scara|ap|et|etaj|bloc|int"
    # Latin America's: "Dto. 7", "Local 1", "Torre 4", "Oficina 36", "Casa 7", "Bodega 64", "Edif. 819".
    r"|dto|dpto|apto|apartamento|local|torre|oficina|casa|bodega|etapa|interior|edif|edificio|lote|manzana|mz)(?:\.\s*|\s+)\w{1,5}(?!\w)\.?){0,3}"
)
_CAPITALIZED = r"\p{Lu}[\w'’.-]*"
# Small words inside street names: "Pasadizo de Perla Polo", "Quadra de da Rosa", "Rue du Bac".
_PARTICLE = r"(?:de|da|do|dos|das|del|della|delle|dei|di|la|le|les|du|des|van|von|der|den|het|y|e|i|el|al|am|an|im|zum|zur)"
# Where people say an address follows: then any street, written in any order, is taken.
_ADDRESS_CUE = (
    r"(?i:\baddress(?:\s+is)?|\baddressed\s+to"
    # The word for address in the languages customers write, alone or ending a compound
    # ("Lieferadresse", "bezorgadres", "adresa"), and what kind ("indirizzo di consegna").
    r"|(?:\b\w*(?:adresse|adres|adresa|anschrift)|\bdirecci[oó]n|\bindirizzo|\bendere[cç]o)(?:\s+(?:de|di|da|do|of)\s+[^\W\d_]+)?|\blive[sd]?\s+(?:at|on)|\bliving\s+(?:at|on)"
    r"|\b(?:ship|send|deliver|post|mail|forward|courier)\w*(?:\s+[\w'’]+){0,3}?\s+to|\blocated\s+at|\bmoved\s+to|\bresid(?:e|es|ing)\s+at"
    r"|\bbased\s+at|\bregistered\s+at)(?:[:\s,]{1,3}|\s+[-–]\s+)"
)
# Words that open a sentence, not a street: "the same as before", "my old one".
_NOT_A_STREET = (
    r"(?!(?i:me|us|him|them|you|is|was|are|be|to|for|of|the|a|an|my|your|our|his|her|their|it|this|that|same|not|no|in|on|at|now|still|also|just|still)\b)"
)
_ANY_STREET = (
    rf"(?:{_HOUSE},?\s+(?:{_NAME_WORD}\s+){{0,4}}{_NAME_WORD}"
    rf"|{_NOT_A_STREET}(?P<street_name>{_NAME_WORD}\s+(?:(?:{_NAME_WORD}|{_PARTICLE})\s+){{0,4}}?(?:{_NAME_WORD},?\s+)?)(?:(?i:nr|no|hno)\.?\s*)?{_HOUSE}(?!\w))"
)

# "Alameda Faria, S/N": no number ("sin número", "sem número"), where a number would stand.
# "sem número" as Portuguese lower-case notes write it too: "travessa diogo carneiro sn".
_NO_NUMBER = r"(?i:s/n|s\.n\.|sn(?![\w/]))"
# "Via Roma 42", "ulica Paderewskiego 77", "Calle Mayor, 3"
_NAME_THEN_NUMBER = rf"(?<![\w'’]){_STREET_WORD}\s+(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD},?\s+(?:{_HOUSE}(?!\w)|{_NO_NUMBER}){_UNIT}{_TAIL}"
# "Av. San Juan N° 885", "Carrera 1ª # 7-2", "Cl. 197 # 3-43 Sur": Latin America marks the house
# number ("N°", "#") and names many streets by a number; Colombia's abbreviations of its kinds of
# way count before such a mark only.
_HOUSE_MARK = r"(?:(?i:n[°º]|n\.º|nro\.?|núm\.?|no\.)|#)"
_LATAM_STREET_WORD = rf"(?:{_STREET_WORD}|(?i:cl|cll|cra|kr|kra|tv|tr|dg|ak|ac|blv|bv|diag|carrera|transversal|diagonal|avenida|calle)\.?)"
_NAME_OR_NUMBER = rf"(?:{_NAME_WORD}|\d{{1,3}}[ªº°]?[A-Za-z]?(?![\w-]))"
_MARKED_HOUSE_NUMBER = (
    rf"(?<![\w'’]){_LATAM_STREET_WORD}\s+(?:{_NAME_OR_NUMBER}\s+){{0,3}}{_NAME_OR_NUMBER}\s*{_HOUSE_MARK}\s*{_HOUSE}(?!\w)"
    rf"(?:\s+(?i:sur|este|norte|oeste|bis)(?!\w))?{_UNIT}{_TAIL}"
)
# "largo de branco, 65", "AV DE MACEDO, 77", "via di porta 5": a street word English uses too
# (or "Av."), in any case, when a particle of a street's name follows it and a number ends it.
# "r de baptista 469": Portugal's "r" for "rua" too, before its particle.
_WORDS_BEFORE_A_PARTICLE = [w.lower() for w in _CAPITALIZED_ONLY] + ["av.", "av", "r"]
_WORD_PARTICLE_NAME_NUMBER = rf"(?<![\w'’])(?i:{_alternatives(_WORDS_BEFORE_A_PARTICLE)})\s+(?i:{_PARTICLE})\s+(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD},?\s+(?:{_HOUSE}(?!\w)|{_NO_NUMBER}){_UNIT}{_TAIL}"
# "Töröktóti utca 102.", "İnönü Caddesi 5": the street word after the name.
# "Ady Endre utca 177.", "Ady endre utca": capitalized words of the name before it too.
# Not the preposition before it in capitals ("OUTAGE NEAR NILS WESTERMARCKIN KUJA 706").
_NAME_STREET_WORD_NUMBER = rf"(?<![\w'’])(?:{_NOT_A_STREET}(?!(?i:near|from|by|outside|opposite|behind)\b)\p{{Lu}}[\w'’.-]*[ \t]+){{0,2}}{_NAME_WORD}\s+{_STREET_WORD}\s+{_HOUSE}(?!\w){_UNIT}{_TAIL}"
# "Hafnarstræti 12", "Jens-Drubin-Straße 47", "Storgatan 77"
_COMPOUND_THEN_NUMBER = rf"(?<![\w'’]){_COMPOUND}\s+{_HOUSE}(?!\w){_UNIT}{_TAIL}"
# "214, avenue Charlotte Gilles", "12 rue de la Paix", "41 Odos Ermou, Athens", "Số 817 phố Lý Chính Thắng"
_NUMBER_THEN_NAME = rf"(?<![\w.,-]){_HOUSE},?\s+{_STREET_WORD}(?:\s+{_NAME_WORD}){{1,4}}{_UNIT}{_TAIL}"
# "the router at Intrarea Eftimie", "booked at boulevard adam": a street word of another
# language and a name, no number, after a word of place.
# Not the street words English uses on its own ("avenue", "impasse"), nor the abbreviations.
_FOREIGN_STREET_WORDS = [w for w in _DISTINCT if w not in ("piazza", "avenue", "impasse", "bd") and not w.endswith(".")]
_PLAIN_NAME_WORD = rf"{_NOT_A_STREET}(?!(?i:and|or|until|since|keeps|has|had|with|by|but)\b)[^\W\d_][\w'’-]*"
# Where a street's name ends as the sentence goes on: a comma or full stop, a joining word, a
# verb, or when and where ("we are at Pátio Novaes now", "moved to Avenida Paulista last year").
_STREET_NAME_ENDS = (
    r"(?=\s*(?:$|[,;.!?)\n]|\s(?i:and|or|until|since|keeps|is|was|has|had|for|with|by|but|zip|post"
    r"|now|today|tonight|yesterday|tomorrow|again|last|next|this|near|in|on|at|to|from|where|when|because|so)\b))"
)
_STREET_WORD_THEN_NAME = rf"(?<=(?i:\b(?:at|to|near|on|from|in))\s+)(?i:{_alternatives(_FOREIGN_STREET_WORDS)})(?:\s+{_PARTICLE})?(?:\s+{_PLAIN_NAME_WORD}){{1,3}}?{_STREET_NAME_ENDS}"
# "installer could not find chemin de petitjean;", "la rue du Bac est fermée": a street word
# English never uses and the particle of a street's name after it need no word of place.
_NAME_PARTICLE = r"(?:de|da|do|dos|das|del|della|delle|dei|degli|di|du|des|la|le|les|van|von|der|den)"
_STREET_WORD_PARTICLE_NAME = (
    rf"(?<![\w'’])(?i:{_alternatives(_FOREIGN_STREET_WORDS)})\s+(?i:{_NAME_PARTICLE})(?:\s+(?i:la|le|l'))?\s+{_PLAIN_NAME_WORD}(?:\s+{_PLAIN_NAME_WORD}){{0,2}}?"
    rf"{_STREET_NAME_ENDS}"
)
# "Intrarea Dinu, 705966 Onesti", "near the station intrarea ioniță 519775 sabaoani": a street
# word English never uses, its name, then a postcode of four digits or more and the town: a
# street without its number (Romania's "Intrarea", Italy's "Contrada") needs no cue.
_STREET_WORD_NAME_POSTCODE = (
    rf"(?<![\w'’])(?i:{_alternatives(_FOREIGN_STREET_WORDS)})(?:\s+(?i:{_PARTICLE}))?(?:\s+{_PLAIN_NAME_WORD}){{1,3}}?,?\s+"
    rf"(?=\d{{4}})(?:\d{{4,6}}|\d{{5}}-\d{{3}}|\d{{2}}-\d{{3}})(?!\w)(?:[ \t]+{_PLACE_AFTER_POSTCODE}(?:[ -]{_PLACE_AFTER_POSTCODE}){{0,2}}?)?"
    rf"(?=\s*(?:$|[,;.!?)(\n]|[-–—]\s|\s(?i:and|or|until|since|keeps|is|was|has|had|for|with|by|but|ring|please|zip|post|postcode|postal)\b))"
)
# "the router at avenue bernier", "AT AVENUE DE ÉTIENNE": the street words English uses too,
# where the name after them is no English word ("at avenue level" stays).
_SHARED_STREET_WORDS = ["avenue", "piazza", "impasse"]
_SHARED_STREET_WORD_THEN_NAME = _STREET_WORD_THEN_NAME.replace(_alternatives(_FOREIGN_STREET_WORDS), _alternatives(_SHARED_STREET_WORDS))
# "address is Rotonda Claudia, 9", "live at 141 Karlesdóttir Run": any street after a cue.
_AFTER_CUE = regex.compile(rf"{_ADDRESS_CUE}(?P<value>(?<![\w'’]){_ANY_STREET}{_UNIT}{_TAIL})", regex.DOTALL | regex.MULTILINE)
# "RETURN ADDRESS: STRADA IONESCU, FIENI, 623008": after a cue, a street word and a name with no
# number, when a postcode (after the town, or before it) closes it.
_AFTER_CUE_NO_NUMBER = regex.compile(
    rf"{_ADDRESS_CUE}(?P<value>(?<![\w'’]){_STREET_WORD}(?:\s+{_PARTICLE})?(?:\s+{_NAME_WORD}){{1,3}}"
    rf"(?:\s*,\s*{_PLACE_AFTER_POSTCODE}(?:[ -]{_PLACE_AFTER_POSTCODE}){{0,2}})?(?:\s*,\s*|[ \t]+)(?=\d*[a-zA-Z]?\d{{3}}){_POSTCODE}(?!\w)(?:[ \t]+{_PLACE_AFTER_POSTCODE})?)",
    regex.MULTILINE,
)

# "adresse de livraison : BOULEVARD GRONDIN, né le ...", "new address: avenue de Bourdon.": after
# a cue, a street word and its name, no number, up to the end of the clause.
_AFTER_CUE_STREET_ONLY = regex.compile(
    rf"{_ADDRESS_CUE}(?P<value>(?<![\w'’])(?:{_STREET_WORD}|(?i:{_alternatives(_SHARED_STREET_WORDS)}))(?:\s+(?i:{_PARTICLE}))?(?:\s+{_PLAIN_NAME_WORD}){{1,3}}?)"
    rf"(?=\s*(?:$|[,;.!?)\n])|\s+(?i:yeah|yes|thanks|thank\s+you|please|okay|ok|uh|um)\b)",
    regex.MULTILINE,
)


@register
class WorldStreetAddressRecognizer(PatternRecognizer):
    # Said by people, not written by machines: not run on `code` values.
    SPEECH_ONLY = True
    MIN_DIGITS = 1  # the house number

    PATTERNS = [
        Pattern("street word, name, number", _NAME_THEN_NUMBER, 0.6),
        Pattern("compound street name, number", _COMPOUND_THEN_NUMBER, 0.6),
        Pattern("name, street word, number", _NAME_STREET_WORD_NUMBER, 0.6),
        Pattern("number, street word, name", _NUMBER_THEN_NAME, 0.6),
        Pattern("street word English uses too, particle, name, number", _WORD_PARTICLE_NAME_NUMBER, 0.6),
        Pattern("street word, name or number, marked house number", _MARKED_HOUSE_NUMBER, 0.6),
    ]
    CONTEXT = StreetAddressRecognizer.CONTEXT
    # Every match has a street word or a compound street name: word look-ups that spare most
    # texts the patterns (which cost a tenth of a millisecond a text).
    REQUIRES: AnyOf | AllOf = AnyOf(
        FirstWords(
            w.rstrip(".")
            for w in [
                *_DISTINCT,
                *_CAPITALIZED_ONLY,
                *_WORDS_BEFORE_A_PARTICLE,
                *["cl", "cll", "cra", "kr", "kra", "tv", "tr", "dg", "ak", "ac", "blv", "bv", "diag", "carrera", "transversal", "diagonal"],
            ]
        ),
        WordEndings(_ENDINGS),
    )

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            name="WorldStreetAddressRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )


def _only_no_number(pattern: str) -> str:
    """A pattern of a number or "s/n" made one of "s/n" alone."""
    either = rf"(?:{_HOUSE}(?!\w)|{_NO_NUMBER})"
    assert either in pattern, pattern
    return pattern.replace(either, _NO_NUMBER)


@register
class UnnumberedStreetAddressRecognizer(WorldStreetAddressRecognizer):
    """The same street addresses where "s/n" (sin número, sem número) stands for the house
    number: "Av de Coelho, S/N", "Calle Mayor s/n", in a text with no digit too, which the
    recognizer above skips."""

    MIN_DIGITS = 0
    PATTERNS = [
        Pattern("street word, name, s/n", _only_no_number(_NAME_THEN_NUMBER), 0.6),
        Pattern("street word English uses too, particle, name, s/n", _only_no_number(_WORD_PARTICLE_NAME_NUMBER), 0.6),
    ]
    REQUIRES = AllOf(regex.compile(rf"(?<![\w/]){_NO_NUMBER}(?![\w/])"), WorldStreetAddressRecognizer.REQUIRES)

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_language=supported_language)
        self.name = "UnnumberedStreetAddressRecognizer"


@register
class NamedStreetRecognizer(PatternRecognizer):
    """A street named without its number after a word of place: "the router at Intrarea
    Eftimie", "booked at boulevard adam, zip code 57443"; or with the particle of a street's
    name after its word, anywhere ("could not find chemin de petitjean;"). Only the street
    words of other languages, none of which English uses ("strada", "rue", "ulica"), and a name
    ending where the sentence goes on."""

    SPEECH_ONLY = True
    PATTERNS = [
        Pattern("a word of place, street word, name", _STREET_WORD_THEN_NAME, 0.6),
        Pattern("a word of place, street word English uses too, a name English does not", _SHARED_STREET_WORD_THEN_NAME, 0.6),
        Pattern("street word, particle, name", _STREET_WORD_PARTICLE_NAME, 0.6),
        Pattern("street word, name, postcode, town", _STREET_WORD_NAME_POSTCODE, 0.6),
    ]
    REQUIRES = FirstWords([*_FOREIGN_STREET_WORDS, *_SHARED_STREET_WORDS])

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            patterns=self.PATTERNS,
            supported_language=supported_language,
            name="NamedStreetRecognizer",
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        words = pattern_text.split()
        if words[0].lower() not in _SHARED_STREET_WORDS:
            return None
        names = [w for w in words[1:] if not re.fullmatch(_PARTICLE, w, re.IGNORECASE)]
        return not names or any(is_common_english(w) or is_typo_of_common(w) for w in names)


@register
class CuedStreetWithoutNumberRecognizer(LocalRecognizer):
    """A street word and its name after an address cue, in a text with no digit at all, which
    CuedStreetAddressRecognizer does not read ("okay um the address is Intrarea Aanei yeah",
    "new address: avenue de Bourdon.")."""

    SPEECH_ONLY = True
    REQUIRES = AllOf(
        FirstWords([w.rstrip(".") for w in [*_DISTINCT, *_CAPITALIZED_ONLY]]),
        Substrings("address", "adres", "anschrift", "direcci", "indirizzo", "endere"),
    )

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="CuedStreetWithoutNumberRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if any(ch.isdigit() for ch in text):
            return []  # CuedStreetAddressRecognizer reads it
        return [
            result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a street word and a name after an address cue")
            for m in _AFTER_CUE_STREET_ONLY.finditer(text)
        ]


@register
class CuedStreetAddressRecognizer(LocalRecognizer):
    """Any street, in any order and case, where people say an address follows ("my address is
    store kirke allé 9, 4784 ejby", "ship the router to pedersentjernet 7"); only the address
    is the finding, the cue stays readable."""

    SPEECH_ONLY = True
    MIN_DIGITS = 1
    REQUIRES = AnyOf(
        Substrings("address", "adres", "anschrift", "direcci", "indirizzo", "endere"),
        FirstWords(
            "live lives lived living ship ships shipped shipping send sends sending sent deliver delivers delivered delivery post posts posted mail mails"
            " mailed forward forwards forwarded courier couriered located moved reside resides residing based registered"
        ),
    )

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="CuedStreetAddressRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = [
            result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a street after an address cue")
            for m in _AFTER_CUE.finditer(text)
            if not _everyday_name(m.group("street_name"))
        ]
        found += [
            result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a street and a postcode after an address cue")
            for m in _AFTER_CUE_NO_NUMBER.finditer(text)
        ]
        found += [
            result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a street word and a name after an address cue")
            for m in _AFTER_CUE_STREET_ONLY.finditer(text)
        ]
        # "Aaronbaan 32 is my address": the cue after the street, read back within a window.
        for cue in _CUE_AFTER_STREET.finditer(text):
            low = max(0, cue.start() - BEFORE_CUE_WINDOW)
            m = _STREET_BEFORE_CUE.search(text, low, cue.start())
            if m is not None and not _everyday_name(m.group("street_name")):
                found.append(result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a street before an address cue"))
        return found


_CUE_AFTER_STREET = regex.compile(
    r"\s+(?i:is|was)\s+(?i:my|our|his|her|their|the)\s+(?i:(?:home|billing|shipping|new|old|current|postal|delivery|service)\s+)?(?i:address)\b"
)
_STREET_BEFORE_CUE = regex.compile(rf"(?<![\w'’])(?P<value>{_ANY_STREET}{_UNIT}{_TAIL})$", regex.DOTALL)
BEFORE_CUE_WINDOW = 120


def _everyday_name(name: str | None) -> bool:
    """Whether a street's name before its number is English words only, none a street word:
    "moved to plan 5", "send it to gate 5" (English puts the number first: "12 Baker Street")."""
    if not name:
        return False
    words = [w.strip(",.") for w in name.split()]
    return all(is_english_vocabulary(w) and w.lower() not in _STREET_NAME_WORDS for w in words)


_STREET_NAME_WORDS = frozenset(w.lower().rstrip(".") for w in [*_DISTINCT, *_CAPITALIZED_ONLY, *SUFFIX_WORDS])
_STREET_ENDINGS = tuple(e.lower().rstrip(".") for e in _ENDINGS)


def names_a_street(words: str) -> bool:
    """Whether a few words name a street by a street word of some language ("intrarea popa",
    "drumul preda", "rue bourgeois", "maple avenue") or a street name's ending
    ("Hafnarstræti"): what an answer to "what's the address?" without a number may be."""
    lowered = [w.strip(",.").lower() for w in words.split()]
    return any(w in _STREET_NAME_WORDS and w not in _COMMON_SUFFIXES for w in lowered) or any(w.endswith(_STREET_ENDINGS) for w in lowered if len(w) > 6)


# A street word of another language right before a name (with its particle): "rue [Andrée
# Pages]", "C. de [Wilfredo Gálvez]", "Estrada [João Felipe da Cunha]". Words of _DISTINCT in
# any case, those of _CAPITALIZED_ONLY as written.
# Only the words no English sentence opens with ("Place Anna Berg on hold", "Via Maria" stay
# persons: the street type reaches partners the person type does not), and "R." and "C." only
# before a particle ("R. Smith" is an initial).
_NAMING_STREET_WORD = rf"(?P<word>(?i:{_alternatives(_DISTINCT)})(?:[ \t]+(?i:{_PARTICLE}))?|(?:R|C)\.[ \t]+(?i:{_PARTICLE}))[ \t]+"
_STREET_WORD_BEFORE = regex.compile(rf"(?:^|(?<=[\s:,(-])){_NAMING_STREET_WORD}$")
_STREET_WORD_OPENING = regex.compile(_NAMING_STREET_WORD + r"(?=\S)")


def street_before_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The street a name found at text[start:end] is the name of, when a street word of another
    language stands right before it or opens what was found: "Shipping address - rue Andrée
    Pages", "C. de Wilfredo Gálvez" are streets named after someone, not persons."""
    # A set look-up first: the patterns cost a hundred times more, and most names have no
    # street word anywhere near them.
    near = text[max(0, start - 30) : min(end, start + 30)].lower().replace(".", " ").split()
    if not any(w in _NAMING_STREET_WORDS for w in near):
        return None
    if _STREET_WORD_OPENING.match(text, start, end) is not None:
        return start, end
    m = _STREET_WORD_BEFORE.search(text, max(0, start - 30), start)
    return (m.start("word"), end) if m is not None else None


_NAMING_STREET_WORDS = frozenset([*(w.lower().rstrip(".") for w in _DISTINCT), "c", "r"])


# The house number right after a name found, and the word after it; not a date's first parts
# ("handset insured for anny 1952-10-21").
_HOUSE_AFTER_NAME = regex.compile(rf"[ \t]+(?P<house>{_HOUSE})(?![\w.,]\d|\w|[-/]\d)(?![ \t]*%)(?:[ \t]+(?P<next>[^\W\d_]+))?")
_UNIT_AND_TAIL = regex.compile(rf"{_UNIT}{_TAIL}")


def street_ending_name(text: str, start: int, end: int) -> tuple[int | None, tuple[int, int]] | None:
    """The street a name found at text[start:end] ends in, when a house number follows it and
    its last word is no name of the lists and no English word: "visit rescheduled - patrik
    vitezovićeva 82", "could not find streljačka 9c8 customer davor" (NER and the name reader
    take a street's name without a street word for a surname). Returns where the person now
    ends (None: nothing of it was a person) and the street's span. Not a count after a name
    ("mahmoud 3 times", "ask dragoljub 2 calls"): a listed name, or a unit or plural after
    the number."""
    # A character test first: most names have no digit right after them.
    if not text[end : end + 2].strip(" \t")[:1].isdigit():
        return None
    m = _HOUSE_AFTER_NAME.match(text, end)
    if m is None:
        return None
    # A phone number's first group is no house number: "witold kochel 888 244 561".
    if m.group("house").isdigit() and regex.match(r"[ \t.-]*\d", text[m.end("house") : m.end("house") + 3]):
        return None
    after = (m.group("next") or "").lower()
    if after in _NOT_STREET_NAMES or after in _MONTHS or (after.endswith("s") and is_common_english(after)):
        return None
    words = list(regex.finditer(r"\S+", text[start:end]))
    last = words[-1].group()
    if len(last) < 4 or not last.isalpha() or is_name_word(last) or is_english_vocabulary(last) or is_typo_of_common(last):
        return None
    street_start = start + words[-1].start()
    # On its line: the name was found on one ("... RINCÓN 616 PUERTA 5\nALMERÍA" goes on in
    # the block's own followers).
    tail = _UNIT_AND_TAIL.match(text, m.end("house")).group()
    street_end = m.end("house") + len(tail.split("\n", 1)[0].rstrip(" \t,"))
    # All of it is the street when its last word is a street word ("egyházasfürdői utca 125":
    # the words before name the street) or what is left is a little word ("na lázeňce 528",
    # Czech "on"; "al żeromskiego 7809", "aleja").
    rest = words[:-1]
    if not rest or last.lower() in _STREET_NAME_WORDS or all(len(w.group().strip(",.")) <= 2 for w in rest):
        return None, (start, street_end)
    # Everyday words before it are no name: "YEAH STROUPEŽNICKÉHO 60" is only a street.
    if all(is_common_english(w.group().strip(",.")) and not is_name_word(w.group().strip(",.")) for w in rest):
        return None, (street_start, street_end)
    return start + len(text[start : start + rest[-1].end()].rstrip(",;:")), (street_start, street_end)


# A day's month (or weekday) after the number: "bali ekiya 27 february 2003" is a date.
_MONTHS = CALENDAR_WORDS | frozenset(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])


# Suffixes English uses every day ("way", "park", "green"): no street word in an answer alone.
_COMMON_SUFFIXES = frozenset(w for w in SUFFIX_WORDS if is_common_english(w) and w not in ("street", "road", "avenue", "lane", "drive", "boulevard"))


# Where something is, or was looked for: "installer could not find hauglandfaret 3".
_PLACE_PREPOSITION = r"(?i:\b(?:at|from|to|near|outside|opposite|behind|find|found|locate|located))"
_PLACE_PREPOSITION_WORDS = "at from to near outside opposite behind find found locate located"
# "letter returned from liekedreef 24", "the router at Tveithøgda 315, 0150 Oslo", "ships to
# medlovská 4": after a bare "at", "from" or "to", a street whose name no English word is, then
# a house number; or after a landmark near it ("near the station, Perivoj srpanjskih žrtava 130").
_AT_STREET = regex.compile(
    rf"{_PLACE_PREPOSITION}\s+(?:(?i:the)\s+[^\W\d_]+,\s+)?(?P<value>(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}),?\s+{_HOUSE}(?![\w.,]\d|\w){_UNIT}{_TAIL})",
    regex.DOTALL,
)


@register
class ForeignStreetRecognizer(LocalRecognizer):
    """A street of another language with a house number after "at" or "from" ("the router at
    klášterecká 66", "returned from knudsengrenda 82b"): the street's name must be words English
    does not use, or "gate 5", "build 2204" and "at windows 10" would be streets too."""

    SPEECH_ONLY = True
    MIN_DIGITS = 1
    REQUIRES = FirstWords(_PLACE_PREPOSITION_WORDS)

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="ForeignStreetRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        # Overlapped: "to Kenneth at Halvorsenmoen 51" fails from "to" ("at" is English) and
        # holds from "at".
        for m in _AT_STREET.finditer(text, overlapped=True):
            words = m.group("name").split()
            # A letter or two that no English sentence writes alone is a preposition of
            # another language ("near U Štěpu 541", "NA KOZINCI 434": Czech "at", "on").
            english = [w for w in words if (is_english_vocabulary(w) or is_typo_of_common(w)) and (len(w) > 2 or w.lower() in STOP_WORDS)]
            # One word English writes too among two that it does not ("at pod velkým hájem
            # 324", Czech "pod" is "under"), though no little word ("at the Bäckerei 3").
            if english and not (len(english) == 1 and len(words) - 1 >= 2 and english[0].lower() not in STOP_WORDS):
                continue
            found.append(result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.5, "a foreign street and number after at or from"))
        return found


# A record's cell or a line's head that is one word and a house number: "Všejanská 6 - Erik
# Tichý - fibre install pending", "AASENHAVNA 7 - BERG, ANDERS", "Delivery failed: DANIELSENGROPA
# 4A (recipient ...)". The cell's bounds say where the street ends.
_CELL_STREET = regex.compile(
    r"(?:^|(?<=[\t|:])|(?<=[ \t][-–—]))[ \t]*(?P<value>(?P<name>[^\W\d_][\w'’-]{3,}),?[ \t]+\d{1,5}[a-zA-Z]?(?:/\d{1,4}[a-zA-Z]?)?)(?=[ \t]*(?:$|[-–—|\t(,;]))",
    regex.MULTILINE,
)


@register
class StreetCellRecognizer(LocalRecognizer):
    """A street of one word no English word is, and its number, alone in a record's cell or at
    a line's head ("Všejanská 6 - Erik Tichý - ..."). Not a name of the lists ("Anna 5 -"), not
    a word with a capital inside ("iPhone 12 - screen")."""

    SPEECH_ONLY = True
    MIN_DIGITS = 1
    REQUIRES = regex.compile(r"[^\W\d_]{4,},?[ \t]+\d{1,5}[a-zA-Z]?(?:/\d{1,4}[a-zA-Z]?)?[ \t]*(?:$|[-–—|\t(,;])", regex.MULTILINE)

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="StreetCellRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        for m in _CELL_STREET.finditer(text):
            name = m.group("name")
            if is_english_vocabulary(name) or is_typo_of_common(name) or is_name_word(name) or (not name.isupper() and any(ch.isupper() for ch in name[1:])):
                continue
            found.append(result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.5, "a street and its number alone in a cell"))
        return found


# "the router at 0 amber trail", "returned from 9791 maharaj path", "moves to 2360 valþórsson
# burgs apt 739": after "at", "from" or "to", the US order (house number, name words, street
# suffix) in any case.
_AT_NUMBERED_STREET = regex.compile(
    rf"{_PLACE_PREPOSITION}\s+(?P<value>{HOUSE_NUMBER}(?P<name>(?:{_NAME_WORD}\s+){{1,3}}){STREET_SUFFIX}(?!\w){_UNIT}{_TAIL})",
    regex.DOTALL,
)
# A house number, a name and one word more, to the clause's end.
_AT_NUMBER_AND_NAME = regex.compile(
    rf"{_PLACE_PREPOSITION}\s+(?P<value>\d{{1,5}}[A-Za-z]?\s+(?P<name>{_NAME_WORD})\s+(?P<kind>[^\W\d_]{{2,}}))"
    r"(?=[ \t]*(?:$|[,;.!?)\n]|[ \t]+(?i:by|and|on|for|until|since|is|was|keeps|kept|yesterday|today|last|this|next|instead)\b))"
)
# A house number and a surname alone, to the clause's end: India's street named after someone
# with no street word ("the bill should go to zayyan at 64 vaidya", "64, Vaidya").
_AT_NUMBER_AND_SURNAME = regex.compile(
    rf"{_PLACE_PREPOSITION}\s+(?P<value>\d{{1,5}}[A-Za-z]?,?\s+(?P<name>{_NAME_WORD}))"
    r"(?=[ \t]*(?:$|[,;.!?)\n]|[ \t]+(?i:by|and|on|for|until|since|is|was|keeps|kept|yesterday|today|last|this|next|instead|please|thanks|yeah)\b))"
)
# "re outage near largo júlia santos 840", "at via roma 42": in lower case, a street word that is
# an English word too ("largo", "via") counts after a preposition of place when a house number
# ends the street and its name is no English ("via email 3 times" stays).
_SHARED_WORDS_ANY_CASE = [
    "via",
    "corso",
    "largo",
    "cours",
    "ronda",
    "camino",
    "carrera",
    "plaza",
    "praia",
    "weg",
    "lago",
    "feira",
    "parque",
    "distrito",
    "vila",
    "acceso",
]
_AT_SHARED_WORD_STREET = regex.compile(
    rf"{_PLACE_PREPOSITION}\s+(?P<value>(?i:{_alternatives(_SHARED_WORDS_ANY_CASE)})\s+(?:(?i:{_PARTICLE})\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}),?\s+{_HOUSE}(?![\w.,]\d|\w)"
    # A time or a count is no house number: "meet at plaza mayor 3 pm", "to camino real 5 days ago".
    r"(?![ \t]+(?i:am|pm|a\.m\.|p\.m\.|o'clock|(?:day|hour|hr|minute|min|time|week|month|year)s?)\b)"
    rf"{_UNIT}{_TAIL})"
)
# Words that count things rather than name a street: "at 5 minutes walk", "from 2 blocks down the road".
_NOT_STREET_NAMES = frozenset(
    [
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "time",
        "times",
        "second",
        "seconds",
        "gb",
        "mb",
        "kb",
        "tb",
        "gig",
        "gigs",
        "bar",
        "bars",
        "pm",
        "am",
        "percent",
        "dollar",
        "dollars",
        "euro",
        "euros",
        "pound",
        "pounds",
        "mile",
        "miles",
        "km",
        "meter",
        "meters",
        "metre",
        "metres",
        "feet",
        "foot",
        "step",
        "steps",
        "block",
        "blocks",
        "floor",
        "floors",
        "more",
        "less",
        "other",
        "new",
        "old",
    ]
)


@register
class NumberedStreetRecognizer(LocalRecognizer):
    """A street in the US order, in any case, after "at", "from" or "to": lower-case text
    (speech to text, chat) has no capitals to tell "0 amber trail" from "20 dollars on the way";
    the preposition before the number and the street suffix after the name do."""

    SPEECH_ONLY = True
    MIN_DIGITS = 1
    REQUIRES = FirstWords(_PLACE_PREPOSITION_WORDS)

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="NumberedStreetRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        for m in _AT_NUMBERED_STREET.finditer(text, overlapped=True):
            words = [w.lower().strip(".") for w in m.group("name").split()]
            if any(w in _NOT_STREET_NAMES or w in STOP_WORDS for w in words):
                continue
            found.append(result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a numbered street after at, from or to"))
        for m in _AT_SHARED_WORD_STREET.finditer(text):
            words = [w.lower() for w in m.group("name").split()]
            if not any(w in STOP_WORDS or w in _NOT_STREET_NAMES or (is_common_english(w) and not is_name_word(w)) for w in words):
                found.append(
                    result(
                        self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a street word English uses too, a name and a number, after at or near"
                    )
                )
        for m in _AT_NUMBER_AND_NAME.finditer(text, overlapped=True):
            # "went to 417 sanchez reach by mistake": a road's kind no list holds ("reach", "dip",
            # "break" are Australia's), after a person's name that no English word is.
            name, kind = m.group("name").lower(), m.group("kind").lower()
            # Not a count of people or things: "to 2 johnson reps".
            counted = kind.endswith("s") and kind not in SUFFIX_WORDS
            if is_name_word(name) and not is_common_english(name) and kind not in _NOT_STREET_NAMES and kind not in STOP_WORDS and not counted:
                found.append(result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.5, "a number, a name and a word after at, from or to"))
        for m in _AT_NUMBER_AND_SURNAME.finditer(text):
            # A surname of the lists or a word no list knows, that English never writes: "at 9
            # sharp", "to 2 others" stay.
            name = m.group("name").lower()
            if (name in surnames() or unknown_word(name)) and not is_english_vocabulary(name) and not is_typo_of_common(name) and name not in _NOT_STREET_NAMES:
                found.append(result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.5, "a number and a surname after at, from or to"))
        return found


# "uygun soylu, 99126 erdoğan mills - complaint", "near the station 793 rodriguez track": in any
# case and with no cue, a house number, one or two words of a person's name and a street suffix
# ending the clause. A surname gives the street its name as a capital would in cased text;
# English words do not ("3 green parks", "2 smart plugs").
_NUMBER_NAME_SUFFIX = regex.compile(
    rf"(?<![\w.,/-])(?P<value>\d{{1,5}}[A-Za-z]?\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s+(?P<kind>{STREET_SUFFIX}))"
    r"(?=[ \t]*(?:$|[,;.!?)\n]|[ \t]+[-–—][ \t]|[ \t]+(?i:by|and|on|for|until|since|is|was|keeps|kept|yesterday|today|last|this|next|instead)\b))"
)


@register
class StreetAfterSomeoneRecognizer(LocalRecognizer):
    """A street in the US order named after a person, in any case and with no cue ("99126
    erdoğan mills", "793 rodriguez track"): each word of its name is a name of the lists or no
    English word, and one is no everyday word."""

    SPEECH_ONLY = True
    MIN_DIGITS = 1
    REQUIRES = FirstWords({*SUFFIX_WORDS, *(f"{s}s" for s in SUFFIX_WORDS)})

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="StreetAfterSomeoneRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = []
        for m in _NUMBER_NAME_SUFFIX.finditer(text, overlapped=True):
            words = [w.lower() for w in m.group("name").split()]
            if any(w in STOP_WORDS or w in _NOT_STREET_NAMES or not (is_name_word(w) or not is_english_vocabulary(w)) for w in words):
                continue
            if all(is_common_english(w) for w in words) or m.group("kind").lower().rstrip(".") in _NOT_STREET_NAMES:
                continue
            found.append(result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a number, a person's name and a street suffix"))
        return found


# "my zip code is 94107", "postal code: SW1A 1AA", "PLZ 80331": a postcode where one is said to
# follow, in the languages customers write; and the state and ZIP after a US city
# ("Springfield, IL 62704"). A postcode is part of an address (the payment processor gets it
# with the billing address), so it is reported as one.
_POSTCODE_CUE = (
    r"(?:\b(?i:zip(?:\s*code)?|post\s*code|postal\s+code|plz|postleitzahl|code\s+postal|c[oó]digo\s+postal|postnummer|postinumero"
    r"|irányítószám|kod\s+pocztowy|psč|poštanski\s+broj)|\bCAP|\bCEP)"
    # "postal code there is", "zip code of the flat is": a few words between the cue and its verb.
    r"(?:(?:\s+[^\W\d_]+){0,4}?\s+(?i:is|was))?[\s:#=]{1,3}"
)
# Ireland's Eircode ("C80 R7T0", "D02 X285") only after a cue: alone it is any code.
# In any case: "7863id", "h-7867" after a cue or in a list of details are codes still.
_ANY_POSTCODE = r"(?:\d{5}-\d{4}|\d{5}-\d{3}|(?i:[a-z]\d{2}\s?[a-z\d]{4}|\d{4}\s?[a-z]{2}|[a-z]{1,2}-\d{4,5})|" + _POSTCODE[3:-1] + r")"
# After the cue, any code of letters and digits is the postcode, in any country's shape
# ("11336399" in Brazil, "8490mc" in the Netherlands, "H-3055" in Hungary): the cue said what it is.
_CODE_AFTER_CUE = r"(?:[a-zA-Z]{1,2}-)?(?=[a-zA-Z]*\d)[a-zA-Z\d]{3,10}(?:[ -](?=[a-zA-Z]*\d)[a-zA-Z\d]{2,5})?"
_CUED_POSTCODE = regex.compile(rf"{_POSTCODE_CUE}(?P<value>{_ANY_POSTCODE}|{_CODE_AFTER_CUE})(?![\w-])")
_US_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX"
    " UT VT VA WA WV WI WY DC PR"
)
_STATE_AND_ZIP = regex.compile(
    rf"(?<=\p{{L}},\s?)(?P<value>(?:{'|'.join(_US_STATES.split())})\s+\d{{5}}(?:-\d{{4}})?"
    # Australia's states and territories, with the four-digit postcode: "Cameronstad, SA, 2915".
    r"|(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT),?\s+\d{4})(?!\w)"
)


@register
class PostcodeRecognizer(LocalRecognizer):
    """A postcode said as one ("zip code is 94107", "PLZ 80331"), and a US state with its ZIP
    after a city ("Springfield, IL 62704")."""

    MIN_DIGITS = 2  # "W1 1AA"
    REQUIRES = AnyOf(Substrings("zip", "post", "plz", "code", "cap", "psč", "cep", "irányító"), r"[A-Z]{2}\s+\d{5}|[A-Z]{2,3},?\s+\d{4}")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="PostcodeRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        found = [
            result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a postcode after a postcode cue") for m in _CUED_POSTCODE.finditer(text)
        ]
        found += [
            result(self, "STREET_ADDRESS", m.start("value"), m.end("value"), 0.6, "a US state and ZIP after a city") for m in _STATE_AND_ZIP.finditer(text)
        ]
        return found


# "Luuk Claassen, Frederiquedreef 8, 8347WL Alde Leie", "Barbara Maretić, Mihaljevac 053":
# forms and letters write the street right after the name.
_STREET_AFTER_NAME = regex.compile(
    rf",?\s+(?P<value>{_NOT_A_STREET}(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}),?\s+{_HOUSE}(?![\w.,]\d|\w){_UNIT}{_TAIL})"
)


# "zak segerson, 96 raol street", "antoinette 29 hastey street": the US order, in any case.
_NUMBERED_STREET_AFTER_NAME = regex.compile(rf",?\s+(?P<value>{HOUSE_NUMBER}(?P<name>(?:{_NAME_WORD}\s+){{1,3}}){STREET_SUFFIX}(?!\w){_UNIT}{_TAIL})")


def address_after_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The street and number right after a person's name at text[start:end], as a form or a
    letter writes them: the name and then the number, whose name must hold a word English does
    not use ("gate 5" and "room 12" stay), or the number, name words and a street suffix."""
    m = _STREET_AFTER_NAME.match(text, end)
    # "the sim for pieter went to mirtesingel 64": a clause goes on after the name, no street.
    words = m.group("name").split() if m is not None else []
    if m is not None and not all(is_english_vocabulary(w) or is_typo_of_common(w) for w in words) and not any(w.lower() in STOP_WORDS for w in words):
        return m.start("value"), m.end("value")
    m = _NUMBERED_STREET_AFTER_NAME.match(text, end)
    if m is not None and not any(w.lower().strip(".") in _NOT_STREET_NAMES or w.lower() in STOP_WORDS for w in m.group("name").split()):
        return m.start("value"), m.end("value")
    return _block_after_name_line(text, end)


_STREET_WORD_IN_LINE = regex.compile(rf"(?<![\w'’]){_STREET_WORD}(?![\w'’])|{_COMPOUND}(?![\w'’])|\d")


def _block_after_name_line(text: str, end: int) -> tuple[int, int] | None:
    """The address block on the lines after a name that ends its line ("Nistor, Eusebiu\n
    Intrarea Stoica\nCernavoda, 766591"): lines as addresses write them, the first with a street
    word or a number, the last with a postcode."""
    first = last = None
    position, lines = end, []
    for _ in range(MAX_BLOCK_LINES):
        m = _NEXT_LINE.match(text, position)
        if m is None or not _address_line(m.group("line")):
            break
        lines.append(m.group("line"))
        first = m.start("line") if first is None else first
        last = position = m.start("line") + len(m.group("line").rstrip(" \t,"))
    if first is None or last is None or len(lines) < 2 or not _CODE_IN_LINE.search(lines[-1]) or not _STREET_WORD_IN_LINE.search(lines[0]):
        return None
    return first, last


# A postcode right after a place or right before it, as addresses end: "London NW1 6XE",
# "Paris 75002.", "75002 Paris", "10115 Berlin". Digits alone are a code only as four to six of
# them that are no year ("Paris 2024", "in 2019 Berlin"), and after the place only at the end of
# the clause ("Berlin 500 euros" stays).
_CODE_AFTER_PLACE = regex.compile(rf",?[ \t]+(?P<value>{_ANY_POSTCODE})(?![\w-])(?=[ \t]*(?:$|[,;.!?)\n]))")
_CODE_BEFORE_PLACE = regex.compile(rf"(?<![\w-])(?P<value>{_ANY_POSTCODE}),?[ \t]+$")
_YEAR = regex.compile(r"(?:19|20)\d\d")


def _is_code(value: str) -> bool:
    if value.isdigit():
        return 4 <= len(value) <= 6 and not _YEAR.fullmatch(value)
    return any(c.isdigit() for c in value)


def postcode_by_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The postcode next to a place found: after it, ending the clause, or right before it."""
    m = _CODE_AFTER_PLACE.match(text, end)
    if m is None:
        m = _CODE_BEFORE_PLACE.search(text, max(0, start - 16), start)
    if m is None or not _is_code(m.group("value")):
        return None
    return m.start("value"), m.end("value")


# The postcode and town that end an address, after the street found and its comma, in any
# case ("2418 KARAKUCAK FORD, 34851 HÜRMETTON - ...", "luthra road, 577514 gorakhpur - xavier"),
# up to the end of the clause.
_CODE_AND_TOWN = regex.compile(rf"[ \t]*,?[ \t]*(?P<value>{_ANY_POSTCODE}(?:[ \t]+[^\W\d_][\w'’.-]*){{1,3}}?)(?=[ \t]*(?:$|[,;.!?)(\n]|[ \t][-–][ \t]))")


_JOINED_PIN_RE = regex.compile(_JOINED_PIN)


def postcode_and_town_after_address(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The postcode and the town after a street address found, ending the clause; or the PIN
    code India writes joined to the town ("Chowk, Ludhiana-595921")."""
    pin = _JOINED_PIN_RE.match(text, end)
    if pin is not None:
        return end, pin.end()
    m = _CODE_AND_TOWN.match(text, end)
    if m is None:
        return None
    words = m.group("value").split()[1:]
    code = m.group("value").split()[0]
    if any(w.lower() in STOP_WORDS for w in words) or not _is_code(code.rstrip(",")):
        return None
    return m.start("value"), m.end("value")


# A postcode as one item of a list of someone's details: after a comma or a space, and then the
# end of the text or of the item (no word after it: "12345 minutes" is no code).
_LISTED_POSTCODE = regex.compile(rf"(?:,\s*|\s+)(?P<value>{_ANY_POSTCODE})(?=\s*(?:$|[,;.!?)\n]))")


def postcode_after_details(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A postcode standing on its own right after a person's name or date of birth, as forms
    and notes list someone's details: "Handset insured for Harry Ferm, 15.02.1954, 87511",
    "andrei jäntsch 16011957 81550". The list says whose code it is; nothing says it is no code."""
    m = _LISTED_POSTCODE.match(text, end)
    return (m.start("value"), m.end("value")) if m is not None else None


# An address in Chinese, Japanese or Korean writing: administrative units from the largest
# down, then numbers with the words that say what they number; written without spaces in
# Chinese and Japanese ("愛媛県町田市油井24丁目20番16号 アーバン上高野887", "台南市永安路27號之1"),
# with them in Korean ("경상북도 영동군 테헤란10길 265-87").
_EAST_ASIAN = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}ー々ヶ"
_EAST_ASIAN_RUN = regex.compile(
    rf"(?:\d{{3,6}}[ \u3000]?)?[{_EAST_ASIAN}][{_EAST_ASIAN}0-9０-９A-Za-zＡ-Ｚａ-ｚ\-－−‐]*"
    # Further parts after a space begin with a letter of these scripts, a digit or a bracket:
    # "アーバン上高野887", "265-87", "(은서고이리)"; not the English the address is written in.
    rf"(?:[ \u3000]+[(（]?[{_EAST_ASIAN}0-9０-９][{_EAST_ASIAN}0-9０-９A-Za-zＡ-Ｚａ-ｚ\-－−‐]*[)）]?)*"
)
# The units: prefecture, province, city, ward, county, town, village; Korean 도, 시, 구, 군, 동.
_ADMINISTRATIVE_UNIT = regex.compile(r"[都道府県省市区區县縣郡町村鎮镇]|\p{Hangul}+(?:도|시|구|군|읍|면|동)(?=[ \u3000])")
# A number that says it is one of an address: 24丁目, 20番, 16号, 27號, "I座"; Korean 91로, 10길 + number.
_ADDRESS_NUMBER = regex.compile(r"[0-9０-９]+(?:丁目|番地|番|号|號|弄|巷|室|樓|楼)|[A-Za-z0-9]座|(?:로|길|가|거리)[ \u3000]*(?:지하)?[0-9]+")
# A street and its number need no unit before them: "苗栗新生街7號9樓", "永康大安巷5號之9".
_STREET_NUMBER = regex.compile(r"[街路巷道弄][0-9０-９]+(?:段[0-9０-９]+)?[號号]")


@register
class EastAsianAddressRecognizer(LocalRecognizer):
    REQUIRES = Substrings("丁目", "番", "号", "號", "座", "弄", "巷", "室", "樓", "楼", "로", "길", "가", "거리")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="EastAsianAddressRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for m in _EAST_ASIAN_RUN.finditer(text):
            run = m.group()
            unit = _ADMINISTRATIVE_UNIT.search(run)
            if (unit is None or _ADDRESS_NUMBER.search(run, unit.end()) is None) and _STREET_NUMBER.search(run) is None:
                continue
            end = m.end()
            while end > m.start() and (text[end - 1] in " \u3000(（" or (text[end - 1] in ")）" and not ({"(", "（"} & set(text[m.start() : end])))):
                end -= 1
            results.append(result(self, "STREET_ADDRESS", m.start(), end, 0.6, "an address in East Asian writing"))
        return results


# Alphabets other than Latin that no East Asian address reader above covers: Greek, Cyrillic,
# Armenian, Hebrew, Arabic, the scripts of India and Sri Lanka, Thai, Georgian.
_OTHER_SCRIPT_LETTER = r"[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u10a0-\u10ff]"
# Of those, the ones whose writers use capitals (Georgian has capitals in Unicode, unused in addresses).
_CASED_SCRIPT = regex.compile(r"[\u0370-\u03ff\u0400-\u052f\u0530-\u058f]")
_OTHER_SCRIPT_WORD = rf"{_OTHER_SCRIPT_LETTER}[\p{{L}}\p{{M}}\u200c\u200d'’.-]*"
# A house number, a flat, a postcode (seven digits in Israel): "9/7", "09-13", "3J", "821993".
_ADDRESS_NUMBER_PART = r"\d{1,7}(?:[/-]\d{1,4})?[\p{L}]?(?![\p{L}\p{M}\d])"
_OTHER_SCRIPT_PART = rf"(?:{_OTHER_SCRIPT_WORD}|{_ADDRESS_NUMBER_PART})"
_OTHER_SCRIPT_RUN = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d]){_OTHER_SCRIPT_PART}(?:[ \t]*[,()]{{0,2}}[ \t]*(?:[(][ \t]*)?{_OTHER_SCRIPT_PART}[)]?)*")
_LATIN_WORD = regex.compile(r"(?<![\p{L}\p{M}])[A-Za-z\u00c0-\u024f]{2,}")


@register
class OtherScriptAddressRecognizer(LocalRecognizer):
    """An address written in another alphabet inside a text written in a Latin one ("I live at
    п. Баргузин, ш. Запрудное, д. 7 стр. 28, 821993", "ship it to Κομίτου 94, ΤΚ 75749 Αθήνα"):
    words of that alphabet and the numbers of an address among them, as one span. The reader
    needs no street word of each language: in text written in English, a run of another
    alphabet's words with a house number or postcode in it is where someone lives. Not in text
    written wholly in that alphabet (its own sentences have numbers too), and not a run whose
    numbers are a phone number's."""

    MIN_DIGITS = 1
    REQUIRES = _OTHER_SCRIPT_LETTER

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="OtherScriptAddressRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for m in _OTHER_SCRIPT_RUN.finditer(text):
            run = m.group()
            if not (regex.search(_OTHER_SCRIPT_LETTER, run) and any(ch.isdigit() for ch in run)):
                continue
            rest = text[: m.start()] + " " + text[m.end() :]
            latin = _LATIN_WORD.findall(rest)
            # The text around the run is written in Latin letters, English among them.
            if len(latin) <= len(regex.findall(_OTHER_SCRIPT_WORD, rest)) or not any(len(w) >= 3 and is_common_english(w) for w in latin):
                continue
            # An address's words are names and abbreviations ("ул. Высокая", "д. 9/7"); a
            # sentence's are mostly small words ("Клиент жалуется на интернет 3 дня").
            cased = [w for w in regex.findall(_OTHER_SCRIPT_WORD, run) if _CASED_SCRIPT.match(w)]
            if len([w for w in cased if w[0].islower() and not w.endswith(".")]) * 3 > len(cased):
                continue
            end = m.end()
            while end > m.start() and text[end - 1] in " \t,(":
                end -= 1
            if text[m.start() : end].count("(") < text[m.start() : end].count(")"):
                end -= 1  # the bracket closes one opened before the run
            results.append(result(self, "STREET_ADDRESS", m.start(), end, 0.6, "an address in another alphabet inside Latin text"))
        return results


# Vietnamese addresses: a house number with its alleys ("7/28", "2/73/643", "Số 6"), then the
# ways that lead to it, each a word of its kind and a number or a name ("Ngõ 41 Phố số 4",
# "Hẻm 12 Lê Đức Thọ", "Khu 69 Hoàng Diệu", "đường 53"), then the city or province.
_VN_WAY = r"(?i:hẻm|ngõ|ngách|kiệt|khu|khóm|phố|đường|tổ|ấp|thôn|xóm)"
# The administrative units after the ways: ward, commune, town, district, city, province.
_VN_UNIT_WORD = r"(?i:tp\.?|thành[ \t]+phố|tỉnh|quận|huyện|phường|xã|thị[ \t]+trấn)"
_VN_NOT_NAME = rf"(?!(?:{_VN_WAY}|{_VN_UNIT_WORD})[ \t])"
_VN_NAME = rf"{_VN_NOT_NAME}\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*(?:[ \t]+(?:de[ \t]+)?{_VN_NOT_NAME}\p{{Lu}}[\p{{L}}\p{{M}}'’.-]*){{0,4}}"
# "Hẻm 12 Lê Đức Thọ": an alley's number, then the street it leads off, named without its word.
_VN_PART = rf"{_VN_WAY}[ \t]+(?:(?i:số)[ \t]+)?(?:\d{{1,4}}[A-Za-z]?(?![\w/])(?:[ \t]+{_VN_NAME})?|{_VN_NAME})"
# Up to three units, each after a comma or not, in any case ("phường Long Bình thành phố Huế",
# ", 14751 Thành phố Cần Thơ"), a postcode before the first or after the last.
_VN_UNIT = rf",?[ \t]*(?:\d{{5,6}}[ \t]+)?{_VN_UNIT_WORD}[ \t]+{_VN_NAME}"
_VN_UNITS = rf"(?:{_VN_UNIT}){{1,3}}(?:,?[ \t]+\d{{5,6}}(?!\d))?"
_VN_HOUSE = r"(?<![\w/.-])(?:(?i:số)[ \t]+)?\d{1,6}(?:/\d{1,5}){0,3}[A-Za-z]?"
_VIETNAMESE_ADDRESS = rf"{_VN_HOUSE},?[ \t]+{_VN_PART}(?:,?[ \t]+{_VN_PART}){{0,3}}(?:{_VN_UNITS})?"
# "9/66 Trần Quốc Toản, 14751 Thành phố Cần Thơ", "3/38/141 Lê Văn Sỹ Phường Bình Thuận Cà Mau
# 60558": a street named without its word, known by the house number before it and the units
# after it.
_VIETNAMESE_NAMED_STREET = rf"{_VN_HOUSE}[ \t]+{_VN_NAME}{_VN_UNITS}"


@register
class VietnameseAddressRecognizer(PatternRecognizer):
    """A Vietnamese address: house number and alleys, the ways to it, the city ("2/73/643 Hẻm 12
    Lê Đức Thọ, TP. Đà Nẵng", "1 đường 53"); or a street's name alone between the house number
    and the city ("9/66 TRẦN QUỐC TOẢN, 14751 THÀNH PHỐ CẦN THƠ")."""

    MIN_DIGITS = 1
    PATTERNS = [Pattern("Vietnamese address", _VIETNAMESE_ADDRESS, 0.6), Pattern("Vietnamese street and city", _VIETNAMESE_NAMED_STREET, 0.6)]
    REQUIRES = FirstWords("hẻm ngõ ngách kiệt khu khóm phố đường tổ ấp thôn xóm tp tỉnh quận huyện phường xã")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            patterns=self.PATTERNS,
            supported_language=supported_language,
            name="VietnameseAddressRecognizer",
            global_regex_flags=re.MULTILINE,
        )


# A street that names no street word, known by what follows it: its number, then a postcode
# and a town, as most of Europe writes an address ("Bakkenvollen 14B, 7871 Lie", "ÚPSKÁ 790,
# 606 14 LANŽHOT", "iversenringen 1 9154 jacobsen"). The postcode and town are the evidence.
_NUMBER_CODE_TOWN = regex.compile(
    rf"[ \t](?P<number>\d{{1,4}}[a-zA-Z]?(?:[/-]\d{{1,4}}[a-zA-Z]?|[a-zA-Z]\d{{1,3}})?)\.?[ \t]*,?[ \t]*(?P<code>{_ANY_POSTCODE})"
    rf"[ \t]+(?P<town>{_PLACE_AFTER_POSTCODE}(?:[ \t-]+{_PLACE_AFTER_POSTCODE}){{0,2}}?)(?=[ \t]*(?:$|[,;.!?)(\n]|[ \t][-–][ \t]))"
)
_STREET_WORDS_BEFORE = regex.compile(r"(?<![\w'’.-])[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3}$")
_NOT_A_PLACE_WORD = frozenset(["please", "thanks", "asap", "today", "tomorrow", "yesterday"])


@register
class StreetBeforePostcodeRecognizer(LocalRecognizer):
    # A number, then a code with a digit, then a word: what the pattern needs at the least.
    REQUIRES = r"[ \t]\d{1,4}[a-zA-Z]?\.?[ \t]*,?[ \t]*[A-Za-z-]{0,3}\d[\w -]{0,8}[ \t][^\W\d_]"

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], supported_language=supported_language, name="StreetBeforePostcodeRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for m in _NUMBER_CODE_TOWN.finditer(text):
            code, town = m.group("code"), m.group("town").split()
            if not _is_code(code.replace(" ", "")) or any(w.lower() in STOP_WORDS or w.lower() in _NOT_A_PLACE_WORD for w in town):
                continue
            before = _STREET_WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if before is None:
                continue
            # The words leading up to the street are no part of it ("could not find", "moved to").
            words = list(regex.finditer(r"[^\W\d_][\w'’.-]*", before.group()))
            while words and (words[0].group().lower() in STOP_WORDS or is_english_vocabulary(words[0].group())):
                words.pop(0)
            if not words:
                continue
            results.append(result(self, "STREET_ADDRESS", before.start() + words[0].start(), m.end(), 0.6, "a street, its number, a postcode and a town"))
        return results


# The lines of an address block after the street found: town, postcode, region, country, each
# on its own line ("7 Smith Meadows\nGeorginahaven\nG9J 5JD", "CAMPO NOVAES, 9\nESPERANÇA\n
# 56766981 MOREIRA PAULISTA / BA"), up to a blank line, a label ("Tel.") or a sentence.
_NEXT_LINE = regex.compile(r"[ \t,]*\n[ \t]*(?P<line>[^\n]{1,60})")
_LINE_TOKEN = regex.compile(r"[^\W\d_][\w'’.-]*|\d[\w-]*")
_CODE_IN_LINE = regex.compile(rf"(?<![\w-]){_ANY_POSTCODE}(?![\w-])")
_LABELS = frozenset(
    ["tel", "tel.", "phone", "ph", "m", "mob", "mobile", "e", "email", "e-mail", "fax", "date", "dob", "name", "dear", "hi", "hello", "tlf", "telefon"]
)
MAX_BLOCK_LINES = 3


def _address_line(line: str) -> bool:
    tokens = _LINE_TOKEN.findall(line)
    if not tokens or len(tokens) > 6 or ":" in line or tokens[0].lower().rstrip(".") in _LABELS:
        return False
    words = [t for t in tokens if not t[0].isdigit()]
    if any(w.lower() in STOP_WORDS and len(w) > 2 for w in words):
        return False  # a sentence: "please cancel my contract", "within three days."
    if _CODE_IN_LINE.search(line):
        return True
    return bool(words) and all(not is_english_vocabulary(w) or (w.isupper() and len(w) <= 3) for w in words)


def address_block_lines(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The lines after a street address that finish its block, or None."""
    first = last = None
    position = end
    for _ in range(MAX_BLOCK_LINES):
        m = _NEXT_LINE.match(text, position)
        if m is None or not _address_line(m.group("line")):
            break
        first = m.start("line") if first is None else first
        last = position = m.start("line") + len(m.group("line").rstrip(" \t,"))
    return (first, last) if first is not None and last is not None else None
