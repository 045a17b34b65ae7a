"""The Discimus exchange emulator: SOAP service, domain and persistence."""
