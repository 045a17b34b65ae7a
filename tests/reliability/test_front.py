"""The buffering front on its own: a stand-in backend, real sockets, signed faults.

Whatever the client or the backend does, the client gets either the backend's answer or
a fault signed with the server's key: never a hang, never an unsigned or HTML page.
"""
from __future__ import annotations

import asyncio
import contextlib

import h11
import pytest

from discimus_client.wsse.signing import Signer
from discimus_service.security.pki import init_pki
from discimus_service.serving.front import Front, FrontPolicy
from tests.reliability.helpers import fault_code, verified_answer

POLICY = FrontPolicy(max_bytes=2_000, request_seconds=0.5, idle_seconds=0.5,
                     backend_seconds=5)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return init_pki(tmp_path_factory.mktemp("pki"), ["informat"])


async def _backend(reader, writer, behaviour: str, seen: list):
    conn = h11.Connection(h11.SERVER)
    request, body = None, b""
    while True:
        event = conn.next_event()
        if event is h11.NEED_DATA:
            conn.receive_data(await reader.read(65_536))
        elif isinstance(event, h11.Request):
            request = event
        elif isinstance(event, h11.Data):
            body += event.data
        elif isinstance(event, h11.EndOfMessage):
            break
    seen.append((request, body))
    if behaviour == "close":                 # a worker killed half way
        writer.close()
        return
    status, kind = (500, b"text/html") if behaviour == "html" else (200, b"text/xml")
    payload = b"<html>Internal Server Error</html>" if behaviour == "html" else (
        b"<answer>" + body + b"</answer>")
    writer.write(conn.send(h11.Response(status_code=status, headers=[
        (b"content-type", kind), (b"content-length", str(len(payload)).encode()),
        (b"connection", b"close")])))
    writer.write(conn.send(h11.Data(data=payload)) + conn.send(h11.EndOfMessage()))
    await writer.drain()
    writer.close()


@contextlib.asynccontextmanager
async def _front(tmp_path, pki, behaviour="answer"):
    seen: list = []
    socket_path = str(tmp_path / "backend.sock")
    backend = await asyncio.start_unix_server(
        lambda r, w: _backend(r, w, behaviour, seen), socket_path)
    signer = Signer(pki.server_key.read_bytes(), pki.server_cert.read_bytes())
    front = Front(socket_path, POLICY, lambda doc, now: signer.sign(doc, now=now))
    server = await front.serve("127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield port, seen
    finally:
        server.close()
        backend.close()


async def _exchange(port: int, *messages: bytes) -> bytes:
    """Send raw bytes, read until the front closes; the raw HTTP that came back."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for data in messages:
        writer.write(data)
        await writer.drain()
    received = await reader.read()               # the front closes: EOF ends the read
    writer.close()
    return received


def _post(body: bytes, *, extra: bytes = b"", close: bool = True) -> bytes:
    return (b"POST /inschrijving HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
            + extra + (b"Connection: close\r\n" if close else b"")
            + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


def _responses(raw: bytes):
    """[(status, headers, body)] of the one response in ``raw``, or [] for none."""
    if not raw:
        return []
    client = h11.Connection(h11.CLIENT)
    client.send(h11.Request(method="POST", target="/", headers=[("Host", "x"),
                                                               ("Content-Length", "0")]))
    client.send(h11.EndOfMessage())
    client.receive_data(raw)
    response, body = None, b""
    while not isinstance(event := client.next_event(), h11.EndOfMessage):
        if isinstance(event, h11.Response):
            response = event
        elif isinstance(event, h11.Data):
            body += event.data
    return [(response.status_code, dict(response.headers), body)]


def _signed_fault(body: bytes, pki) -> str:
    verified_answer(body, pki.server_cert.read_bytes())
    return fault_code(body)


def test_a_whole_request_is_forwarded_and_answered(tmp_path, pki):
    async def run():
        async with _front(tmp_path, pki) as (port, seen):
            raw = await _exchange(port, _post(b"<hello/>",
                                              extra=b"X-Discimus-Client: 6.6.6.6\r\n"))
            return _responses(raw), seen
    [(status, _headers, body)], [(request, forwarded)] = asyncio.run(run())
    assert (status, body, forwarded) == (200, b"<answer><hello/></answer>", b"<hello/>")
    assert (b"host", b"x") in request.headers
    # The client's address comes from the socket; a header claiming one is dropped.
    assert [v for k, v in request.headers if k == b"x-discimus-client"] == [b"127.0.0.1"]


def test_two_requests_on_one_kept_alive_connection_and_a_chunked_body(tmp_path, pki):
    chunked = (b"POST /inschrijving HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
               b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
               b"3\r\n<a>\r\n4\r\n</a>\r\n0\r\n\r\n")

    async def run():
        async with _front(tmp_path, pki) as (port, seen):
            await _exchange(port, _post(b"<one/>", close=False), chunked)
            return seen
    seen = asyncio.run(run())
    assert [body for _request, body in seen] == [b"<one/>", b"<a></a>"]
    assert (b"content-length", b"7") in seen[1][0].headers


def test_a_client_that_sends_too_slowly_gets_408_with_a_signed_s501(tmp_path, pki):
    async def run():
        async with _front(tmp_path, pki) as (port, seen):
            # Headers and half the body, then nothing: the deadline runs out.
            raw = await _exchange(port, _post(b"<hello/>")[:-4])
            return _responses(raw), seen
    [(status, headers, body)], seen = asyncio.run(run())
    assert status == 408 and headers[b"content-type"].startswith(b"text/xml")
    assert _signed_fault(body, pki) == "S501" and seen == []


def test_a_request_over_the_size_cap_gets_413_with_a_signed_s102(tmp_path, pki):
    async def run():
        async with _front(tmp_path, pki) as (port, seen):
            raw = await _exchange(port, _post(b"x" * 3_000))
            return _responses(raw), seen
    [(status, _headers, body)], seen = asyncio.run(run())
    assert status == 413 and _signed_fault(body, pki) == "S102" and seen == []


@pytest.mark.parametrize("behaviour", ["close", "html"])
def test_a_backend_without_a_proper_answer_becomes_a_signed_s500(tmp_path, pki, behaviour):
    async def run():
        async with _front(tmp_path, pki, behaviour) as (port, seen):
            raw = await _exchange(port, _post(b"<hello/>"))
            return _responses(raw), seen
    [(status, headers, body)], seen = asyncio.run(run())
    assert len(seen) == 1                         # it did reach the backend
    assert status == 500 and headers[b"content-type"].startswith(b"text/xml")
    assert _signed_fault(body, pki) == "S500"


def test_an_idle_connection_is_closed_without_an_answer(tmp_path, pki):
    async def run():
        async with _front(tmp_path, pki) as (port, seen):
            return await _exchange(port), seen
    assert asyncio.run(run()) == (b"", [])
