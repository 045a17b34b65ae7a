"""Who may send: certificates map to registered senders (vendors and agencies).

The sender identity is the verified certificate's subject CN, never anything the Body
says. Known senders are cached for a minute: the senders table changes only when fixtures are
loaded, and this keeps a database round trip off every request.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

from discimus_client.wsse.errors import UnknownSender
from discimus_service.domain.model import Sender
from discimus_service.services.ports import UnitOfWork


class SenderDirectory:
    def __init__(self, uow_factory: Callable[..., UnitOfWork], *, ttl: float = 60.0):
        self._uow_factory = uow_factory
        self._ttl = ttl
        self._cache: dict[str, tuple[float, Sender | None]] = {}
        self._lock = threading.Lock()

    def get(self, sender_id: str) -> Sender:
        """:raises UnknownSender: no vendor or agency is registered under this id."""
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(sender_id)
        if hit is None or now - hit[0] > self._ttl:
            # Read-only: on SQLite a lookup never waits for, nor holds, the write lock.
            with self._uow_factory(read_only=True) as uow:
                hit = (now, uow.senders.get(sender_id))
            if hit[1] is not None:   # unknown ones are not cached: fixtures may come
                with self._lock:
                    self._cache[sender_id] = hit
        if hit[1] is None:
            raise UnknownSender(
                f"the certificate of {sender_id[:64]!r} is valid but no vendor or agency "
                "is registered under that name; load the fixtures or register the sender")
        return hit[1]
