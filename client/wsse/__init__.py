"""The WS-Security profile both sides use (parser, envelope, signing, verifying).

``ZeepSignature`` is the plugin for a vendor's own ``zeep.Client``; see
:mod:`discimus_client.plugin`.
"""


def __getattr__(name: str):
    # Imported lazily: the plugin imports this package's modules, and the service,
    # which uses them too, never needs the plugin.
    if name == "ZeepSignature":
        from discimus_client.plugin import ZeepSignature
        return ZeepSignature
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
