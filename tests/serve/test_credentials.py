"""Credentials: from the environment or netrc, sent as asked (basic, digest), and never
shown in any form, whatever the server echoes."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from urllib.parse import quote, quote_plus

import pytest

from tests.serve.helpers import free_port, one_line_error, push, run_kg


def test_credentials_come_from_the_environment_and_are_never_shown(stub, files, monkeypatch,
                                                                   capsys, tmp_path):
    secret = "s3cr3t-pa55"
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", secret)
    stub.default = (401, f"bad password {secret}".encode(), 0.0)
    code, out, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp")
    assert code == 2
    line = one_line_error(err)
    assert "HTTP 401" in line and "KG_ENDPOINT_USER" in line
    assert secret not in out + err
    token = base64.b64encode(f"alice:{secret}".encode()).decode()
    assert stub.requests[0]["headers"]["Authorization"] == f"Basic {token}"


def _echoes(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {
        "authorization header": f"denied: Authorization: Basic {token}",
        "base64 token alone": f"token {token} expired",
        "url-encoded": f"bad login user={user}&password={quote(password, safe='')}",
        "url-encoded lowercase": f"bad login pw={quote(password, safe='').lower()}",
        "form-encoded": f"bad login {quote_plus(password)}",
        "user:password": f"unknown {user}:{password}",
        "json": "{\"error\": \"bad credentials\", \"password\": " + json.dumps(password) + "}",
    }


@pytest.mark.parametrize("form", list(_echoes("u", "p")))
def test_echoed_secrets_are_scrubbed_in_every_form(stub, files, monkeypatch, capsys, form):
    user, password = "alice", "pä ss/wörd+1&x=y"
    monkeypatch.setenv("KG_ENDPOINT_USER", user)
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", password)
    body = _echoes(user, password)[form]
    stub.default = (401, body.encode("utf-8"), 0.0, {"Content-Type": "text/plain"})
    code, out, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp")
    assert code == 2 and "HTTP 401" in one_line_error(err)
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    for leak in (password, token, token.rstrip("="), quote(password, safe=""),
                 quote(password, safe="").lower(), quote_plus(password), json.dumps(password)):
        assert leak not in out + err, (form, leak)
    assert "***" in err


def test_secrets_in_html_pages_are_scrubbed(stub, files, monkeypatch, capsys):
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "a<b&c")
    page = b"<html><body><h1>403</h1><p>Error: user alice password a&lt;b&amp;c denied</p>"
    stub.default = (403, page, 0.0, {"Content-Type": "text/html"})
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp")
    assert code == 2 and "a<b&c" not in err and "a&lt;b&amp;c" not in err
    assert "denied" in one_line_error(err)


def test_a_cut_message_leaks_no_part_of_a_token():
    """Scrubbing happens before a long message is cut, so no prefix of a token survives."""
    from kg.serve.credentials import Secrets
    from kg.serve.replies import server_message

    secrets = Secrets()
    secrets.add("alice", "pw")
    token = base64.b64encode(b"alice:pw").decode()
    text = "x" * 290 + f" Basic {token}"
    assert token[:4] not in server_message(secrets.scrub(text))


def test_credentials_from_a_netrc_file(stub, files, monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    rc = tmp_path / "netrc"
    rc.write_text("machine 127.0.0.1 login bob password n3trc-pw\n", encoding="utf-8")
    rc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(rc))
    code, _, _ = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                      "--no-verify")
    assert code == 0
    token = base64.b64encode(b"bob:n3trc-pw").decode()
    assert {r["headers"].get("Authorization") for r in stub.requests} == {f"Basic {token}"}


def test_digest_authentication_answers_the_challenge_before_sending_bodies(
        stub, files, monkeypatch, capsys):
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "d1gest-pw")
    stub.digest = True
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                        "--auth", "digest", "--no-verify")
    assert code == 0, err
    # A body-less HEAD learns the challenge; every body then goes once, with the answer
    # (Virtuoso resets the connection when it refuses a large body mid-upload).
    assert [r["method"] for r in stub.requests[:2]] == ["HEAD", "HEAD"]
    posts = [r for r in stub.requests if r["method"] == "POST"]
    assert len(posts) == 5 and all("Authorization" in r["headers"] for r in posts)
    fields = dict(re.findall(r'(\w+)="?([^",]+)"?', posts[0]["headers"]["Authorization"]))
    md5 = lambda text: hashlib.md5(text.encode()).hexdigest()  # noqa: E731
    ha1, ha2 = md5("alice:kg:d1gest-pw"), md5(f"POST:{fields['uri']}")
    expected = md5(f"{ha1}:n0nce:{fields['nc']}:{fields['cnonce']}:auth:{ha2}")
    assert fields["username"] == "alice" and fields["response"] == expected
    assert [int(dict(re.findall(r'(\w+)="?([^",]+)"?', r["headers"]["Authorization"]))["nc"],
                16) for r in posts] == [2, 3, 4, 5, 6]
    assert all("d1gest-pw" not in json.dumps(r["headers"]) for r in stub.requests)


def test_a_refused_digest_answer_is_not_resent(stub, files, monkeypatch, capsys):
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "wrong")
    challenge = {"WWW-Authenticate": 'Digest realm="kg", nonce="n0nce", qop="auth"'}
    stub.default = (401, b"", 0.0, challenge)
    code, _, err = push(monkeypatch, capsys, files["seed"], stub.url, "--protocol", "gsp",
                        "--auth", "digest")
    assert code == 2 and "HTTP 401" in one_line_error(err)
    assert len(stub.requests) <= 4  # probe and its answer, the request and its answer


def test_no_credentials_send_no_authorization(stub, files, monkeypatch, capsys, no_credentials):
    assert push(monkeypatch, capsys, files["seed"], stub.url, "--no-verify")[0] == 0
    assert all("Authorization" not in r["headers"] for r in stub.requests)


@pytest.mark.parametrize(("args", "message"), [
    (["--endpoint", "http://alice:pw@127.0.0.1:1"], "not in the URL"),
    (["--endpoint", "ftp://127.0.0.1"], "not an http(s) URL"),
    (["--endpoint", "http://127.0.0.1:1", "--graph", "g1", ], "not an absolute IRI"),
    (["--endpoint", "http://127.0.0.1:1", "--graph", "http://x/g", "--per-document"],
     "not both"),
])
def test_bad_options_are_one_line_errors(files, monkeypatch, capsys, no_credentials, args,
                                         message):
    code, _, err = run_kg(monkeypatch, capsys, "push", files["seed"], *args)
    assert code == 2 and message in one_line_error(err)
    assert "alice:pw" not in err


def test_half_set_credentials_are_refused(files, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    code, _, err = run_kg(monkeypatch, capsys, "push", files["seed"], "--endpoint",
                          f"http://127.0.0.1:{free_port()}")
    assert code == 2 and "set both" in one_line_error(err)
