"""Message type 3, student characteristics (leerlingenkenmerken): @rpc adapters.

Published as its own spyne Application at ``/leerlingenkenmerken`` with its own WSDL
and target namespace (``namespaces.LEERLINGENKENMERKEN``). Operations:

- RegistreerLeerlingenkenmerken (school → AGODI): declarations on honour, many at once;
  one registered before (same student and date) takes the new values, so it corrects
- AnnuleerLeerlingenkenmerken (school → AGODI): remove declarations sent by mistake
- GeefLeerlingenkenmerken (consultation): whether AGODI holds characteristics for the
  school's students, and the ones in force
- GeefIndicatoren (consultation): whether they meet the indicators thuistaal and
  opleidingsniveau moeder
- GeefGeregistreerdeLeerlingenkenmerken (consultation): the school's own registrations

Each method converts, calls one use case through :func:`adapter.call`, converts back.
The documented contract types live in ``soap/leerlingenkenmerken_types.py``.
"""
from __future__ import annotations

from spyne import Application, ServiceBase
from spyne.protocol.soap import Soap11

from discimus_service.domain.characteristics import HomeLanguage, MotherEducation
from discimus_service.services.cancel_characteristics import cancel_characteristics
from discimus_service.services.characteristics_views import (
    CharacteristicsView, DeclarationItem, DeclarationsQuestion, DeclarationsStoredView,
    DeclarationView, IndicatorsView, OwnDeclarationsQuestion, OwnDeclarationsView,
    StudentsQuestion,
)
from discimus_service.services.consult_characteristics import (
    consult_characteristics, consult_indicators,
)
from discimus_service.services.consult_own_characteristics import (
    consult_own_characteristics,
)
from discimus_service.services.register_characteristics import register_characteristics
from discimus_service.soap.adapter import call
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.item_lists import register_flat_items
from discimus_service.soap.leerlingenkenmerken_types import (
    AnnuleerLeerlingenkenmerkenVraagInhoudType,
    GeefGeregistreerdeLeerlingenkenmerkenAntwoordInhoudType,
    GeefGeregistreerdeLeerlingenkenmerkenVraagInhoudType,
    GeefIndicatorenAntwoordInhoudType, GeefLeerlingenkenmerkenAntwoordInhoudType,
    GeregistreerdLeerlingenkenmerkType, LeerlingenkenmerkenVerwerktType,
    LeerlingenkenmerkType, LeerlingenVraagInhoudType, LeerlingIndicatorenType,
    LeerlingKenmerkenType, LeerlingType, RegistreerLeerlingenkenmerkenVraagInhoudType,
    VerklaringType,
)
from discimus_service.soap.namespaces import LEERLINGENKENMERKEN as NS
from discimus_service.soap.operations import operation


# -- conversions ---------------------------------------------------------------------------
def register_question(inhoud) -> DeclarationsQuestion:
    return DeclarationsQuestion(inhoud.Instellingsnummer, tuple(
        DeclarationItem(k.UniekeIdentificatorLeerling, k.Stamnummer, k.DatumVerklaring,
                        HomeLanguage(k.Thuistaal),
                        MotherEducation(k.OpleidingsniveauMoeder))
        for k in inhoud.Leerlingenkenmerken or ()))


def cancel_question(inhoud) -> DeclarationsQuestion:
    return DeclarationsQuestion(inhoud.Instellingsnummer, tuple(
        DeclarationItem(v.UniekeIdentificatorLeerling, v.Stamnummer, v.DatumVerklaring)
        for v in inhoud.Verklaringen or ()))


def students_question(inhoud) -> StudentsQuestion:
    return StudentsQuestion(inhoud.Instellingsnummer,
                            tuple(s.Stamnummer or "" for s in inhoud.Leerlingen or ()))


def own_question(inhoud) -> OwnDeclarationsQuestion:
    return OwnDeclarationsQuestion(inhoud.Instellingsnummer,
                                   (inhoud.Stamnummer or "").strip() or None,
                                   inhoud.Vervolg)


def stored_inhoud(v: DeclarationsStoredView):
    return LeerlingenkenmerkenVerwerktType(
        Instellingsnummer=v.institution_number, AantalNieuw=v.new,
        AantalGewijzigd=v.replaced, AantalOngewijzigd=v.unchanged,
        AantalGeannuleerd=v.cancelled)


def _declaration(d: DeclarationView):
    return GeregistreerdLeerlingenkenmerkType(
        Instellingsnummer=d.institution_number, UniekeIdentificatorLeerling=d.student_id,
        Stamnummer=d.stamnummer, DatumVerklaring=d.declared_on,
        Thuistaal=d.home_language.value, OpleidingsniveauMoeder=d.mother_education.value)


def characteristics_inhoud(v: CharacteristicsView):
    return GeefLeerlingenkenmerkenAntwoordInhoudType(
        Instellingsnummer=v.institution_number,
        Leerlingen=[LeerlingKenmerkenType(
            Stamnummer=s.stamnummer, KenmerkenBeschikbaar=s.in_force is not None,
            Kenmerken=_declaration(s.in_force) if s.in_force else None)
            for s in v.items])


