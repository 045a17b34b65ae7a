"""Use cases: a school asks what AGODI holds for its students (message type 3).

"Via Discimus kunnen scholen en centra onmiddellijk na de inschrijving raadplegen of
AGODI voor een bepaalde leerling over leerlingenkenmerken beschikt en welke de meest
recent geregistreerde leerlingenkenmerken zijn" and "nagaan of een leerling voldoet aan
de indicatoren 'thuistaal' en 'opleidingsniveau van de moeder'" (000 §4).

Both answer for students enrolled with the asking school (running or enrolled for a
later start), named by stamnummer, up to 500 per question; a student who is not is
refused (40010), and then nothing is answered: a school never learns anything about
another school's student. The declaration in force may come from any school the
student was enrolled at, matched by INSZ.
"""
from __future__ import annotations

from discimus_service.domain import characteristics as rules
from discimus_service.domain.characteristics import Indicator
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer
from discimus_service.services.characteristics_items import (
    STUDENT_PATH, checked_stamnummers, declarations_of, own_students, refused_items,
    view_of,
)
from discimus_service.services.characteristics_views import (
    CharacteristicsView, IndicatorsView, StudentCharacteristicsView,
    StudentIndicatorsView, StudentsQuestion,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork


def _in_force(uow: UnitOfWork, receipt: Receipt, q: StudentsQuestion):
    """(stamnummer, declaration in force or None) per student asked, in question order;
    or the refusal."""
    require_mandate(uow, receipt, q.institution_number, MessageType.LEERLINGENKENMERKEN)
    problems = []
    asked = checked_stamnummers(q.stamnummers, problems)
    own = own_students(uow, q.institution_number, asked, receipt.today, problems,
                       STUDENT_PATH)
    if problems:
        return None, refused_items(problems)
    known = declarations_of(uow, q.institution_number, own)
    return [(s, rules.most_recent(known[s])) for s in asked.values()], None


@read_only
def consult_characteristics(uow: UnitOfWork, receipt: Receipt,
                            q: StudentsQuestion) -> Answer:
    """Whether AGODI holds characteristics for each student, and the ones in force.

    :raises AuthorisationError: no mandate for this school and message type 3.
    :raises TooManyStudentsError: more than 500 students in the question.
    """
    found, refusal = _in_force(uow, receipt, q)
    if refusal is not None:
        return refusal
    return Answer(CharacteristicsView(q.institution_number, [
        StudentCharacteristicsView(s, view_of(d) if d else None) for s, d in found]))


@read_only
def consult_indicators(uow: UnitOfWork, receipt: Receipt, q: StudentsQuestion) -> Answer:
    """Whether each student meets the indicators thuistaal and opleidingsniveau moeder,
    after the declaration in force.

    :raises AuthorisationError: no mandate for this school and message type 3.
    :raises TooManyStudentsError: more than 500 students in the question.
    """
    found, refusal = _in_force(uow, receipt, q)
    if refusal is not None:
        return refusal
    items = []
    for stamnummer, d in found:
        if d is None:
            items.append(StudentIndicatorsView(stamnummer, Indicator.ONBEKEND,
                                               Indicator.ONBEKEND, None))
        else:
            items.append(StudentIndicatorsView(
                stamnummer, rules.home_language_indicator(d.home_language),
                rules.mother_education_indicator(d.mother_education), d.declared_on))
    return Answer(IndicatorsView(q.institution_number, items))
