"""Read articles from disk: ``.txt``, ``.html``, ``.jsonl`` and ``.csv``.

Articles stream one at a time, so memory stays flat however large the batch.
A file that cannot be read is not an error for the batch: it comes out as a
:class:`Skip` naming the file and the problem, and reading goes on.

Plain files get their metadata from an optional manifest
(``file,outlet,published,url``); rows of ``.jsonl``/``.csv`` carry their own
(``id, url, outlet, published, title, text``); saved HTML pages offer
``og:site_name`` and ``article:published_time``. What is still missing is
inferred later from the text itself (:mod:`extract.metadata`).

What was read but had to be repaired or ignored (a publication date that is
not a date, or outside 1900–2100; lone surrogates such as ``"\\ud800"``) is
kept in :attr:`Article.warnings`, each message naming file and line.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from extract.claim import DateWindow
from guard.errors import BadInput
from guard.files import read_limited
from guard.text import replace_surrogates

__all__ = [
    "MAX_ARTICLE_BYTES", "MAX_YEAR", "MIN_YEAR", "SUFFIXES", "Article", "Skip", "check_hints", "date_in_range",
    "printable_path", "read_articles", "read_manifest", "sane_dates",
]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
# One article is a few kilobytes; a single file far above this is not an article.
MAX_ARTICLE_BYTES = 5_000_000
# A JSONL line holds one article, escaped: \uXXXX makes each Arabic letter 6 bytes.
MAX_LINE_BYTES = 4 * MAX_ARTICLE_BYTES
# Article rows are flat objects; deeper nesting is not an article (and 1,000 levels overflow the parser).
MAX_JSON_DEPTH = 32
MAX_MANIFEST_BYTES = 50_000_000
# Dates outside these years are typing errors or attacks (0001-01-01 minus a day overflows).
MIN_YEAR, MAX_YEAR = 1900, 2100
# A CSV cell may hold a whole article; the csv module's default stops at 131,072 characters.
csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_BYTES))
_MIN_ARABIC_LETTERS = 20
_ARABIC = re.compile(r"[\u0621-\u064a]")
_FUNCTION_WORDS = frozenset("في من على إلى الى أن إن عن مع التي الذي بعد قبل بين و أو ما لا".split())


@dataclass
class Article:
    """One article's text and what is known about where it came from."""

    id: str
    text: str
    path: str
    outlet: str | None = None
    published: DateWindow = field(default_factory=DateWindow)
    url: str | None = None
    title: str | None = None
    outlet_basis: str = ""
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Skip:
    """An input that was not read, and why (the message names the file)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def read_manifest(path: str | Path) -> dict[str, dict]:
    """Read a manifest CSV (``file,outlet,published,url``) keyed by file name.

    Raises
    ------
    ValueError
        With the file name and the problem, when the manifest is unusable.
    """
    path = Path(path)
    # A size limit, and only a regular file: a manifest path of /dev/zero must not be read forever.
    data = read_limited(path, MAX_MANIFEST_BYTES, what="manifest CSV (file,outlet,published,url)")
    try:
        reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        fields = reader.fieldnames or []
        if "file" not in fields:
            raise BadInput(f"{path}: a manifest needs a 'file' column (file,outlet,published,url)")
        out: dict[str, dict] = {}
        for row in reader:
            line = reader.line_num
            name = (row.get("file") or "").strip()
            if not name:
                raise BadInput(f"{path}, line {line}: no file name; every row needs file,outlet,published,url")
            pub = (row.get("published") or "").strip()
            if pub:
                try:
                    day = date.fromisoformat(pub)
                except ValueError:
                    raise BadInput(f"{path}, line {line}: published {pub[:40]!r} is not YYYY-MM-DD") from None
                if not date_in_range(day):
                    raise BadInput(f"{path}, line {line}: published {pub} is outside {MIN_YEAR}–{MAX_YEAR}; "
                                   "correct the date")
            out[Path(name).name] = {k: v for k, v in row.items() if isinstance(k, str)}
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: the manifest is not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8") \
            from None
    except csv.Error as exc:
        raise BadInput(f"{path}, line {reader.line_num}: malformed CSV ({exc})") from None
    return out


def date_in_range(day: date | None) -> bool:
    """True for a date in :data:`MIN_YEAR`..:data:`MAX_YEAR` (None counts as in range: unknown)."""
    return day is None or MIN_YEAR <= day.year <= MAX_YEAR


def check_hints(*, year: int | None = None, period: tuple[date, date] | None = None) -> None:
    """Raise when a publication-year hint lies outside :data:`MIN_YEAR`..:data:`MAX_YEAR`.

    Raises
    ------
    BadInput
        Saying which hint and the years allowed.
    """
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(f"year {year} is outside {MIN_YEAR}–{MAX_YEAR}; give the year the articles were published")
    if period is not None and not (date_in_range(period[0]) and date_in_range(period[1])):
        raise BadInput(f"period {period[0]}..{period[1]} is outside {MIN_YEAR}–{MAX_YEAR}")


def sane_dates(claims: list, article: Article) -> tuple[list, list[str]]:
    """Claims with any date outside :data:`MIN_YEAR`..:data:`MAX_YEAR` left undated, and a note for each.

    A year in the text such as «31 كانون الأول 9999» gives such a date; left
    in, one step past it overflows every timeline built from the claims.
    """
    out, notes = [], []
    for c in claims:
        bad = [name for name in ("date", "published")
               if not (date_in_range(getattr(c, name).earliest) and date_in_range(getattr(c, name).latest))]
        if bad:
            w = getattr(c, bad[0])
            notes.append(f"{article.path}: claim at characters {c.start}–{c.end} is dated {w.earliest} – {w.latest}, "
                         f"outside {MIN_YEAR}–{MAX_YEAR}; left undated")
            c = replace(c, **{name: DateWindow(None, None, f"date outside {MIN_YEAR}–{MAX_YEAR} ignored")
                              for name in bad})
        out.append(c)
    return out, notes


def printable_path(path: str | Path) -> str:
    """A path as text that can always be printed and stored: undecodable bytes shown as ``\\xff``."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:  # names the OS gave us, bytes kept as surrogate escapes (os.fsdecode)
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def read_articles(paths: Iterable[str | Path], *, manifest: dict[str, dict] | None = None) -> Iterator[Article | Skip]:
    """Yield every article under ``paths`` (files or folders), or a Skip.

    Parameters
    ----------
    paths : iterable of str or Path
        Files and folders; folders are walked for the supported suffixes.
    manifest : dict, optional
        From :func:`read_manifest`.

    Yields
    ------
    Article or Skip
    """
    manifest = manifest or {}
    for path in _expand(paths):
        if isinstance(path, Skip):
            yield path
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in (".jsonl",):
                yield from _read_jsonl(path)
            elif suffix == ".csv":
                yield from _read_csv(path)
            else:
                yield _read_single(path, manifest.get(path.name))
        except OSError as exc:
            yield Skip(str(path), f"cannot open ({exc.strerror or exc})")


