"""The partner tables on SQLite and PostgreSQL: partners, authorisations, the register."""
import datetime as dt

import pytest

from discimus_fixtures.partners import AUTHORISATIONS, PARTNERS
from discimus_service.domain.partners import InterestEvent, InterestKind
from discimus_service.services.ports import DuplicateKeyError
from tests import factories

NOW = dt.datetime(2026, 9, 3, 10, 0, tzinfo=dt.timezone.utc)
INSZ = "12031555672"


@pytest.fixture
def seeded(uow_factory):
    from discimus_fixtures.senders import SENDERS
    with uow_factory() as uow:
        for s in SENDERS:
            uow.senders.add(s)
        for p in PARTNERS:
            uow.partners.add(p)
        for a in AUTHORISATIONS:
            uow.partners.add_authorisation(a)
        uow.commit()
    return uow_factory


def test_partners_and_their_authorisations_round_trip(seeded):
    with seeded() as uow:
        assert uow.partners.get("groeipakket") == PARTNERS[0]
        assert uow.partners.get("informat") is None
        found = uow.partners.authorisations("groeipakket", "Onderwijs.GeefHistoriekInschrijving")
        assert found == [a for a in AUTHORISATIONS if a.sender_id == "groeipakket"
                         and a.service == "Onderwijs.GeefHistoriekInschrijving"]
        assert found[0].capacities == ("1300",)


def test_two_partners_cannot_share_an_identification(seeded):
    from discimus_service.domain.partners import Partner
    with seeded() as uow:
        with pytest.raises(DuplicateKeyError):
            uow.partners.add(Partner("clb", PARTNERS[0].identification, "1"))
            uow.commit()


def test_the_register_keeps_events_in_order_of_arrival_per_partner_and_person(seeded):
    events = [InterestEvent("groeipakket", "1300", INSZ, InterestKind.REGISTERED,
                            dt.date(2026, 1, 1), None),
              InterestEvent("groeipakket", "1300", INSZ, InterestKind.ENDED,
                            dt.date.min, None),
              InterestEvent("onderwijsinspectie", "1200", INSZ, InterestKind.REGISTERED,
                            dt.date(2026, 1, 1), dt.date(2026, 12, 31))]
    with seeded() as uow:
        for e in events:
            uow.interests.add(e, NOW)
        uow.commit()
    with seeded() as uow:
        mine = uow.interests.of_person("groeipakket", INSZ)
        assert [(e.kind, e.begin, e.end) for e in mine] == [
            (InterestKind.REGISTERED, dt.date(2026, 1, 1), None),
            (InterestKind.ENDED, dt.date.min, None)]
        assert mine[0].sequence < mine[1].sequence
        assert uow.interests.of_person("groeipakket", "00000000000") == []


def test_a_refused_registration_leaves_nothing(seeded):
    with seeded() as uow:
        uow.interests.add(InterestEvent("groeipakket", "1300", INSZ, InterestKind.REGISTERED,
                                        dt.date(2026, 1, 1), None), NOW)
    with seeded() as uow:                     # no commit: rolled back
        assert uow.interests.of_person("groeipakket", INSZ) == []


def test_loading_the_demo_data_gives_groeipakket_its_authorisations(uow_factory):
    from discimus_fixtures.generator import generate
    from discimus_fixtures.loader import load
    counts = load(uow_factory, generate(7, schools=4, students=5, today=factories.TODAY))
    assert counts["partners"] == len(PARTNERS)
    assert counts["authorisations"] == len(AUTHORISATIONS)
    with uow_factory() as uow:
        services = {a.service for a in AUTHORISATIONS if a.sender_id == "groeipakket"}
        assert all(uow.partners.authorisations("groeipakket", s) for s in services)
