"""Use case: an LED consumer asks the certificates of one INSZ (MAGDA LED.GeefBewijs 02.00).

The certificates are the ones the schools registered (message type 4), in LED's
vocabulary (``domain/led.py``). The consumers (NARIC, the exam board, hospitals,
business counters, Selor; seed 001) check as every consultation does: the partner,
its authorisation for ``LED.GeefBewijs`` and capacity, the INSZ, and its registered
interest in the person, here on the day of the question (GeefBewijs asks no period).

Each authorisation's field set names the optional elements of the answer it grants
(``OPTIONAL_FIELDS``); the elements LED's schema requires of every Bewijs are always
answered, as for every MAGDA service (``domain/partners.py``).
"""
from __future__ import annotations

from dataclasses import dataclass

from discimus_service.domain import partners as rules
from discimus_service.domain.certificate import Certificate
from discimus_service.domain.errors import NoDataFoundError
from discimus_service.domain.identifiers import validate_insz
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.partner_interest import require_partner
from discimus_service.services.ports import UnitOfWork

SERVICE = "LED.GeefBewijs"
# The optional elements of LED's answer the stored certificates can fill, by the name
# an authorisation's field set uses: Basis/Studierichting, Basis/Finaliteit,
# Basis/BijkomendeInformaties, and the answer's Bron (the source, "leverancier").
STUDY_FIELD = "Studierichting"
FINALITY = "Finaliteit"
EXTRA_INFORMATION = "BijkomendeInformaties"
SOURCE = "Bron"
OPTIONAL_FIELDS = (STUDY_FIELD, FINALITY, EXTRA_INFORMATION, SOURCE)
MAX_CERTIFICATES = 99          # BewijzenLijstType: Bewijs maxOccurs 99


@dataclass(frozen=True)
class CertificateQuestion:
    afzender: str                 # Context/Bericht/Afzender/Identificatie
    capacity: str | None          # Afzender/Hoedanigheid; None: the partner's default
    insz: str


@dataclass(frozen=True)
class CertificateResult:
    """The person's certificates, oldest first, and what the authorisation grants."""

    certificates: tuple[Certificate, ...]
    granted: tuple[str, ...]      # the optional fields (OPTIONAL_FIELDS) it may see
    deliberation: str


@read_only
def give_certificates(uow: UnitOfWork, receipt: Receipt, q: CertificateQuestion) -> Answer:
    """The certificates the schools registered for ``q.insz``.

    :raises AuthorisationError: no authorisation, capacity, or registration (40006).
    :raises InvalidInszError: the INSZ fails its checks (MAGDA 20002).
    :raises NoDataFoundError: no certificate of this INSZ (MAGDA 30101).
    """
    sender_id = receipt.sender.sender_id
    partner = require_partner(uow, receipt, q.afzender)
    capacity = q.capacity or partner.default_capacity
    authorisation = rules.require_authorisation(
        uow.partners.authorisations(sender_id, SERVICE), sender_id=sender_id,
        service=SERVICE, capacity=capacity, day=receipt.today)
    insz = validate_insz(q.insz)
    rules.require_registered(uow.interests.of_person(sender_id, insz), sender_id=sender_id,
                             capacity=capacity, insz=insz, begin=receipt.today,
                             end=receipt.today)
    found = uow.certificates.of_person(insz)
    if not found:
        raise NoDataFoundError(f"no certificate of INSZ {insz} registered by a school",
                               field="INSZ")
    # LED's list holds at most 99: the most recent ones, still oldest first.
    return Answer(CertificateResult(
        tuple(found[-MAX_CERTIFICATES:]),
        tuple(f for f in OPTIONAL_FIELDS if authorisation.grants(f)),
        authorisation.deliberation))