def _bad_name(p: Path) -> Skip | None:
    shown = printable_path(p)
    if shown != str(p):
        return Skip(shown, "the file name is not valid UTF-8, so it cannot be named in the claims; rename the file "
                           "(for example with convmv)")
    return None


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | Skip]:
    for p in paths:
        p = Path(os.fsdecode(p)) if isinstance(p, bytes) else Path(p)
        try:
            is_dir, is_file = p.is_dir(), p.is_file()
        except OSError as exc:  # a name too long for the file system, say
            yield Skip(printable_path(p), f"cannot open ({exc.strerror or exc})")
            continue
        if is_dir:
            for child in sorted(p.rglob("*")):
                # Hidden files and folders are not articles (.git; our own half-written outputs).
                hidden = any(part.startswith(".") for part in child.relative_to(p).parts)
                if not hidden and child.is_file() and child.suffix.lower() in SUFFIXES:
                    yield _bad_name(child) or child
        elif is_file:
            if p.suffix.lower() in SUFFIXES:
                yield _bad_name(p) or p
            else:
                yield Skip(printable_path(p), f"unsupported file type {printable_path(p.suffix) or '(none)'}; "
                                              "use .txt, .html, .jsonl or .csv")
        else:
            yield Skip(printable_path(p), "no such file or folder")


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _utf16(data: bytes, *, partial: bool = False) -> tuple[str, str] | None:
    """``data`` as UTF-16 text and its codec, when it plainly is UTF-16.

    Plainly: it starts with a byte-order mark, or it is Arabic whose NUL bytes
    (of spaces, digits, line ends) all fall on the same side of each pair.
    ``partial`` accepts a cut-off end (the head of a longer file).
    """
    if data[:2] in _UTF16_BOMS:
        codec = "utf-16"
    else:
        head = data[:8192]
        even, odd = head[0::2].count(0), head[1::2].count(0)
        codec = "utf-16-le" if odd > 4 * even else "utf-16-be" if even > 4 * odd else None
    if codec is None:
        return None
    try:
        text = codecs.getincrementaldecoder(codec)().decode(data, final=not partial)
    except UnicodeDecodeError:
        return None
    if codec != "utf-16":
        letters = sum(ch.isalpha() for ch in text[:20_000])
        if not letters or len(_ARABIC.findall(text[:20_000])) / letters <= 0.5:
            return None
    return text, codec


