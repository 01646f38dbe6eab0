"""Read articles from disk: ``.txt``, ``.html``, ``.jsonl`` and ``.csv``.

Articles stream one at a time, so memory stays flat however large the batch.
A file that cannot be read is not an error for the batch: it comes out as a
:class:`Skip` naming the file and the problem, and reading goes on.

Plain files get their metadata from an optional manifest
(``file,outlet,published,url``); rows of ``.jsonl``/``.csv`` carry their own
(``id, url, outlet, published, title, text``); saved HTML pages offer
``og:site_name`` and ``article:published_time``. What is still missing is
inferred later from the text itself (:mod:`extract.metadata`).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from extract.claim import DateWindow

__all__ = ["MAX_ARTICLE_BYTES", "SUFFIXES", "Article", "Skip", "read_articles", "read_manifest"]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
# One article is a few kilobytes; a single file far above this is not an article.
MAX_ARTICLE_BYTES = 5_000_000
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
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the manifest ({exc})") from None
    if rows and "file" not in rows[0]:
        raise ValueError(f"{path}: a manifest needs a 'file' column (file,outlet,published,url)")
    out: dict[str, dict] = {}
    for i, row in enumerate(rows, start=2):
        pub = (row.get("published") or "").strip()
        if pub:
            try:
                date.fromisoformat(pub)
            except ValueError:
                raise ValueError(f"{path}, line {i}: published {pub!r} is not YYYY-MM-DD") from None
        out[Path(row["file"].strip()).name] = row
    return out


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


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | Skip]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield child
        elif p.is_file():
            if p.suffix.lower() in SUFFIXES:
                yield p
            else:
                yield Skip(str(p), f"unsupported file type {p.suffix or '(none)'}; use .txt, .html, .jsonl or .csv")
        else:
            yield Skip(str(p), "no such file or folder")


def _decode(data: bytes) -> tuple[str | None, str]:
    """Text and encoding name, or None and the reason it is not text."""
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data[:8192]:
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
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        return Skip(str(path), f"file is {size / 1e6:.1f} MB, more than an article "
                               f"({MAX_ARTICLE_BYTES / 1e6:.0f} MB limit); split it or use .jsonl")
    text, how = _decode(path.read_bytes())
    if text is None:
        return Skip(str(path), how)
    art = Article(id=path.stem, text=text, path=str(path), encoding=how)
    if path.suffix.lower() in (".html", ".htm"):
        page = _html_to_text(text)
        art.text, art.title = page.text, page.title
        art.outlet = page.site_name
        art.outlet_basis = "html meta og:site_name" if page.site_name else ""
        art.url = page.url
        if page.published:
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
        if d:
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
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skip(f"{path}:{where}", "row has no 'text'")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        return Skip(f"{path}:{where}", "row text is larger than an article (5 MB limit)")
    problem = _check_text(text)
    if problem:
        return Skip(f"{path}:{where}", problem)
    art_id = str(row.get("id") or f"{path.stem}-{index}")
    art = Article(id=art_id, text=text, path=f"{path}:{where}", title=row.get("title") or None)
    _apply_meta(art, {k: (str(v) if v is not None else "") for k, v in row.items()}, "row")
    return art


def _read_jsonl(path: Path) -> Iterator[Article | Skip]:
    with open(path, "rb") as f:
        for i, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Skip(f"{path}:{i}", f"line is not valid UTF-8 JSON ({exc.__class__.__name__})")
                continue
            yield _row_article(path, str(i), row, i)


def _read_csv(path: Path) -> Iterator[Article | Skip]:
    # The encoding is told from the first megabyte; rows then stream, so memory stays flat.
    with open(path, "rb") as f:
        head = f.read(1_000_000)
    cut = head.rfind(b"\n") + 1 if len(head) == 1_000_000 else len(head)
    text, how = _decode(head[:cut] or head)
    if text is None:
        yield Skip(str(path), how)
        return
    codec = "utf-8-sig" if how == "utf-8" else "cp1256"
    with open(path, "rb") as f:
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
