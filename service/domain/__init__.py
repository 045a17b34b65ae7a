"""Plain rules and values of the Discimus domain.

Nothing here imports spyne, lxml or SQLAlchemy (``tests/unit/domain/test_purity.py``
enforces it): the rules are the same whatever carries the message or stores it.
"""
