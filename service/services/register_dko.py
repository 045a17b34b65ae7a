"""Use cases: an academy's package registers or corrects a DKO registration (002)."""
from __future__ import annotations

from discimus_service.domain import dko as rules
from discimus_service.domain.errors import (
    DkoRegistrationCancelledError, DkoRegistrationConflictError,
    DkoRegistrationNotFoundError,
)
from discimus_service.domain.identification_numbers import Channel
from discimus_service.services import identification
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.dko_common import dko_view, require_dko_mandate
from discimus_service.services.dko_views import DkoQuestion
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def register_dko(uow: UnitOfWork, receipt: Receipt, q: DkoQuestion) -> Answer:
    """Store a new registration; a missing or wrong INSZ is looked up at once.

    :raises NotAnAcademyError: the institution is no academy.
    :raises DkoMandateError: no DKO mandate for this academy today.
    :raises ValidationError: an identification, address or school-year rule.
    :raises DkoRegistrationConflictError: registered before for this school year.
    :raises StamnummerTakenError: the stamnummer is another student's here.
    :raises StamnummerChangedError: the student has another stamnummer here.
    """
    require_dko_mandate(uow, receipt, q.institution_number)
    new, wrong = rules.validate_registration(_registration_of(q, receipt), today=receipt.today)
    if uow.dko.get(new.institution_number, new.stamnummer, new.school_year) is not None:
        raise DkoRegistrationConflictError(
            f"stamnummer {new.stamnummer} is already registered at academy "
            f"{new.institution_number} for school year {new.school_year}; use "
            "CorrigeerDkoInschrijving to change it")
    return _store(uow, receipt, new, wrong)


def correct_dko(uow: UnitOfWork, receipt: Receipt, q: DkoQuestion) -> Answer:
    """Replace the data of a registration, found by academy, stamnummer and school year.

    :raises DkoRegistrationNotFoundError: no such registration.
    :raises DkoRegistrationCancelledError: it was de-registered.
    :raises ValidationError: as for a registration (its stamnummer rules too).
    """
    require_dko_mandate(uow, receipt, q.institution_number)
    new, wrong = rules.validate_registration(_registration_of(q, receipt), today=receipt.today)
    current = uow.dko.get(new.institution_number, new.stamnummer, new.school_year)
    if current is None:
        raise DkoRegistrationNotFoundError(
            f"no registration of stamnummer {new.stamnummer} at academy "
            f"{new.institution_number} for school year {new.school_year}; use "
            "RegistreerDkoInschrijving for a new one")
    if current.end_date is not None:
        raise DkoRegistrationCancelledError(
            f"the registration of stamnummer {new.stamnummer} for school year "
            f"{new.school_year} was de-registered on {current.end_date}; it can no "
            "longer be corrected")
    new.id = current.id
    return _store(uow, receipt, new, wrong)


def _store(uow, receipt, new: rules.DkoRegistration, wrong) -> Answer:
    same_stamnummer = uow.dko.of_student(new.institution_number, stamnummer=new.stamnummer)
    same_insz = (uow.dko.of_student(new.institution_number, insz=new.insz)
                 if new.insz else [])
    rules.check_stamnummer(new, same_stamnummer, same_insz)
    uow.dko.add(new)
    issues: list[Issue] = []
    ident = new.identification
    if wrong is not None:
        issues.append(identification.report_wrong(uow, Channel.DKO, new.institution_number,
                                                  ident, wrong, receipt.today))
    issues += identification.on_receipt(uow, Channel.DKO, new.institution_number, ident,
                                        receipt.today)
    return Answer(dko_view(uow, new), tuple(issues))


def _registration_of(q: DkoQuestion, receipt: Receipt) -> rules.DkoRegistration:
    return rules.DkoRegistration(
        institution_number=q.institution_number, school_year=q.school_year,
        identification=q.identification, discipline=q.discipline,
        fee_category=q.fee_category, registration_date=q.registration_date,
        sender_id=receipt.sender.sender_id)
