"""The buffering front: whole requests in, one at a time to gunicorn, signed faults out.

gunicorn's sync workers read a request's body themselves, so ten clients trickling a
body at one byte a second hold ten workers and every other request waits. This front
(asyncio, HTTP/1.1 parsed by h11) reads each request completely, within a size cap and a
deadline, before it hands it to gunicorn over a unix socket; a worker is only ever busy
with a request that is all there. A slow client costs a coroutine, not a worker.

Whatever happens, a SOAP client gets a signed answer: a request that does not arrive in
time gets HTTP 408 with fault S501, one over the size cap 413 with S102, and when the
backend fails to answer (a worker killed mid-request, gunicorn's own HTML error page)
the front answers 500 with S500 instead of passing on something unsigned.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import http
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import h11
from lxml import etree

from discimus_client.wsse.errors import MessageTooLarge, SecurityError
from discimus_service.security.faults import InternalError, RequestTimedOut, fault_envelope

log = logging.getLogger("discimus.front")

# Hop-by-hop headers (RFC 9110 §7.6.1) and the framing the front sets itself.
_HOP = frozenset({b"connection", b"keep-alive", b"proxy-connection", b"te", b"trailer",
                  b"transfer-encoding", b"upgrade", b"content-length", b"expect"})
# The client's address for the backend's logs; whatever a client sent under this name
# is dropped, so only the front ever sets it (the backend's socket is private).
FORWARDED_FOR = b"x-discimus-client"


@dataclass(frozen=True)
class FrontPolicy:
    """Limits of the front; the defaults suit the emulator's signed messages.

    :param max_bytes: the largest request body accepted (the security policy's cap).
    :param request_seconds: a request must arrive whole within this, from its first byte.
    :param idle_seconds: an idle kept-alive connection is closed after this.
    :param backend_seconds: the longest wait for gunicorn's answer (above its worker
        timeout, so a worker that hangs is killed by gunicorn first).
    :param max_connections: connections held at once; more are closed at once.
    """

    max_bytes: int = 1_000_000
    request_seconds: float = 10.0
    idle_seconds: float = 5.0
    backend_seconds: float = 60.0
    max_connections: int = 512


class _Incomplete(Exception):
    """The request did not arrive in time, or broke HTTP; answered with ``status``."""

    def __init__(self, status: int, error: SecurityError | None):
        super().__init__(status)
        self.status, self.error = status, error


class Front:
    """Serve clients on a TCP port; forward complete requests to ``backend`` (a unix socket).

    :param sign: signs a fault envelope in place (the server's :class:`Signer`).
    """

    def __init__(self, backend: str, policy: FrontPolicy,
                 sign: Callable[[etree._Element, dt.datetime], None]):
        self._backend = backend
        self._policy = policy
        self._sign = sign
        self._open = 0

    async def serve(self, host: str, port: int) -> asyncio.AbstractServer:
        return await asyncio.start_server(self._connection, host, port, backlog=1024,
                                          reuse_address=True)

    async def _connection(self, reader: asyncio.StreamReader,
                          writer: asyncio.StreamWriter) -> None:
        if self._open >= self._policy.max_connections:
            writer.close()
            return
        self._open += 1
        conn = h11.Connection(h11.SERVER, max_incomplete_event_size=16_384)
        try:
            while await self._one_exchange(conn, reader, writer):
                conn.start_next_cycle()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass                               # the client went away: nothing to answer
        except Exception:
            log.exception("front: connection failed")
        finally:
            self._open -= 1
            writer.close()

    async def _one_exchange(self, conn, reader, writer) -> bool:
        """Read one request, answer it; whether the connection may carry another."""
        try:
            request, body = await self._read_request(conn, reader, writer)
        except _Incomplete as problem:
            if problem.error is not None:
                await self._send_fault(conn, writer, problem.status, problem.error)
            return False
        if request is None:
            return False                       # closed or idle: nothing was asked
        peer = writer.get_extra_info("peername") or ("",)
        status, headers, payload = await self._answer(request, body, str(peer[0]))
        headers = headers + [(b"content-length", str(len(payload)).encode())]
        if conn.our_state is h11.SEND_RESPONSE:
            writer.write(conn.send(h11.Response(status_code=status, headers=headers,
                                                reason=_reason(status))))
            writer.write(conn.send(h11.Data(data=payload)))
            writer.write(conn.send(h11.EndOfMessage()))
            await writer.drain()
        return conn.our_state is h11.DONE and conn.their_state is h11.DONE

    async def _read_request(self, conn, reader, writer):
        """The request and its whole body, or None when the client asked nothing.

        :raises _Incomplete: too slow, too large, or not HTTP.
        """
        idle = True
        try:
            async with asyncio.timeout(self._policy.idle_seconds) as deadline:
                request, chunks, size = None, [], 0
                while True:
                    event = conn.next_event()
                    if event is h11.NEED_DATA:
                        if conn.they_are_waiting_for_100_continue:
                            writer.write(conn.send(h11.InformationalResponse(
                                status_code=100, headers=[])))
                        data = await reader.read(65_536)
                        if data and idle:
                            # From the first byte on, the request deadline applies.
                            idle = False
                            deadline.reschedule(asyncio.get_running_loop().time()
                                                + self._policy.request_seconds)
                        conn.receive_data(data)
                        continue
                    if isinstance(event, h11.ConnectionClosed):
                        if request is not None:
                            raise _Incomplete(400, None)
                        return None, b""
                    if isinstance(event, h11.Request):
                        request = event
                        declared = _content_length(event.headers)
                        if declared is not None and declared > self._policy.max_bytes:
                            raise _Incomplete(413, _too_large(declared, self._policy))
                    elif isinstance(event, h11.Data):
                        size += len(event.data)
                        if size > self._policy.max_bytes:
                            raise _Incomplete(413, _too_large(size, self._policy))
                        chunks.append(event.data)
                    elif isinstance(event, h11.EndOfMessage):
                        return request, b"".join(chunks)
        except TimeoutError:
            if idle:
                return None, b""
            raise _Incomplete(408, RequestTimedOut(
                f"the message did not arrive whole within {self._policy.request_seconds:g} "
                "s; nothing was stored")) from None
        except h11.RemoteProtocolError as error:
            log.warning("front: not HTTP/1.1: %s", str(error)[:100])
            raise _Incomplete(error.error_status_hint, None) from None

    async def _answer(self, request: h11.Request, body: bytes, client: str):
        """gunicorn's answer, or a signed fault where it gave none a client could trust."""
        try:
            async with asyncio.timeout(self._policy.backend_seconds):
                status, headers, payload = await self._forward(request, body, client)
        except (OSError, TimeoutError, h11.ProtocolError, _BackendClosed):
            return self._fault_answer(500, self._internal("no answer from the backend"))
        content_type = dict(headers).get(b"content-type", b"")
        if (request.method == b"POST" and not content_type.startswith(b"text/xml")
                and (status >= 500 or content_type.startswith(b"text/html"))):
            # gunicorn's own error pages are HTML and unsigned; a SOAP client gets a
            # fault. (A 404 or 405 in plain text for a wrong URL or method stays.)
            return self._fault_answer(500, self._internal(
                f"the backend answered {status} {content_type[:40]!r}"))
        return status, headers, payload

    async def _forward(self, request: h11.Request, body: bytes, peer: str):
        reader, writer = await asyncio.open_unix_connection(self._backend)
        try:
            client = h11.Connection(h11.CLIENT)
            headers = [(k, v) for k, v in request.headers
                       if k.lower() not in _HOP and k.lower() != FORWARDED_FOR]
            headers += [(b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"), (FORWARDED_FOR, peer.encode())]
            writer.write(client.send(h11.Request(method=request.method,
                                                 target=request.target, headers=headers)))
            writer.write(client.send(h11.Data(data=body)))
            writer.write(client.send(h11.EndOfMessage()))
            await writer.drain()
            response, chunks = None, []
            while True:
                event = client.next_event()
                if event is h11.NEED_DATA:
                    client.receive_data(await reader.read(65_536))
                elif isinstance(event, h11.Response):
                    response = event
                elif isinstance(event, h11.Data):
                    chunks.append(event.data)
                elif isinstance(event, h11.EndOfMessage):
                    kept = [(k, v) for k, v in response.headers if k.lower() not in _HOP]
                    return response.status_code, kept, b"".join(chunks)
                elif isinstance(event, h11.ConnectionClosed):
                    raise _BackendClosed()
        finally:
            writer.close()

    def _internal(self, what: str) -> InternalError:
        reference = uuid.uuid4().hex[:12]
        log.error("front: %s; answered S500, reference %s", what, reference)
        return InternalError(reference)

    def _fault_answer(self, status: int, error: SecurityError):
        document = fault_envelope(error)
        self._sign(document, dt.datetime.now(dt.timezone.utc))
        payload = etree.tostring(document, xml_declaration=True, encoding="UTF-8")
        return status, [(b"content-type", b"text/xml; charset=utf-8")], payload

    async def _send_fault(self, conn, writer, status: int, error: SecurityError) -> None:
        if conn.our_state is not h11.SEND_RESPONSE:
            return
        status, headers, payload = self._fault_answer(status, error)
        headers = headers + [(b"content-length", str(len(payload)).encode()),
                             (b"connection", b"close")]
        try:
            writer.write(conn.send(h11.Response(status_code=status, headers=headers,
                                                reason=_reason(status))))
            writer.write(conn.send(h11.Data(data=payload)))
            writer.write(conn.send(h11.EndOfMessage()))
            await writer.drain()
        except (ConnectionError, h11.LocalProtocolError):
            pass


class _BackendClosed(Exception):
    """gunicorn closed the connection before a whole answer (a worker died)."""


def _content_length(headers) -> int | None:
    for name, value in headers:
        if name == b"content-length":
            return int(value)          # h11 has checked it is digits
    return None


def _too_large(size: int, policy: FrontPolicy) -> MessageTooLarge:
    return MessageTooLarge(f"the message is {size} bytes or more; the limit is "
                           f"{policy.max_bytes}")


def _reason(status: int) -> bytes:
    try:
        return http.HTTPStatus(status).phrase.encode()
    except ValueError:
        return b""
