"""Links: find URLs in plain text, repair wrapped ones, normalise, registered domain.

A link is evidence of where a story came from, so ``Link.url`` keeps the URL as
written and two derived forms sit beside it: ``fetch_url`` (conservative, still
fetchable: what the crawler requests) and ``match_key`` (lossy, only for
joining: the same article reached through http/https, www/m/amp or a tracking
link gets one key). ``registered_domain`` is what ties a link to an outlet.

Plain-text URL finding has no good library, so it is written here as a small
scanner plus named heuristics (trailing punctuation, brackets, URLs wrapped by
print/PDF dumps, "Original url:" / "Related article:" labels). Everything is
pure: text in, ``Link`` records out. tldextract runs offline on its bundled
Public Suffix List snapshot: no network, no cache file.
"""

from __future__ import annotations

import bisect
import functools
import ipaddress
import re
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import tldextract
from url_normalize import url_normalize

from .model import LINK_CONTEXTS, Link

# --------------------------------------------------------------------------
# Tunable constants
# --------------------------------------------------------------------------

#: Scheme given to bare ``www.`` hosts and scheme-relative ``//host`` URLs.
#: http, not https: every server that speaks https redirects http to it, while
#: an http-only site simply fails on https, so http is the one that always
#: reaches the page (the crawler records the redirect hop).
BARE_SCHEME = "http"

#: A URL that runs to the end of a line this long (visible characters) may
#: continue on the next line. Print/PDF dumps fill lines before wrapping; a
#: short line ending in a URL was ended on purpose.
WRAP_MIN_LINE_CHARS = 40
#: At most this many line breaks are repaired inside one URL.
MAX_WRAP_JOINS = 8
#: A URL practically never ends with these, so a URL broken right after one
#: continues on the next line whatever the line length or the next word.
#: ("?" is missing on purpose: "did you see https://x.com/a?" ends a sentence.)
STRONG_BREAK_ENDINGS = "-_=&%+"
#: A continuation token carrying one of these is URL-ish even when prose
#: follows it on the same line.
URL_ISH_CHARS = "/?=&%#_~"
#: A continuation never starts with an opening bracket or quote.
OPENERS = "([{<\"'«“‘"

#: Longer "URLs" in plain text are runs of junk, not links (servers commonly
#: refuse request lines over 8 KB); this also bounds the work spent on one.
MAX_URL_CHARS = 8192

#: Stripped from the end of a URL: sentence punctuation and closing quotes.
TRAILING_PUNCTUATION = ".,;:!?'\"”’»*"
#: Closing brackets are stripped too, unless an opener inside the URL balances
#: them (https://en.wikipedia.org/wiki/Foo_(bar) keeps its paren).
CLOSERS = {")": "(", "]": "[", "}": "{"}

#: Line labels that give the URL(s) after them a context. A label starts a
#: line and is followed by a colon, by a URL, or by the end of the line.
ORIGINAL_LABELS = (
    "original url", "original link", "original article", "original source",
    "original", "source url", "source link", "source", "canonical url",
    "originally published at", "first published at",
)
RELATED_LABELS = (
    "related article", "related articles", "related story", "related stories",
    "related link", "related links", "related", "read more", "read also",
    "also read", "see also", "more on this", "further reading", "read next",
)
#: Blank lines allowed between a label alone on its line and its URL block.
MAX_LABEL_GAP_LINES = 2
#: A URL whose slug shares this many words, and this share of its slug
#: words, with a "Related article: <title>" title is that related article.
SLUG_MATCH_MIN_TOKENS = 3
SLUG_MATCH_MIN_RATIO = 0.6
#: Slugs are compared with at most this many distinct related titles; an
#: article has a handful, and the cap keeps a hostile text from going
#: quadratic (links x titles).
MAX_RELATED_TITLES = 100

