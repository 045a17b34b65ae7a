"""The certificate repository (message type 4) against SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.certificate import CertificateKind as K, Form
from discimus_service.services.ports import DuplicateKeyError
from tests import factories as f


def test_certificates_round_trip_every_field(uow_factory):
    full = f.certificate(f.certificate_data(
        kind=K.OB, grade=2, year=2, form=Form.TSO, study_field="Elektromechanica",
        study_field_code="EM-2", full_name="Oriënteringsattest B",
        excluded_forms=(Form.D, Form.DA)), special_needs=True)
    gbo = f.certificate(f.certificate_data(kind=K.GBO, grade=None, year=None, form=None,
                                           obtained_on=dt.date(2025, 6, 30)),
                        institution_number="012345", stamnummer="2400009", insz=None)
    with uow_factory() as uow:
        uow.certificates.add(full)
        uow.certificates.add(gbo)
        uow.commit()
    assert full.id is not None and gbo.id is not None
    with uow_factory() as uow:
        [found] = uow.certificates.of_students("034567", ["2600001", "2600009"])
        [primary] = uow.certificates.of_students("012345", ["2400009"])
        by_insz = uow.certificates.of_person(full.insz)
    assert found == full and primary == gbo and by_insz == [full]


def test_update_remove_and_pages(uow_factory):
    with uow_factory() as uow:
        for n in range(1, 4):
            uow.certificates.add(f.certificate(stamnummer=f"260000{n}"))
        uow.commit()
    with uow_factory() as uow:
        first, second, third = uow.certificates.page("034567", stamnummer=None,
                                                     school_year=None, after=None,
                                                     limit=10)
        uow.certificates.update(dataclasses.replace(
            first, student_id="NEW", data=dataclasses.replace(first.data,
                                                              study_field="Latijn")))
        uow.certificates.remove([second.id])
        uow.commit()
    with uow_factory() as uow:
        rest = uow.certificates.page("034567", stamnummer=None, school_year=2025,
                                     after=None, limit=10)
        assert [(c.student_id, c.data.study_field) for c in rest] == [
            ("NEW", "Latijn"), ("LL-0001", None)]
        assert uow.certificates.page("034567", stamnummer=None, school_year=None,
                                     after=first.id, limit=1) == [third]
        assert uow.certificates.page("034567", stamnummer="2600003", school_year=2024,
                                     after=None, limit=10) == []


def test_one_kind_per_student_and_school_year(uow_factory):
    with uow_factory() as uow:
        uow.certificates.add(f.certificate())
        uow.commit()
    with pytest.raises(DuplicateKeyError):
        with uow_factory() as uow:
            uow.certificates.add(f.certificate(student_id="other"))
            uow.commit()
