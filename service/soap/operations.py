"""How every operation is published: one place for the spyne @rpc settings."""
from __future__ import annotations

from spyne import rpc


def operation(name: str, verzoek: type, repliek: type):
    """``@rpc`` for a MAGDA-shaped operation.

    The request element is ``<Name><Verzoek/></Name>``, the response
    ``<NameResponse><Repliek/></NameResponse>``, as MAGDA's WebService schemas do.
    """
    return rpc(verzoek.customize(min_occurs=1, nillable=False),
               _returns=repliek, _in_arg_names={"verzoek": "Verzoek"},
               _out_variable_name="Repliek", _operation_name=name,
               _out_message_name=f"{name}Response")