#: Query parameters that only track the click; removed from fetch_url and
#: match_key. Compared case-insensitively. Functional ones (id, page, p, q)
#: stay: that is why url_normalize's filter_params is not used.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid",
    "mc_eid", "yclid", "_ga", "_gl", "igshid", "igsh", "ref_src", "ref_url",
    "cmpid", "ocid", "ncid", "smid", "icid", "_hsenc", "_hsmi", "mkt_tok",
    "guccounter", "guce_referrer", "guce_referrer_sig", "at_medium",
    "at_campaign", "s_kwcid", "twclid", "ttclid", "li_fat_id", "vero_id",
    "oly_anon_id", "oly_enc_id", "rb_clickid", "wickedid", "fb_action_ids",
    "fb_action_types", "fb_ref", "fb_source", "__twitter_impression",
})
TRACKING_PARAM_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
#: Leading host labels that name the same publisher (dropped in match_key).
DROPPED_HOST_LABELS = ("www", "m", "amp", "mobile")
#: Schemes a link may have; anchors with any other (javascript:, mailto:,
#: tel:, data:, ...) are not links to pages.
LINK_SCHEMES = ("http", "https")
#: normalise() and registered_domain() are pure and a corpus repeats its
#: URLs (outlet boilerplate, related links), so results are memoised.
NORMALISE_CACHE_SIZE = 65536
#: Hosts without a public suffix that are still a domain of their own.
LOCAL_HOSTNAMES = frozenset({"localhost"})

# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------

