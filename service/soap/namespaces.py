"""Target namespaces of the published contracts.

URNs rather than URLs: they name a contract version, nobody should try to fetch them.
Changing one is a contract change (re-export wsdl/ and xsd/, see README "Contracts").
"""
GENERIEK = "urn:discimus-emulator:generiek:02.00"
INSCHRIJVING = "urn:discimus-emulator:inschrijving:01.00"
ECHO = "urn:discimus-emulator:echo:01.00"
AFWEZIGHEID = "urn:discimus-emulator:afwezigheid:01.00"
KLASINFORMATIE = "urn:discimus-emulator:klasinformatie:01.00"
TUCHT = "urn:discimus-emulator:tucht:01.00"
ONDERSTEUNING = "urn:discimus-emulator:ondersteuning:01.00"
WEIGERING = "urn:discimus-emulator:weigering:01.00"
STUDIEBEWIJS = "urn:discimus-emulator:studiebewijs:01.00"
LEERLINGENKENMERKEN = "urn:discimus-emulator:leerlingenkenmerken:01.00"
INTERNAAT = "urn:discimus-emulator:internaat:01.00"
DKO = "urn:discimus-emulator:dko:01.00"
