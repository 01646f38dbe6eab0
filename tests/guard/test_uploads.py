"""Uploads: per session, once, under a quota, same names kept apart, every file accounted for."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from frontline import main
from guard.uploads import Quota, SessionStore, list_sessions, prune, safe_name

SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".htm")


@dataclass
class Upload:
    """The two things the store reads from Streamlit's UploadedFile."""

    name: str
    data: bytes
    file_id: str = ""

    def getvalue(self) -> bytes:
        return self.data


def test_sessions_are_apart_and_tokens_unguessable(tmp_path):
    a, b = SessionStore(tmp_path), SessionStore(tmp_path)
    assert a.token != b.token and len(a.token) == 32
    pa = a.save([Upload("a.txt", b"one")], suffixes=SUFFIXES).paths
    pb = b.save([Upload("a.txt", b"two")], suffixes=SUFFIXES).paths
    assert pa[0].read_bytes() == b"one" and pb[0].read_bytes() == b"two"
    assert a.folder not in pb[0].parents and b.folder not in pa[0].parents
    assert oct(a.folder.stat().st_mode & 0o777) == "0o700"


def test_same_names_kept_apart_duplicates_once_dotfiles_kept(tmp_path):
    # Before: two files named a.txt lost one; a name starting with "." was silently not read.
    store = SessionStore(tmp_path)
    got = store.save([Upload("a.txt", b"first"), Upload("dir/a.txt", b"second"), Upload("copy.txt", b"first"),
                      Upload(".notes.txt", b"third"), Upload("x.pdf", b"%PDF")], suffixes=SUFFIXES)
    assert sorted(p.read_bytes() for p in got.paths) == [b"first", b"second", b"third"]
    assert [p.name for p in got.paths] == ["a.txt", "a.txt", ".notes.txt"]
    assert dict(got.left_out) == {"copy.txt": "same content as a.txt; read once",
                                  "x.pdf": "unsupported file type; use .txt, .jsonl, .csv, .html, .htm"}


def test_each_file_is_written_once(tmp_path):
    # Before: every click rewrote every uploaded file.
    store = SessionStore(tmp_path)
    files = [Upload("a.txt", b"a" * 1000, file_id="f1"), Upload("b.txt", b"b", file_id="f2")]
    (p1, p2) = store.save(files, suffixes=SUFFIXES).paths
    stamps = [(p.stat().st_ino, p.stat().st_mtime_ns) for p in (p1, p2)]
    time.sleep(0.01)
    again = store.save(files, suffixes=SUFFIXES).paths
    assert again == [p1, p2]
    assert [(p.stat().st_ino, p.stat().st_mtime_ns) for p in again] == stamps


def test_quota_in_files_and_megabytes(tmp_path):
    store = SessionStore(tmp_path, quota=Quota(max_mb=0.002, max_files=2))
    got = store.save([Upload("a.txt", b"a" * 1500), Upload("b.txt", b"b" * 1000), Upload("c.txt", b"c")],
                     suffixes=SUFFIXES)
    assert [p.name for p in got.paths] == ["a.txt", "c.txt"]
    assert [n for n, r in got.left_out if "quota" in r] == ["b.txt"]
    got = store.save([Upload("d.txt", b"d")], suffixes=SUFFIXES)  # the quota holds across reruns
    assert got.paths == [] and "quota" in got.left_out[0][1]
    assert Quota.from_env({"FRONTLINE_UPLOAD_MAX_MB": "5", "FRONTLINE_UPLOAD_MAX_FILES": "7"}) == Quota(5.0, 7)


def test_names_are_made_safe():
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("C:\\Users\\x\\a.txt") == "a.txt"
    assert safe_name("a\x00b\nc.txt") == "a_b_c.txt"
    assert safe_name("..") == "upload"
    long = safe_name("ب" * 300 + ".txt")
    assert long.endswith(".txt") and len(long.encode()) <= 180
    assert safe_name("x\ud800.txt") == "x\ufffd.txt"


def test_uploads_list_and_prune(tmp_path, capsys):
    old, new = SessionStore(tmp_path), SessionStore(tmp_path)
    old.save([Upload("a.txt", b"a")], suffixes=SUFFIXES)
    new.save([Upload("b.txt", b"bb")], suffixes=SUFFIXES)
    ten_days_ago = time.time() - 10 * 86400
    for top, dirs, names in os.walk(old.folder):
        for n in dirs + names:
            os.utime(os.path.join(top, n), (ten_days_ago, ten_days_ago))
    os.utime(old.folder, (ten_days_ago, ten_days_ago))
    assert [s.token for s in list_sessions(tmp_path)] == [old.token, new.token]

    assert main(["uploads", "--dir", str(tmp_path), "list"]) == 0
    out = capsys.readouterr()
    assert old.token in out.out and new.token in out.out and "2 sessions, 2 files" in out.err

    assert main(["uploads", "--dir", str(tmp_path), "prune", "--older-than", "7", "--dry-run"]) == 0
    assert old.folder.exists()
    assert main(["uploads", "--dir", str(tmp_path), "prune", "--older-than", "7"]) == 0
    assert not old.folder.exists() and new.folder.exists()
    assert [s.token for s in prune(tmp_path, older_than_days=7)] == []