# Characters that end a URL: whitespace (incl. NBSP), controls, <>"`, the
# guillemets and the whole General Punctuation block (dashes, curly quotes,
# ellipsis, zero-width spaces), ideographic space and punctuation. Everything
# else, non-ASCII letters included (IRIs), may be part of a URL.
_NOT_URL = "\\s\\x00-\\x1f\\x7f<>\"`\\xab\\xbb\\u2000-\\u206f\\u3000-\\u3003\\ufeff"
# The body is one negated class under a star: it cannot backtrack.
_URL_BODY = re.compile(f"[^{_NOT_URL}]*")
# A URL start not glued to a word, an e-mail address or another URL.
_URL_START = re.compile(r"(?<![\w@./\-])(?:https?://|www\.)", re.IGNORECASE)
_WRAP_WS = "[ \\t\\xa0\\u2007\\u202f\\u3000]"
# The end of a line and the wrap whitespace around it.
_WRAP_BREAK = re.compile(f"{_WRAP_WS}*(?:\\r\\n|\\r|\\n){_WRAP_WS}*")
_LINE_REST_BLANK = re.compile(f"{_WRAP_WS}*(?:\\r\\n|\\r|\\n|\\Z)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_HOSTLIKE = re.compile(r"[\w\-]+(?:\.[\w\-]+)+(?::\d+)?(?:[/?]|$)")
# A normalised (lowercase, ASCII) host: labels of letters, digits, - and _.
_HOST = re.compile(r"[a-z0-9_\-]+(?:\.[a-z0-9_\-]+)*")
_LIST_FILLER = set(" \t\r\n\xa0<>()[]{}\"'“”«»,;|-*•")


def _label_pattern() -> re.Pattern[str]:
    labels = sorted(ORIGINAL_LABELS + RELATED_LABELS, key=len, reverse=True)
    alternation = "|".join(re.escape(label).replace(r"\ ", r"[ \t\xa0]+") for label in labels)
    return re.compile(
        r"^[ \t\xa0]*(?:[-*•>]+[ \t\xa0]*)?(?P<label>" + alternation + r")"
        r"[ \t\xa0]*(?::|：|(?=https?://|www\.|<)|(?=\r?$))[ \t\xa0]*(?P<rest>[^\r\n]*)",
        re.IGNORECASE | re.MULTILINE,
    )


_LABEL = _label_pattern()


# --------------------------------------------------------------------------
# Finding URLs in plain text
# --------------------------------------------------------------------------


def find_links(text: str, document: str) -> list[Link]:
    """Every URL in ``text``, in order of appearance, as ``Link`` records.

    ``url`` is the URL as written with any repaired line breaks removed;
    ``start``/``end`` span the original text, so the span minus whitespace
    equals ``url``. ``context`` is "original" or "related" when a label says
    so, else "wrapped" for a URL repaired across lines, else "inline".
    """
    found: list[tuple[int, int, str, bool]] = []  # start, end, url, wrapped
    pos = 0
    while (m := _URL_START.search(text, pos)) is not None:
        start = m.start()
        end = _URL_BODY.match(text, start).end()
        angle = start > 0 and text[start - 1] == "<"
        pieces = [text[start:end]]
        end = _extend_wrapped(text, end, pieces, angle)
        url = "".join(pieces)
        stripped = _strip_trailing(url)
        end -= len(url) - len(stripped)
        if not _plausible(stripped) or _normalise(stripped) is None:
            pos = m.end()
            continue
        found.append((start, end, stripped, len(pieces) > 1))
        pos = end

    contexts = _label_contexts(text, found)
    links = []
    for i, (start, end, url, wrapped) in enumerate(found):
        fetch_url, match_key = _normalise(url)  # checked usable above
        context = contexts.get(i) or ("wrapped" if wrapped else "inline")
        links.append(Link(
            document=document, url=url, fetch_url=fetch_url, match_key=match_key,
            domain=registered_domain(fetch_url), context=context, start=start, end=end,
        ))
    return links


def _extend_wrapped(text: str, end: int, pieces: list[str], angle: bool) -> int:
    """Append to ``pieces`` the continuation lines of a URL broken at ``end``.

    Returns the new end. A URL continues on the next line when it runs to the
    end of its line and the next line starts with a token of URL characters
    that passes ``_is_continuation``. Inside <angle brackets> (RFC 3986,
    appendix C) any token up to the closing ">" continues the URL.
    """
    for _ in range(MAX_WRAP_JOINS):
        brk = _WRAP_BREAK.match(text, end)
        if brk is None:
            break
        token_end = _URL_BODY.match(text, brk.end()).end()
        token = text[brk.end():token_end]
        alone = _LINE_REST_BLANK.match(text, token_end) is not None
        closes = token_end < len(text) and text[token_end] == ">"
        if not token or not _is_continuation(
            pieces[-1], _line_length(text, end), token, alone, angle and (alone or closes)
        ):
            break
        pieces.append(token)
        end = token_end
        if not alone:
            break
    return end


def _line_length(text: str, end: int) -> int:
    """Visible length of the line that ends at ``end``."""
    line_start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
    return len(text[line_start:end].strip())


def _is_continuation(before: str, line_len: int, token: str, alone: bool, angle: bool) -> bool:
    """Whether ``token`` at the start of the next line continues the URL.

    ``before`` is the URL text on the previous line, ``alone`` says the token
    is the whole next line. The rules, strongest first: never a new URL, a
    token without letters or digits ("---") or one opening a bracket; always
    inside <...> or after a character no URL ends with ("-", "=", ...);
    otherwise only after a full-width line, never for a capitalised word
    ("Thanks", "Kremlin Says"), and when prose follows the token, or the URL
    ended in punctuation, only if the token itself looks like URL syntax.
    """
    if _URL_START.match(token):
        return False
    if not any(c.isalnum() for c in token) or token[0] in OPENERS:
        return False
    if angle or before[-1] in STRONG_BREAK_ENDINGS:
        return True
    if line_len < WRAP_MIN_LINE_CHARS or _is_capitalised_word(token):
        return False
    url_ish = any(c in URL_ISH_CHARS for c in token)
    if before[-1] in TRAILING_PUNCTUATION or before[-1] in CLOSERS:
        return url_ish
    return alone or url_ish


def _is_capitalised_word(token: str) -> bool:
    """"Thanks", "Hospitals.", "Спасибо", "I": a word starting a sentence."""
    word = token.rstrip(TRAILING_PUNCTUATION).replace("'", "").replace("’", "")
    return word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _strip_trailing(url: str) -> str:
    """``url`` without trailing punctuation and unbalanced closing brackets."""
    counts = {c: url.count(c) for c in (*CLOSERS, *CLOSERS.values())}
    i = len(url)
    while i > 0:
        c = url[i - 1]
        if c in TRAILING_PUNCTUATION:
            i -= 1
        elif c in CLOSERS and counts[c] > counts[CLOSERS[c]]:
            counts[c] -= 1
            i -= 1
        else:
            break
    return url[:i]


def _plausible(url: str) -> bool:
    """A URL with a host: "http://" alone or "www.example" are not links."""
    _, sep, rest = url.partition("://")
    if sep:
        return any(c.isalnum() for c in re.split(r"[/?#]", rest, maxsplit=1)[0])
    host = re.split(r"[/?#:]", url, maxsplit=1)[0]
    return url[:4].lower() == "www." and sum(1 for label in host.split(".") if label) >= 3


# --------------------------------------------------------------------------
# Contexts: "Original url:", "Related article:" and friends
# --------------------------------------------------------------------------


def _label_contexts(text: str, found: list[tuple[int, int, str, bool]]) -> dict[int, str]:
    """Map index in ``found`` -> "original"/"related" where a label applies.

    Three rules, first match wins: (1) URLs on the label's own line, after it;
    (2) for a label alone on its line, the block of URL-only lines that
    follows (up to MAX_LABEL_GAP_LINES blank lines between): "Original url:\\n
    URL1\\n\\nURL2" makes only URL1 original; (3) a URL whose slug matches the
    title of a "Related article: <title>" anywhere in the text (print dumps
    move a related article's URL far from its title).
    """
    labels = list(_LABEL.finditer(text))
    if not labels or not found:
        return {}
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    def line_text(n: int) -> str:
        return text[starts[n]:starts[n + 1]] if n + 1 < len(starts) else text[starts[n]:]

    by_line: dict[int, list[int]] = {}
    for i, (start, _, _, _) in enumerate(found):
        by_line.setdefault(line_of(start), []).append(i)

    contexts: dict[int, str] = {}
    titles: list[set[str]] = []
    for label in labels:
        kind = "original" if _label_kind(label["label"]) in ORIGINAL_LABELS else "related"
        line = line_of(label.start())
        for i in by_line.get(line, []):
            if found[i][0] >= label.start("rest"):
                contexts.setdefault(i, kind)
        rest = label["rest"].strip()
        if rest and kind == "related" and not _URL_START.match(rest):
            title = rest
            if line + 1 < len(starts) and not _URL_START.search(line_text(line + 1)):
                title += " " + line_text(line + 1)
            words = _words(title)
            if len(titles) < MAX_RELATED_TITLES and words not in titles:
                titles.append(words)
        if rest:
            continue
        n, gap = line + 1, 0
        while n < len(starts) and not line_text(n).strip() and gap < MAX_LABEL_GAP_LINES:
            n, gap = n + 1, gap + 1
        while n in by_line and _url_only(text, starts, line_of, n, [found[i] for i in by_line[n]]):
            for i in by_line[n]:
                contexts.setdefault(i, kind)
            n = line_of(found[by_line[n][-1]][1]) + 1

    for i, (_, _, url, _) in enumerate(found):
        if i not in contexts and titles and _slug_matches(url, titles):
            contexts[i] = "related"
    return contexts


def _label_kind(label: str) -> str:
    return re.sub(r"\s+", " ", label.lower())


def _url_only(
    text: str, starts: list[int], line_of, n: int, spans: list[tuple[int, int, str, bool]]
) -> bool:
    """Whether line ``n`` (and the lines its URLs wrap onto) holds only URLs."""
    last_line = line_of(spans[-1][1])
    region_end = starts[last_line + 1] if last_line + 1 < len(starts) else len(text)
    pos = starts[n]
    for start, end, _, _ in spans:
        if not set(text[pos:start]) <= _LIST_FILLER:
            return False
        pos = end
    return set(text[pos:region_end]) <= _LIST_FILLER


def _words(text: str) -> set[str]:
    """Lowercase words with apostrophes removed ("Don't" -> "dont")."""
    text = re.sub(r"['’ʼ]", "", text.lower())
    return {w for w in re.split(r"[\W_]+", text) if w}


def _slug_matches(url: str, titles: list[set[str]]) -> bool:
    """Whether the wordiest path segment of ``url`` reads like one of ``titles``."""
    try:
        path = urlsplit(url if "://" in url else f"{BARE_SCHEME}://{url}").path
    except ValueError:
        return False
    best: list[str] = []
    for segment in path.split("/"):
        segment = re.sub(r"\.(?:s?html?|php|aspx?)$", "", unquote(segment).lower())
        tokens = [t for t in re.split(r"[\W_]+", segment) if t]
        # Ids such as "a61628" are not words of the title.
        tokens = [t for t in tokens if t.isdigit() or not any(c.isdigit() for c in t)]
        if len(tokens) > len(best):
            best = tokens
    slug = set(best)
    if len(slug) < SLUG_MATCH_MIN_TOKENS:
        return False
    for title in titles:
        hits = len(slug & title)
        if hits >= SLUG_MATCH_MIN_TOKENS and hits / len(slug) >= SLUG_MATCH_MIN_RATIO:
            return True
    return False


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------


def normalise(url: str) -> tuple[str, str]:
    """(fetch_url, match_key) for ``url``; never raises.

    fetch_url: url_normalize's RFC 3986 clean-up (case of scheme and host,
    IDNA, default port, percent-encoding, dot segments, "/" for an empty path)
    minus tracking parameters and the #fragment (never sent to the server).
    match_key: no scheme, no www./m./amp./mobile., no trailing slash or /amp,
    no ?amp, tracking parameters removed, the rest sorted, for joining only.
    Anything that is not an http(s) URL or a bare host (junk, mailto:, an
    invalid host or port) comes back trimmed, and lowercased as the key.
    """
    result = _normalise(url)
    if result is None:
        text = url.strip() if isinstance(url, str) else ""
        return text, text.lower()
    return result


@functools.lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def _normalise(url: str) -> tuple[str, str] | None:
    """normalise() for a usable http(s) URL, None for anything else."""
    try:
        if len(url) > MAX_URL_CHARS:
            return None
        return _normalise_url(url)
    except Exception:  # noqa: BLE001 - url_normalize/idna raise many types on junk
        return None


def _normalise_url(url: str) -> tuple[str, str] | None:
    text = re.sub(r"[\t\r\n]", "", url).strip()
    text = text.split("#", 1)[0]  # also avoids url_normalize's "#!" rewrite
    scheme = _SCHEME.match(text)
    if text.startswith("//"):
        text = f"{BARE_SCHEME}:{text}"
    elif scheme is None or (not text[scheme.end():].startswith("//") and _HOSTLIKE.match(text)):
        if not _HOSTLIKE.match(text):
            return None
        text = f"{BARE_SCHEME}://{text}"
    elif scheme[1].lower() not in LINK_SCHEMES:
        return None
    parts = urlsplit(url_normalize(text) or "")
    authority = parts.netloc.rpartition("@")[2]
    if authority.startswith("["):  # IPv6 literal: its colons are not a port
        host, _, port = authority.partition("]")
        host, port = host + "]", port.removeprefix(":")
    else:
        host, _, port = authority.partition(":")
        # url_normalize hands back hosts it could not IDNA-encode as they were.
        if not _HOST.fullmatch(host) or not any(c.isalnum() for c in host):
            return None
    if port and not (port.isdigit() and int(port) < 65536):
        return None
    params = [p for p in parts.query.split("&") if p and not _is_tracking(p.partition("=")[0])]
    fetch_url = urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join(params), ""))

    path = parts.path.rstrip("/")
    if path.lower().endswith("/amp"):
        path = path[:-4].rstrip("/")
    kept = sorted(p for p in params if not _is_amp_flag(p))
    match_key = (_drop_host_labels(host) + (f":{port}" if port else "") + path
                 + ("?" + "&".join(kept) if kept else ""))
    return fetch_url, match_key