def _decode(data: bytes, *, partial: bool = False) -> tuple[str | None, str]:
    """Text and encoding name, or None and the reason it is not text."""
    if not data.strip():
        return None, "empty file"
    if data[:2] in _UTF16_BOMS or b"\x00" in data[:8192]:
        found = _utf16(data, partial=partial)
        if found is not None:
            return found if found[0].strip() else (None, "empty file")
        if data[:2] in _UTF16_BOMS:
            return None, "starts with a UTF-16 byte-order mark but is not valid UTF-16"
        return None, "binary file (contains NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None, "unknown encoding (neither UTF-8 nor windows-1256)"
    # windows-1256 decodes almost any bytes: accept it only when it reads as Arabic.
    letters = sum(ch.isalpha() for ch in text)
    arabic = len(_ARABIC.findall(text))
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t")
    # Other 8-bit encodings (Greek, Cyrillic) also land on Arabic letters here:
    # real Arabic is told apart by its common little words.
    words = text.split()
    common = sum(1 for w in words if w in _FUNCTION_WORDS)
    if letters and arabic / letters > 0.5 and controls < len(text) / 100 and common * 40 >= len(words):
        return text, "windows-1256"
    return None, "unknown encoding (neither UTF-8 nor windows-1256 Arabic)"


def _check_text(text: str) -> str | None:
    if len(_ARABIC.findall(text[:200_000])) < _MIN_ARABIC_LETTERS:
        return "no Arabic text found"
    return None


def _read_single(path: Path, meta: dict | None) -> Article | Skip:
    with open(path, "rb") as f:
        data = f.read(MAX_ARTICLE_BYTES + 1)  # never more, even if the file grows while read
        size = max(len(data), os.fstat(f.fileno()).st_size)
    if size > MAX_ARTICLE_BYTES:
        return Skip(str(path), f"file is {size / 1e6:.1f} MB, more than an article "
                               f"({MAX_ARTICLE_BYTES / 1e6:.0f} MB limit); split it or use .jsonl")
    text, how = _decode(data)
    if text is None:
        return Skip(str(path), how)
    art = Article(id=path.stem, text=text, path=str(path), encoding=how)
    if path.suffix.lower() in (".html", ".htm"):
        page = _html_to_text(text)
        art.text, art.title = page.text, page.title
        art.outlet = page.site_name
        art.outlet_basis = "html meta og:site_name" if page.site_name else ""
        art.url = page.url
        if page.published and not date_in_range(page.published):
            art.warnings.append(f"{path}: published {page.published} (html meta) is outside {MIN_YEAR}–{MAX_YEAR}; "
                                "ignored")
        elif page.published:
            art.published = DateWindow(page.published, page.published, "html meta article:published_time")
    problem = _check_text(art.text)
    if problem:
        return Skip(str(path), problem)
    if meta:
        _apply_meta(art, meta, "manifest")
    return art


def _apply_meta(art: Article, meta: dict, origin: str) -> None:
    if (meta.get("outlet") or "").strip():
        art.outlet = meta["outlet"].strip()
        art.outlet_basis = origin
    pub = (meta.get("published") or "").strip()
    if pub:
        d = _parse_date(pub)
        if d is None:
            art.warnings.append(f"{art.path}: published {pub[:40]!r} is not a date (YYYY-MM-DD); ignored")
        elif not date_in_range(d):
            art.warnings.append(f"{art.path}: published {d} is outside {MIN_YEAR}–{MAX_YEAR}; ignored")
        else:
            art.published = DateWindow(d, d, origin)
    if (meta.get("url") or "").strip():
        art.url = meta["url"].strip()


def _parse_date(value: str) -> date | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _row_article(path: Path, where: str, row: dict, index: int) -> Article | Skip:
    if not isinstance(row, dict):
        return Skip(f"{path}:{where}", "row is not an object with a 'text' field")
    # Valid JSON may hold lone surrogates ("\\ud800"), which no file or page can encode.
    repaired = 0
    for key, value in list(row.items()):
        if isinstance(value, str):
            row[key], n = replace_surrogates(value)
            repaired += n
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skip(f"{path}:{where}", "row has no 'text'")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        return Skip(f"{path}:{where}", "row text is larger than an article (5 MB limit)")
    problem = _check_text(text)
    if problem:
        return Skip(f"{path}:{where}", problem)
    art_id = str(row.get("id") or f"{path.stem}-{index}")
    title = row.get("title")
    art = Article(id=art_id, text=text, path=f"{path}:{where}", title=title if isinstance(title, str) and title else None)
    if repaired:
        art.warnings.append(f"{art.path}: {repaired} lone surrogate(s) (such as \\ud800, half of a UTF-16 pair) "
                            "replaced by U+FFFD")
    _apply_meta(art, {k: (str(v) if v is not None else "") for k, v in row.items() if isinstance(k, str)}, "row")
    return art


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')


