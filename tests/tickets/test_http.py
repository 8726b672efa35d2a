"""The shared HTTP layer: retry/backoff honouring Retry-After, and one-line auth errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from a11y_audit.errors import ToolError
from a11y_audit.tickets.http import HttpClient
from tests.tickets.fakes import FakeGitHub, running

TOKEN = "ghp_secret"


@pytest.fixture
def fake() -> FakeGitHub:
    return FakeGitHub(TOKEN)


@pytest.fixture
def base_url(fake: FakeGitHub) -> Iterator[str]:
    with running(fake) as url:
        yield url


def client(base_url: str, waits: list[float], token: str = TOKEN) -> HttpClient:
    return HttpClient(
        base_url,
        tracker="GitHub",
        credential_hint="GITHUB_TOKEN to a token that may write issues",
        headers={"Authorization": f"Bearer {token}"},
        sleep=waits.append,
    )


def test_429_waits_as_long_as_retry_after_says(fake: FakeGitHub, base_url: str) -> None:
    fake.fail_next = [(429, {"Retry-After": "7"}), (403, {"Retry-After": "3"})]
    waits: list[float] = []
    assert client(base_url, waits).json("GET", "/repos/shop/web/issues/1", missing_ok=True) is None
    assert waits == [7.0, 3.0] and len(fake.calls) == 3


def test_server_errors_back_off_exponentially_then_give_up_with_one_line(
    fake: FakeGitHub, base_url: str
) -> None:
    fake.fail_next = [(500, {}), (502, {}), (503, {}), (504, {}), (500, {})]
    waits: list[float] = []
    with pytest.raises(ToolError, match=r"^GitHub kept answering HTTP 500 to GET /x after 4 retries"):
        client(base_url, waits).request("GET", "/x")
    assert waits == [1.0, 2.0, 4.0, 8.0]


def test_a_post_is_retried_on_503_but_not_on_a_500_that_may_have_created_it(
    fake: FakeGitHub, base_url: str
) -> None:
    fake.fail_next = [(503, {}), (500, {})]
    waits: list[float] = []
    with pytest.raises(ToolError, match=r"^GitHub refused POST /repos/shop/web/issues: HTTP 500"):
        client(base_url, waits).request("POST", "/repos/shop/web/issues", json={"title": "t"})
    assert waits == [1.0] and len(fake.calls) == 2


def test_rate_limit_beyond_five_minutes_stops_instead_of_hanging(fake: FakeGitHub, base_url: str) -> None:
    fake.fail_next = [(429, {"Retry-After": "3600"})]
    with pytest.raises(ToolError, match="asks to wait 3600 s"):
        client(base_url, []).request("GET", "/x")


@pytest.mark.parametrize("status", [401, 403])
def test_rejected_credentials_name_the_variable_and_hide_the_token(
    fake: FakeGitHub, base_url: str, status: int
) -> None:
    fake.fail_next = [(status, {})]
    waits: list[float] = []
    with pytest.raises(ToolError) as error:
        client(base_url, waits).request("GET", "/repos/shop/web/issues")
    assert str(error.value) == (
        f"GitHub rejected the credentials (HTTP {status} on GET /repos/shop/web/issues): "
        "set GITHUB_TOKEN to a token that may write issues"
    )
    assert waits == [] and TOKEN not in repr(client(base_url, waits))


def test_an_unreachable_tracker_is_retried_then_one_line() -> None:
    waits: list[float] = []
    with pytest.raises(ToolError, match=r"^cannot reach GitHub at http://127.0.0.1:9 \(ConnectError"):
        client("http://127.0.0.1:9", waits).request("GET", "/x")
    assert waits == [1.0, 2.0, 4.0, 8.0]
