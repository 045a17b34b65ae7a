"""How every operation is published: one place for the spyne @rpc settings."""
from __future__ import annotations

from spyne import rpc

from discimus_service.soap.documented import OPERATIONS, TypeDoc, register


def operation(name: str, verzoek: type, repliek: type, doc: str):
    """``@rpc`` for a MAGDA-shaped operation, documented.

    The request element is ``<Name><Verzoek/></Name>``, the response
    ``<NameResponse><Repliek/></NameResponse>``, as MAGDA's WebService schemas do; the
    SOAPAction is the operation's name. ``doc`` documents both wrapper elements.
    """
    namespace = verzoek.get_namespace()
    OPERATIONS[(namespace, name)] = doc
    register(namespace, name, TypeDoc(f"Request of {name}: {doc}",
                                      fields={"Verzoek": "The request."}))
    register(namespace, f"{name}Response", TypeDoc(
        f"Response of {name}.", fields={"Repliek": "The reply."}))
    return rpc(verzoek.customize(min_occurs=1, nillable=False),
               _returns=repliek.customize(min_occurs=1, nillable=False),
               _in_arg_names={"verzoek": "Verzoek"},
               _out_variable_name="Repliek", _operation_name=name,
               _out_message_name=f"{name}Response")
