"""Server folders are readable only inside the roots the operator allowed."""

from __future__ import annotations

import pytest

from guard.errors import BadInput
from guard.folders import allowed_roots, list_files, resolve_inside


def test_no_roots_means_folders_are_off(tmp_path):
    assert allowed_roots(env={}) == []
    with pytest.raises(BadInput, match="turned off"):
        resolve_inside(tmp_path, [])


def test_roots_come_from_env_and_secret(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    assert allowed_roots([str(b), str(tmp_path / "missing")], env={"FRONTLINE_ALLOWED_FOLDERS": str(a)}) == [a, b]


def test_paths_must_stay_inside(tmp_path):
    root = tmp_path / "root"
    (root / "corpus").mkdir(parents=True)
    store = root / "uploads"
    (store / "abc").mkdir(parents=True)
    (root / "out").symlink_to("/etc")
    assert resolve_inside("corpus", [root]) == root / "corpus"
    assert resolve_inside(root / "corpus", [root]) == root / "corpus"
    for bad in ("/etc", "/", "..", "corpus/../..", "out", str(store / "abc"), "nope", "corpus\x00"):
        with pytest.raises(BadInput) as exc:
            resolve_inside(bad, [root], deny=[store])
        assert "/etc" not in str(exc.value) and str(root) not in str(exc.value)  # nothing about the server


def test_listing_skips_links_out_and_stops_at_the_limit(tmp_path):
    root = tmp_path
    (root / "a.txt").write_text("x")
    (root / "b.txt").write_text("x")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "c.txt").write_text("x")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    files, left_out = list_files(root, [root], suffixes=(".txt",))
    assert [f.name for f in files] == ["a.txt", "b.txt"]
    assert [(p.rsplit("/", 1)[-1], "outside" in r) for p, r in left_out] == [("passwd.txt", True)]
    files, left_out = list_files(root, [root], suffixes=(".txt",), limit=1)
    assert len(files) == 1 and "only the first were read" in left_out[-1][1]
