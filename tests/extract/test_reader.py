"""Every input format reads, and every bad input is skipped with a message naming it."""

import json

import pytest

from extract import Skip, read_articles, read_manifest
from extract.reader import MAX_ARTICLE_BYTES

ARABIC = "وذكرت مصادر محلية أن قوات سوريا الديمقراطية سيطرت على بلدة الشعفة شرقي دير الزور بعد معارك."


def read(*paths, **kw):
    return list(read_articles(paths, **kw))


def test_txt_utf8_bom_and_windows_1256(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(ARABIC.encode("cp1256"))
    arts = read(tmp_path)
    assert [a.id for a in arts] == ["a", "b", "c"]
    assert all(a.text == ARABIC for a in arts)
    assert arts[2].encoding == "windows-1256"


def test_html_keeps_text_drops_scripts_and_reads_meta(tmp_path):
    html = ("<html><head><title>t</title><meta property='og:site_name' content='Enab Baladi'>"
            "<meta property='article:published_time' content='2018-12-05T10:00:00Z'>"
            "<script>var x = 'داعش سيطر على هجين';</script><style>p{}</style></head>"
            f"<body><nav>menu</nav><p>{ARABIC}</p><p>&lt;b&gt; سطر ثان</p></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (art,) = read(tmp_path / "page.html")
    assert ARABIC in art.text and "var x" not in art.text and "menu" not in art.text
    assert "<b> سطر ثان" in art.text
    assert art.outlet == "Enab Baladi"
    assert art.published.earliest.isoformat() == "2018-12-05"


def test_jsonl_and_csv_rows_with_their_metadata(tmp_path):
    rows = [{"id": "r1", "url": "http://x/1", "outlet": "SANA", "published": "2018-12-01", "title": "t",
             "text": ARABIC}, {"id": "r2", "text": ARABIC}]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) +
                                          "\nnot json\n", encoding="utf-8")
    out = read(tmp_path / "batch.jsonl")
    arts = [a for a in out if not isinstance(a, Skip)]
    skips = [a for a in out if isinstance(a, Skip)]
    assert [a.id for a in arts] == ["r1", "r2"]
    assert arts[0].outlet == "SANA" and arts[0].published.earliest.isoformat() == "2018-12-01"
    assert arts[0].url == "http://x/1"
    assert len(skips) == 1 and "batch.jsonl:3" in str(skips[0]) and "not valid" in skips[0].reason

    import csv
    with open(tmp_path / "batch.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "url", "outlet", "published", "title", "text"])
        w.writeheader()
        w.writerow({"id": "c1", "outlet": "Al-Watan", "published": "2018-10-28", "text": ARABIC})
    (art,) = read(tmp_path / "batch.csv")
    assert (art.id, art.outlet) == ("c1", "Al-Watan")


def test_manifest_gives_outlet_and_date(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "m.csv").write_text("file,outlet,published,url\na.txt,Al-Watan,2018-10-28,http://w\n")
    (art,) = read(tmp_path / "a.txt", manifest=read_manifest(tmp_path / "m.csv"))
    assert (art.outlet, art.published.earliest.isoformat(), art.url) == ("Al-Watan", "2018-10-28", "http://w")


def test_bad_manifest_says_what_is_wrong(tmp_path):
    (tmp_path / "m.csv").write_text("file,outlet,published,url\na.txt,X,28/10/2018,\n")
    with pytest.raises(ValueError, match=r"m\.csv, line 2: published .28/10/2018. is not YYYY-MM-DD"):
        read_manifest(tmp_path / "m.csv")


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)), "binary file"),
    ("latin.txt", b"Hello, this report is in English only and names no place.", "no Arabic text"),
    ("greek.txt", ("Καλημέρα κόσμε, αυτό είναι ελληνικό κείμενο για την Ελλάδα. " * 20).encode("iso-8859-7"),
     "unknown encoding"),
    ("image.png", b"\x89PNG", "unsupported file type .png"),
])
def test_bad_inputs_are_skipped_with_the_file_named(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    (item,) = read(path)
    assert isinstance(item, Skip)
    assert name in str(item) and reason in item.reason


def test_huge_file_is_skipped_and_the_batch_goes_on(tmp_path):
    big = tmp_path / "a_big.txt"
    with open(big, "wb") as f:
        line = (ARABIC + "\n").encode("utf-8")
        f.write(line * (20_000_000 // len(line) + 1))
    assert big.stat().st_size > MAX_ARTICLE_BYTES
    (tmp_path / "b_ok.txt").write_text(ARABIC, encoding="utf-8")
    out = read(tmp_path)
    assert isinstance(out[0], Skip) and "MB" in out[0].reason and "a_big.txt" in out[0].path
    assert out[1].id == "b_ok"


def test_missing_path(tmp_path):
    (item,) = read(tmp_path / "nope")
    assert isinstance(item, Skip) and item.reason == "no such file or folder"


def test_csv_streams_in_windows_1256_and_survives_a_bad_tail(tmp_path):
    import csv
    import io

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["id", "text"])
    w.writeheader()
    w.writerow({"id": "a", "text": ARABIC})
    (tmp_path / "cp.csv").write_bytes(buf.getvalue().encode("cp1256"))
    (art,) = read(tmp_path / "cp.csv")
    assert art.text == ARABIC

    rows = buf.getvalue().encode("utf-8") * 1 + ("b," + ARABIC + "\n").encode("utf-8") * 20_000
    (tmp_path / "big.csv").write_bytes(rows + b"c,\xff\xfe broken\n")
    out = read(tmp_path / "big.csv")
    assert sum(not isinstance(x, Skip) for x in out) == 20_001
    assert isinstance(out[-1], Skip) and "the rest of the file was skipped" in out[-1].reason
