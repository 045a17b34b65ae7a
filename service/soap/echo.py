"""A bare, unsigned echo: the baseline the benchmark compares the signed exchange with.

Mounted only when ``Settings.echo_enabled`` (bench and tests); it bypasses the security
middleware by design, so it is never on by default.
"""
from __future__ import annotations

from spyne import Application, ServiceBase, rpc
from spyne.model.primitive import Unicode
from spyne.protocol.soap import Soap11

from discimus_service.soap.namespaces import ECHO


class EchoService(ServiceBase):
    @rpc(Unicode, _returns=Unicode, _operation_name="Echo")
    def echo(ctx, text):
        return text


def application() -> Application:
    return Application([EchoService], tns=ECHO, name="Echo",
                       in_protocol=Soap11(validator="lxml"), out_protocol=Soap11())
