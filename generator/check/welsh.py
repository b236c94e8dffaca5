"""Welsh text in bilingual documents: which passages are Welsh, and which words are Welsh words.

Welsh partnerships publish in Welsh and English. In a Welsh sentence most words are capitalised
or name-shaped to an English-language check ("Mae Partneriaeth Cymunedau Diogelach ..."), and the
English NER model calls them people. So the name recognizer asks this module:

- `welsh_spans(text)`: the sentences and lines that are Welsh. A passage counts only when the
  language identifier (py3langid, restricted to Welsh and English) is confident AND it holds at
  least one Welsh function word ("mae", "yr", "ac", "gyda" ...): an English sentence full of Welsh
  names ("Eirlys met Gwenllian Pritchard") is not Welsh, so its names stay names.
- `is_welsh_word(word)`: a word of public life or a function word, after undoing the initial
  mutations ("Gymorth" is "cymorth", "Ferched" is "merched", "Thrais" is "trais").

Inside a Welsh passage, a capitalised word in no name list is taken to be a Welsh word; given
names and surnames from the gazetteers, titles and registered names are still found.
"""

from __future__ import annotations

import re
from functools import lru_cache

FUNCTION_WORDS = set(
    """ac ag yr y 'r o'r i'r a'r gyda efo heb dros drwy trwy wrth rhwng ers tan mewn yng ym yn fel nad nid nhw fe fo
    hwy ei eu ein eich fy dy mae oedd roedd bydd byddai bu buodd fu fod bod ydy yw ydyn ydym rydym roeddwn oeddwn
    roedden oedden sydd sy wedi hefyd ond neu pan lle ble beth pwy pam sut faint pob holl rhai rhywun neb dim ddim
    unrhyw llawer ychydig mwy mwyaf llai lleiaf iawn eithaf yma yno hon hwn hyn hynny honno hwnnw eto erbyn tua
    ynghylch ynglŷn ynghyd gilydd arall eraill doedd nac gan hyd ar am""".split()
)
# English words spelt like Welsh function words: they count only alongside a surely-Welsh one
_AMBIGUOUS_FUNCTION = {"a", "i", "o", "am", "at", "ar", "gan", "hyd", "pan", "lle", "fe", "fo", "ni", "chi", "hi", "na"}

# words of public life that count as words even where they are also given names ("Taid", "Mam")
PUBLIC_WORDS = set(
    """llywodraeth cymru senedd cyngor heddlu iechyd bwrdd prifysgol ysbyty gwasanaeth gwasanaethau cymdeithas canolfan
    gofal diogel byw heb ofn croeso diolch cymraeg cymreig sir dinas tref cynulliad comisiynydd plant oedolion teulu
    cymunedol cymuned partneriaeth adolygiad lladdiad domestig cam-drin trais rhywiol menywod dynion cyfiawnder
    swyddfa cartref tai addysg cyf ccc cbs ysgol gynradd uwchradd gyfun feithrin dw dwi ddim yn gwybod mae hi fe ni
    chi nhw ac yr ar am gyda bore da nos hwyl cariad mam tŷ ty capel eglwys pentref fferm heol ffordd stryd lôn
    rhodfa cilgant maes cwm pant cyfeiriad ffôn rhif dyddiad geni enw bod roedd oedd wedi gyda efo hefyd ond
    iawn diolch croeso annwyl""".split()
)

