"""The partner side: MAGDA's own service contracts, spoken exactly (issue 7).

Why not spyne here. MAGDA publishes its contracts as XML Schemas
(``xsd/magda``, EUPL 1.2): a wrapper element in a service namespace, **unqualified**
children, types imported from Generiek-02.00, Sleutel-02.00, Onderwijs-02.01 and
friends. A client built for real MAGDA must work unchanged, so the schema is the
contract, not something to re-model: re-declaring those types as spyne models would
give a second, drifting copy (spyne qualifies children by default and cannot import
an external schema into its WSDL). So a MAGDA service is:

- **validated** against the reference XSD itself (``schemas.py``: compiled once per
  worker with lxml, no network), as the verified Body element the signature covered;
- **read** with a handful of ``findtext`` calls into plain question dataclasses;
- **answered** with an lxml ``ElementMaker`` following the reference response schema
  (``envelope.py`` for the Generiek Repliek, ``catalogue.py`` for each Inhoud);
- **described** by a generated WSDL that *includes* the reference request and
  response schemas, which the service serves at ``/magda-xsd/…`` (``wsdl.py``);
- **dispatched** by the same WS-Security middleware as the school side
  (``security/magda_middleware.py``): verify first, sign last, journal through
  ``services/exchange.py``.

The tests validate every request and answer against the copy in
``../shared/reference/magda-xsd`` as well, so the packaged copy cannot drift either.
"""
