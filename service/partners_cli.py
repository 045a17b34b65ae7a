"""``discimus partners profile SENDER [PROFILE]``: a partner's WS-Security profile.

Standard library only at import time, like ``cli.py`` (which registers this).
"""
from __future__ import annotations

from discimus_client.errors import ConfigurationError

PROFILES = ("strict", "magda-connector")


def register(commands) -> None:
    partners = commands.add_parser(
        "partners", help="partner agencies (MAGDA side)").add_subparsers(
        dest="partners_command", required=True, metavar="ACTION")
    profile = partners.add_parser(
        "profile", help="show or set a partner's WS-Security profile",
        description="Show, or set, the WS-Security profile a partner agency's messages "
                    "are verified with: strict (every sender's default) or "
                    "magda-connector (what MAGDA's own Java connector signs: RSA-SHA1, "
                    "the Body only, no Timestamp). A partner on magda-connector may "
                    "still send strict messages. Running workers see a change within a "
                    "minute.")
    profile.add_argument("sender", help="the partner's sender id, e.g. groeipakket")
    profile.add_argument("profile", nargs="?", choices=PROFILES,
                         help="the profile to set; without it, show the current one")
    profile.set_defaults(run=_profile)


def _profile(args) -> int:
    from discimus_service import preflight
    from discimus_service.domain.model import SecurityProfile
    from discimus_service.persistence.database import make_engine
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    from discimus_service.services.security_profiles import ProfileRefused, set_profile
    from discimus_service.settings import configure

    settings = configure()
    preflight.check_database(settings)
    engine = make_engine(settings.database_url,
                         sqlite_synchronous=settings.sqlite_synchronous)
    try:
        def factory(**kwargs):
            return SqlAlchemyUnitOfWork(engine, **kwargs)
        if args.profile is None:
            with factory(read_only=True) as uow:
                sender = uow.senders.get(args.sender)
            if sender is None:
                raise ConfigurationError(f"no sender {args.sender[:64]!r} is registered")
        else:
            try:
                sender = set_profile(factory, args.sender, SecurityProfile(args.profile))
            except ProfileRefused as refused:
                raise ConfigurationError(str(refused)) from None
    finally:
        engine.dispose()
    print(f"{sender.sender_id}: {sender.security_profile.value}")
    return 0