WORDS = FUNCTION_WORDS | PUBLIC_WORDS | set(
    """llywodraeth cymru senedd cyngor heddlu iechyd bwrdd prifysgol ysbyty gwasanaeth gwasanaethau cymdeithas canolfan
    gofal diogel byw ofn croeso diolch cymraeg cymreig sir dinas tref cynulliad comisiynydd plant oedolion teulu
    cymunedol cymuned cymunedau partneriaeth adolygiad adolygiadau lladdiad dynladdiad domestig cam-drin camdriniaeth
    trais rhywiol menywod merched dynion cyfiawnder swyddfa cartref tai addysg cyf ccc cbs ysgol gynradd uwchradd gyfun
    feithrin dw dwi gwybod mam tŷ ty capel eglwys pentref fferm heol ffordd stryd lôn rhodfa cilgant maes cwm pant
    cyfeiriad ffôn rhif dyddiad geni enw annwyl adroddiad cryno llawn terfynol fersiwn drafft crynodeb ffeithiau
    atodiad atodiadau tudalen adran pennod cofnodion fflat manylion cerbyd cerbydau seiliau fawr mawr bach uned ymgeisydd
    rhingyll cwnstabl ditectif arolygydd tystiolaeth gorchymyn hysbysiad amddiffyn achos cais perthynas galwad dioddefwr
    troseddwr amodau ymddygiad digwyddiad digwyddiadau datganiad
    casgliadau casgliad argymhellion argymhelliad cyflwyniad cefndir methodoleg cyfranogiad teuluoedd ffrindiau
    ffrind cymdogion cymydog panel aelodau aelod cadeirydd annibynnol awdur adolygydd arweiniol swyddog swyddogion
    cyswllt diogelu unedig sengl oedolyn plentyn pobl ifanc diogelach rhanbarthol cenedlaethol lleol sirol
    bwrdeistref meddyg meddygon nyrs ambiwlans tân achub prawf carchar llys ynadon goron troseddol trosedd troseddau
    gartref deddf deddfau rheoliadau canllawiau polisi gweithdrefn protocol strategaeth cynllun gweithredu gweithred
    camau cam hyfforddiant ymwybyddiaeth asesiad asesiadau risg cyfarfod cyfarfodydd cynhadledd aml-asiantaeth
    asiantaeth asiantaethau sefydliad sefydliadau elusen cymorth gwybodaeth llinell gwefan ebost e-bost amser
    blwyddyn blynyddoedd mis misoedd wythnos wythnosau diwrnod dydd nos bore prynhawn heddiw ddoe yfory marwolaeth
    bywyd hawliau lles llesiant meddwl alcohol cyffuriau camddefnyddio sylweddau digartrefedd cartrefi ysgolion
    gwaith cyflogwr cyflogaeth arian ariannol economaidd rheolaeth cymhellol ymddygiad rheolaethol stelcio aflonyddu
    bygythiadau bygythiad anafiadau anaf ymosodiad ymosodiadau digwyddiad digwyddiadau atgyfeiriad atgyfeiriadau
    datgeliad datgelu cyfrinachol cyhoeddus cyhoeddi cyhoeddiad gwersi dysgu dysgwyd themâu thema materion mater
    pryderon pryder gwendidau cryfderau arfer arferion da gorau ymarfer ymarferwyr gweithwyr proffesiynol staff
    rheolwr rheolwyr pennaeth cyfarwyddwr prif weithredwr dirprwy uwch cynorthwyydd gweinyddol ysgrifennydd
    cydymdeimlad teimladau galar profedigaeth coffa cofio cof hoffai hoffem hoffwn dymuno diolchgar dewisodd cafodd
    gwnaeth dywedodd nododd cytunodd cyfeirir gwnaethom canfu canfuwyd cynhaliwyd cyhoeddwyd ystyriodd ystyriwyd
    derbyniodd derbyniwyd gofynnwyd cysylltodd cysylltwyd gweithio gwneud cael mynd dod gweld clywed teimlo siarad
    dweud helpu cefnogi sicrhau gwella datblygu adolygu ystyried argymell dogfen hon ar gael saesneg ffugenw
    ymddiriedolaeth gig samariaid cyfreithiol cyngor trafod ymateb ymatebion cyfnod cyfnodau chwaer brawd mab merch
    gŵr gwraig partner cyn-bartner tad nain taid mamgu tadcu modryb ewythr cefnder cyfnither wyres ŵyr dad mamau tadau
    ionawr chwefror mawrth ebrill mai mehefin gorffennaf awst medi hydref tachwedd rhagfyr llun mercher iau gwener
    sadwrn sul cofnod cofnodion neges negeseuon symud ymweliad gweithiwr bro rheoli unigol adolygiadau derbyniwyd rôl rol difrifol iaith gofyn gweithredu troseddau soniodd enw asiantaeth cynnig rhagweithiol fframwaith
    cymdeithasol cymdeithas dyffryn afon mynydd bryn coed ynys aber llan diogelwch ymchwiliad cwest crwner dedfryd euog carcharu rhyddhau trwydded
    cronoleg meddygfa amdanoch amdanaf amdanom cylch meithrin cynnwys nodiadau ffurflen cofrestru cofrestredig diweddariad
    iechyd meddwl bydwreigiaeth bydwraig ymwelydd cyfyngedig swyddogol sensitif rhagair pont
    briff munud arfordir cleient clinigol agosaf glan môr mor preifat chyfrinachol cyfrinachol""".split()
)