def indicators_inhoud(v: IndicatorsView):
    return GeefIndicatorenAntwoordInhoudType(
        Instellingsnummer=v.institution_number,
        Leerlingen=[LeerlingIndicatorenType(
            Stamnummer=s.stamnummer, IndicatorThuistaal=s.home_language.value,
            IndicatorOpleidingsniveauMoeder=s.mother_education.value,
            DatumVerklaring=s.declared_on) for s in v.items])


def own_inhoud(v: OwnDeclarationsView):
    return GeefGeregistreerdeLeerlingenkenmerkenAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Vervolg=v.continuation,
        Leerlingenkenmerken=[_declaration(d) for d in v.items])


# -- the service ---------------------------------------------------------------------------
RegistreerVerzoek = verzoek_type("RegistreerLeerlingenkenmerken", NS,
                                 RegistreerLeerlingenkenmerkenVraagInhoudType)
AnnuleerVerzoek = verzoek_type("AnnuleerLeerlingenkenmerken", NS,
                               AnnuleerLeerlingenkenmerkenVraagInhoudType)
VerwerktRepliek = repliek_type("LeerlingenkenmerkenVerwerkt", NS,
                               LeerlingenkenmerkenVerwerktType)
LeerlingenVerzoek = verzoek_type("Leerlingen", NS, LeerlingenVraagInhoudType)
KenmerkenRepliek = repliek_type("GeefLeerlingenkenmerken", NS,
                                GeefLeerlingenkenmerkenAntwoordInhoudType)
IndicatorenRepliek = repliek_type("GeefIndicatoren", NS, GeefIndicatorenAntwoordInhoudType)
GeregistreerdVerzoek = verzoek_type("GeefGeregistreerdeLeerlingenkenmerken", NS,
                                    GeefGeregistreerdeLeerlingenkenmerkenVraagInhoudType)
GeregistreerdRepliek = repliek_type("GeefGeregistreerdeLeerlingenkenmerken", NS,
                                    GeefGeregistreerdeLeerlingenkenmerkenAntwoordInhoudType)


class LeerlingenkenmerkenService(ServiceBase):
    @operation("RegistreerLeerlingenkenmerken", RegistreerVerzoek, VerwerktRepliek,
               "Register declarations on honour (home language, mother's education "
               "level) of the school's students, up to 1,000 per message, all or "
               "nothing; a declaration registered before takes the new values.")
    def registreer_leerlingenkenmerken(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerLeerlingenkenmerken",
                    repliek_type=VerwerktRepliek, question_of=register_question,
                    use_case=register_characteristics, result_type=DeclarationsStoredView,
                    inhoud_of=stored_inhoud)

    @operation("AnnuleerLeerlingenkenmerken", AnnuleerVerzoek, VerwerktRepliek,
               "Cancel declarations the school registered by mistake, all or nothing.")
    def annuleer_leerlingenkenmerken(ctx, verzoek):
        return call(ctx, verzoek, operation="AnnuleerLeerlingenkenmerken",
                    repliek_type=VerwerktRepliek, question_of=cancel_question,
                    use_case=cancel_characteristics, result_type=DeclarationsStoredView,
                    inhoud_of=stored_inhoud)

    @operation("GeefLeerlingenkenmerken", LeerlingenVerzoek, KenmerkenRepliek,
               "Whether AGODI holds characteristics for students enrolled at the asking "
               "school, and the most recent ones, whichever school registered them.")
    def geef_leerlingenkenmerken(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefLeerlingenkenmerken",
                    repliek_type=KenmerkenRepliek, question_of=students_question,
                    use_case=consult_characteristics, result_type=CharacteristicsView,
                    inhoud_of=characteristics_inhoud)

    @operation("GeefIndicatoren", LeerlingenVerzoek, IndicatorenRepliek,
               "Whether students enrolled at the asking school meet the indicators "
               "thuistaal and opleidingsniveau moeder.")
    def geef_indicatoren(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefIndicatoren",
                    repliek_type=IndicatorenRepliek, question_of=students_question,
                    use_case=consult_indicators, result_type=IndicatorsView,
                    inhoud_of=indicators_inhoud)

    @operation("GeefGeregistreerdeLeerlingenkenmerken", GeregistreerdVerzoek,
               GeregistreerdRepliek,
               "List the asking school's own declarations, of one student or all, one "
               "page at a time.")
    def geef_geregistreerde_leerlingenkenmerken(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefGeregistreerdeLeerlingenkenmerken",
                    repliek_type=GeregistreerdRepliek, question_of=own_question,
                    use_case=consult_own_characteristics, result_type=OwnDeclarationsView,
                    inhoud_of=own_inhoud)


def application() -> Application:
    """A fresh spyne Application for message type 3 (validated with lxml on the way in).

    The declarations of the two long lists are read by :mod:`soap.item_lists`, after
    the schema validation, like the half days of message type 2.
    """
    in_protocol = Soap11(validator="lxml")
    register_flat_items(in_protocol, LeerlingenkenmerkType, VerklaringType, LeerlingType)
    return Application([LeerlingenkenmerkenService], tns=NS, name="Leerlingenkenmerken",
                       in_protocol=in_protocol, out_protocol=Soap11())
