"""Target namespaces of the published contracts.

URNs rather than URLs: they name a contract version, nobody should try to fetch them.
Changing one is a contract change (re-export wsdl/ and xsd/, see README "Contracts").
"""
GENERIEK = "urn:discimus-emulator:generiek:02.00"
INSCHRIJVING = "urn:discimus-emulator:inschrijving:01.00"
ECHO = "urn:discimus-emulator:echo:01.00"
AFWEZIGHEID = "urn:discimus-emulator:afwezigheid:01.00"
DKO = "urn:discimus-emulator:dko:01.00"