# initial mutations, undone: the mutated start of a word and the radical letters it may come from
_UNMUTATE = [("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("ph", "p"), ("th", "t"), ("ch", "c"), ("dd", "d"),
             ("b", "p"), ("d", "t"), ("g", "c"), ("f", "b"), ("f", "m"), ("l", "ll"), ("r", "rh"), ("m", "b"), ("n", "d")]


def radicals(w: str) -> list[str]:
    """The word and the radical forms it may be a mutation of."""
    out = [w]
    for mutated, radical in _UNMUTATE:
        if w.startswith(mutated):
            out.append(radical + w[len(mutated):])
    if w[:1] in "aeiouwyâêîôûŵŷ":
        out.append("g" + w)  # soft mutation drops an initial g: "Gymraeg" <- "Cymraeg", "ofal" <- "gofal"
    return out


def is_welsh_word(word: str) -> bool:
    w = word.lower().strip("'’")
    if w.endswith(("'r", "’r")):
        w = w[:-2]
    return any(r in WORDS for r in radicals(w))


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True, langs=["en", "cy"])


_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
# sentences, and the halves of bilingual lines ("Welsh / English", "Welsh | English")
_SENTENCE = re.compile(r"[^.!?|/]+(?:[.!?]+|$|(?=[|/]))")
_WORD = re.compile(r"[A-Za-zÀ-ÿŴŵŶŷ'’-]+")


def welsh_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` that is written in Welsh.

    A sentence of three words or more is Welsh when the identifier says so and it holds a Welsh
    function word; a shorter piece ("Meddai:", a heading, a table cell) when the identifier is
    sure of it and a Welsh sentence stands beside it in the same paragraph, or when all its
    words are Welsh words."""
    if not _maybe_welsh(text):
        return []
    ident = _identifier()
    spans = []
    for para in _PARAGRAPH.finditer(text):
        pieces = []  # (start, end, verdict: True, False or None for "too short to say")
        for m in _SENTENCE.finditer(para.group(0)):
            chunk = m.group(0)
            words = [w.lower() for w in _WORD.findall(chunk)]
            if not words:
                continue
            a, b = para.start() + m.start(), para.start() + m.end()
            lang, prob = ident.classify(chunk)
            sure = sum(w.strip("'’") in FUNCTION_WORDS and w not in _AMBIGUOUS_FUNCTION for w in words)
            if len(words) >= 3:
                known = sum(is_welsh_word(w) for w in words) / len(words)
                pieces.append((a, b, lang == "cy" and prob >= 0.9 and (sure > 0 or known >= 0.2)))
            elif all(is_welsh_word(w) for w in words):
                pieces.append((a, b, True))
            else:
                pieces.append((a, b, None if lang == "cy" and prob >= 0.99 else False))
        for k, (a, b, verdict) in enumerate(pieces):
            if verdict is None:
                verdict = any(p[2] is True for p in pieces[max(0, k - 1) : k + 2])
            if verdict:
                spans.append((a, b))
    return spans


_WELSH_LETTERS = re.compile(r"(?:^(?:ll|rh|ngh|mh|nh|ch|dd|ff)|dd|ll|ff|wy|yw|ŵ|ŷ|â|ô|aw|ae|oe|ei|au$|ion$|iad$|ydd$|wyr$|aeth$|ol$)", re.I)


def looks_welsh(word: str) -> bool:
    """A word in no list that is spelt like Welsh (the language identifier is sure of it alone)."""
    if len(word) < 4 or not _WELSH_LETTERS.search(word):
        return False
    if word.lower() in _maybe_welsh_word_cache:
        return _maybe_welsh_word_cache[word.lower()]
    lang, prob = _identifier().classify(word)
    _maybe_welsh_word_cache[word.lower()] = ok = lang == "cy" and prob >= 0.98
    return ok


_maybe_welsh_word_cache: dict[str, bool] = {}


_MARKERS = re.compile(r"\b(?:mae|yr|gyda|roedd|oedd|ydy|sydd|wedi|ddim|hefyd|ynghylch)\b", re.I)


def _maybe_welsh(text: str) -> bool:
    """A cheap test first, so English documents never load the language identifier."""
    return len(_MARKERS.findall(text)) >= 2