def _is_tracking(key: str) -> bool:
    key = unquote(key).lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PARAM_PREFIXES)


def _is_amp_flag(param: str) -> bool:
    key, _, value = param.partition("=")
    return key.lower() == "amp" and value.lower() in ("", "1", "true")


def _drop_host_labels(host: str) -> str:
    """Drop leading www./m./amp./mobile. while a registrable domain remains."""
    for _ in DROPPED_HOST_LABELS:  # "www.m.example.com" needs two rounds
        first, _, rest = host.partition(".")
        if first not in DROPPED_HOST_LABELS or not rest:
            return host
        if _extractor()(rest).top_domain_under_public_suffix == "":
            return host
        host = rest
    return host


# --------------------------------------------------------------------------
# Registered domain (tldextract, offline)
# --------------------------------------------------------------------------


def _new_extractor() -> tldextract.TLDExtract:
    """A TLDExtract that never touches the network or the disk.

    suffix_list_urls=() is explicit, so TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS is
    not read and find_first_response tries no URL; cache_dir=None disables
    the DiskCache (no file under ~/.cache); the bundled PSL snapshot is then
    used. Private PSL entries count, so foo.blogspot.com is its own publisher.
    """
    return tldextract.TLDExtract(
        cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True,
        include_psl_private_domains=True,
    )


