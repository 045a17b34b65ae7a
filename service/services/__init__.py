"""Use cases: one module per use case, each a plain function taking a unit of work.

A use case never commits: :func:`discimus_service.services.exchange.handle` owns the
transaction of a message and commits once, after journaling, so that the effect and its
journal entry are written together or not at all.
"""