def _too_deep(raw: bytes) -> bool:
    """More than :data:`MAX_JSON_DEPTH` nested arrays or objects (brackets inside strings do not count)."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_JSON_DEPTH:  # the usual case costs two counts
        return False
    depth = 0
    for ch in _JSON_STRING.sub(b"", raw):
        if ch in b"[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return True
        elif ch in b"]}":
            depth -= 1
    return False


def _read_jsonl(path: Path) -> Iterator[Article | Skip]:
    with open(path, "rb") as f:
        head = f.read(2)
        f.seek(0)
        if head in _UTF16_BOMS:
            yield Skip(str(path), "JSON lines must be UTF-8 (this file is UTF-16); convert it, for example with "
                                  "iconv -f UTF-16 -t UTF-8")
            return
        i = 0
        while raw := f.readline(MAX_LINE_BYTES + 1):
            i += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (more := f.readline(1 << 20)) and not more.endswith(b"\n"):
                    pass  # the rest of the overlong line
                yield Skip(f"{path}:{i}", f"line is longer than {MAX_LINE_BYTES / 1e6:.0f} MB, more than an article")
                continue
            if not raw.strip():
                continue
            if _too_deep(raw):
                yield Skip(f"{path}:{i}", f"line nests arrays or objects more than {MAX_JSON_DEPTH} deep; "
                                          "an article row is one flat object")
                continue
            try:
                row = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
                yield Skip(f"{path}:{i}", f"line is not valid UTF-8 JSON ({exc.__class__.__name__})")
                continue
            yield _row_article(path, str(i), row, i)


def _read_csv(path: Path) -> Iterator[Article | Skip]:
    # The encoding is told from the first megabyte; rows then stream, so memory stays flat.
    with open(path, "rb") as f:
        head = f.read(1_000_000)
    cut = head.rfind(b"\n") + 1 if len(head) == 1_000_000 else len(head)
    text, how = _decode(head[:cut] or head, partial=len(head) == 1_000_000)
    if text is None:
        yield Skip(str(path), how)
        return
    codec = {"utf-8": "utf-8-sig", "windows-1256": "cp1256"}.get(how, how)
    with open(path, "rb") as f:
        if how.startswith("utf-16"):  # two bytes a character: a line is not a run of bytes up to b"\n"
            lines = io.TextIOWrapper(f, encoding=codec, newline="")
        else:
            # Decoded line by line, so a bad byte costs only what follows it, not a whole buffer.
            lines = (raw.decode(codec if n == 0 else codec.replace("-sig", "")) for n, raw in enumerate(f))
        reader = csv.DictReader(lines)
        try:
            if not reader.fieldnames or "text" not in reader.fieldnames:
                yield Skip(str(path), "CSV has no 'text' column (expected id, url, outlet, published, title, text)")
                return
            for i, row in enumerate(reader, start=2):
                yield _row_article(path, str(i), row, i)
        except UnicodeDecodeError:
            yield Skip(str(path), f"not valid {how} after line {reader.line_num}; the rest of the file was skipped")
        except csv.Error as exc:
            yield Skip(f"{path}:{reader.line_num}", f"malformed CSV ({exc}); the rest of the file was skipped")


@dataclass
class _Page:
    text: str = ""
    title: str | None = None
    site_name: str | None = None
    published: date | None = None
    url: str | None = None


_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header",
          "footer", "blockquote", "figcaption", "ul", "ol", "table"}
_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "form", "button"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.page = _Page()
        self._drop = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            prop = (a.get("property") or a.get("name") or "").lower()
            content = (a.get("content") or "").strip()
            if prop == "og:site_name" and content:
                self.page.site_name = content
            elif prop in ("article:published_time", "date", "pubdate") and content:
                self.page.published = self.page.published or _parse_date(content)
            elif prop == "og:url" and content:
                self.page.url = content
        if tag == "title":
            self._in_title = True
        if tag in _DROP:
            self._drop += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in _DROP and self._drop:
            self._drop -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.page.title = (self.page.title or "") + data.strip()
        elif not self._drop:
            self.parts.append(data)


def _html_to_text(html: str) -> _Page:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n[\n ]*", "\n", text).strip()
    parser.page.text = text
    return parser.page