#: Built once, on first use (parsing the snapshot takes a few tens of ms).
_extractor = functools.cache(_new_extractor)


@functools.lru_cache(maxsize=NORMALISE_CACHE_SIZE)
def registered_domain(url: str) -> str | None:
    """The registrable domain of ``url`` (or of a bare host), or None.

    "news.bbc.co.uk" -> "bbc.co.uk", "foo.blogspot.com" -> "foo.blogspot.com"
    (private PSL), an IP host -> the IP, "localhost" -> "localhost", a bare
    public suffix or junk -> None. Hosts come back lowercase ASCII (punycode)
    so that Unicode and IDNA spellings of one domain agree.
    """
    if not isinstance(url, str) or not url.strip():
        return None
    text = re.sub(r"[\t\r\n]", "", url).strip()
    if "://" not in text and not text.startswith("//"):
        text = "//" + text
    try:
        host = urlsplit(text).hostname
        if not host:
            return None
        try:
            ipaddress.ip_address(host)
            return host  # an IP is its own domain; urlsplit lowercased it
        except ValueError:
            pass
        if not host.isascii():  # IDNA via url_normalize (its public API)
            normalised = _normalise(f"{BARE_SCHEME}://{host}/")
            host = urlsplit(normalised[0]).hostname if normalised else None
        host = (host or "").rstrip(".")
    except (ValueError, UnicodeError):
        return None
    if host in LOCAL_HOSTNAMES:
        return host
    if not _HOST.fullmatch(host):
        return None
    domain = _extractor()(host).top_domain_under_public_suffix
    if not domain:  # the host is itself a private suffix, e.g. blogspot.com
        domain = _extractor()(host, include_psl_private_domains=False).top_domain_under_public_suffix
    return domain or None


