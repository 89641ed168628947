"""Forms posted from another site are refused before any route sees them (cloud_api.core.csrf); the
same requests from the site itself, or from no browser at all, go through."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cloud_api.migrate import upgrade
from tests.cloud_app import app_for

CROSS = [
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain is another site's code too
    {"Origin": "https://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://testserver.evil.example"},
]
SAME = [
    {},  # no browser: a script carries no visitor's cookies
    {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
    {"Sec-Fetch-Site": "none"},  # typed or bookmarked by the user
    {"Origin": "http://testserver"},  # an older browser without Sec-Fetch-*
    {"Sec-Fetch-Site": "same-origin", "Origin": "http://internal:8000"},  # a proxy rewrote Host
]
FORMS = [
    ("/codes/abc", {"code": "123456"}),
    ("/me/login", {"phone": "138 0013 8000"}),
    ("/r/ZZZZZZZZZZZZZZZZ/claim", {}),
    ("/me/logout", {}),
    ("/me/consent", {"granted": "sms"}),
    ("/hq/login", {"email": "a@b.c", "password": "x"}),
    ("/hq/logout", {}),
]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    upgrade(url)
    return TestClient(app_for(url))


@pytest.mark.parametrize("headers", CROSS)
def test_every_form_refuses_a_post_from_another_site(client: TestClient, headers: dict[str, str]) -> None:
    for path, form in FORMS:
        r = client.post(path, data=form, headers=headers, follow_redirects=False)
        assert r.status_code == 403 and "another site" in r.text, (path, headers)
    # Reading is never refused: a link from anywhere opens the receipt page.
    assert client.get("/r/ZZZZZZZZZZZZZZZZ", headers=headers).status_code == 404


@pytest.mark.parametrize("headers", SAME)
def test_the_same_forms_from_the_site_itself_go_through(client: TestClient, headers: dict[str, str]) -> None:
    for path, form in FORMS:
        r = client.post(path, data=form, headers=headers, follow_redirects=False)
        assert r.status_code != 403, (path, headers, r.text)
