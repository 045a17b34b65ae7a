"""Reference client of the Discimus exchange emulator (the base, client-only install).

``discimus_client.wsse`` holds the WS-Security profile both sides use: the client signs
requests and verifies responses with it, the service verifies requests and signs
responses with it. It needs only lxml, xmlsec and cryptography.
"""