# --------------------------------------------------------------------------
# HTML anchors
# --------------------------------------------------------------------------


def link_from_href(
    href: str,
    document: str,
    *,
    base_url: str | None = None,
    anchor_text: str | None = None,
    start: int | None = None,
    end: int | None = None,
    context: str = "anchor",
) -> Link | None:
    """A ``Link`` for an HTML anchor's href, or None if it is not a page link.

    Relative hrefs resolve against ``base_url``; line breaks (with the wrap
    whitespace around them) and tabs inside the href are removed, as
    browsers do, while a plain inner space is kept and percent-encoded. None
    for empty hrefs, "#fragment", non-http(s) schemes (javascript:, mailto:,
    tel:, data:, ...) and relative hrefs without a base. An href starting
    "www." is the common authoring slip for a bare host, not a relative path.
    """
    if context not in LINK_CONTEXTS:
        raise ValueError(f"unknown link context {context!r}")
    if not isinstance(href, str):
        return None
    written = href.strip()
    compact = _WRAP_BREAK.sub("", written).replace("\t", "")
    if not compact or compact.startswith("#"):
        return None
    scheme = _SCHEME.match(compact)
    try:
        if compact.lower().startswith("www."):
            absolute = f"{BARE_SCHEME}://{compact}"
        elif scheme is not None:
            absolute = compact
        elif compact.startswith("//") and not base_url:
            absolute = f"{BARE_SCHEME}:{compact}"
        elif base_url:
            absolute = urljoin(base_url.strip(), compact)
        else:
            return None
        if urlsplit(absolute).scheme.lower() not in LINK_SCHEMES:
            return None
    except ValueError:
        return None
    normalised = _normalise(absolute)
    if normalised is None:
        return None
    fetch_url, match_key = normalised
    return Link(
        document=document, url=written, fetch_url=fetch_url, match_key=match_key,
        domain=registered_domain(fetch_url), context=context, start=start, end=end,
        anchor_text=anchor_text,
    )
