"""Class information for LeerID (seed 003): @rpc adapters.

Published as its own spyne Application at ``/klasinformatie`` with its own WSDL and
target namespace (``namespaces.KLASINFORMATIE``). Operations:

- RegistreerKlasinformatie (school package → AGODI): students' classes, up to 1,000
  at once, all or nothing; only Broekx, Informat and Wisa, only while the school shares
- GeefKlasinformatie (LeerID): the classes of a school's enrolled students, only while
  the school shares them
- GeefKlasinformatieDeling (the school's packages, LeerID): whether the school shares

The school's LeerID data manager switches sharing on and off in the LeerID Schoolloket,
which the emulator offers as ``discimus leerid share|stop``.
"""
from __future__ import annotations

from spyne import Application, ServiceBase
from spyne.protocol.soap import Soap11

from discimus_service.services.class_views import (
    ClassesConsultation, ClassesQuestion, ClassesStoredView, ClassesView, ClassItem,
    SharingView,
)
from discimus_service.services.consult_classes import consult_classes, consult_sharing
from discimus_service.services.register_classes import register_classes
from discimus_service.soap.adapter import call
from discimus_service.soap.generiek import repliek_type, verzoek_type
from discimus_service.soap.item_lists import register_flat_items
from discimus_service.soap.klasinformatie_types import (
    DelingType, GeefKlasinformatieAntwoordInhoudType,
    GeefKlasinformatieDelingAntwoordInhoudType, InstellingVraagInhoudType,
    KlasinformatieVerwerktType, KlasType,
    LeerlingKlasType, RegistreerKlasinformatieVraagInhoudType,
)
from discimus_service.soap.namespaces import KLASINFORMATIE as NS
from discimus_service.soap.operations import operation


# -- conversions ---------------------------------------------------------------------------
def register_question(inhoud) -> ClassesQuestion:
    return ClassesQuestion(inhoud.Instellingsnummer, tuple(
        ClassItem(k.UniekeIdentificatorLeerling, k.Stamnummer, k.Klas,
                  getattr(k, "Subklas", None)) for k in inhoud.Klassen or ()))


def consultation(inhoud) -> ClassesConsultation:
    return ClassesConsultation(inhoud.Instellingsnummer)


def stored_inhoud(v: ClassesStoredView):
    return KlasinformatieVerwerktType(
        Instellingsnummer=v.institution_number, AantalNieuw=v.new,
        AantalGewijzigd=v.changed, AantalOngewijzigd=v.unchanged)


def _deling(s: SharingView) -> DelingType:
    return DelingType(Actief=s.active, Sinds=s.since, Protocol=s.protocol_version,
                      Databeheerder=s.data_manager)


def classes_inhoud(v: ClassesView):
    return GeefKlasinformatieAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Deling=_deling(v.sharing),
        Leerlingen=[LeerlingKlasType(Stamnummer=c.stamnummer, INSZ=c.insz,
                                     Klas=c.class_name, Subklas=c.subclass, Sinds=c.since)
                    for c in v.items])


def sharing_inhoud(v: SharingView):
    return GeefKlasinformatieDelingAntwoordInhoudType(
        Instellingsnummer=v.institution_number, Deling=_deling(v))


# -- the service ---------------------------------------------------------------------------
RegistreerVerzoek = verzoek_type("RegistreerKlasinformatie", NS,
                                 RegistreerKlasinformatieVraagInhoudType)
VerwerktRepliek = repliek_type("KlasinformatieVerwerkt", NS, KlasinformatieVerwerktType)
GeefVerzoek = verzoek_type("GeefKlasinformatie", NS, InstellingVraagInhoudType)
GeefRepliek = repliek_type("GeefKlasinformatie", NS, GeefKlasinformatieAntwoordInhoudType)
DelingVerzoek = verzoek_type("GeefKlasinformatieDeling", NS, InstellingVraagInhoudType)
DelingRepliek = repliek_type("GeefKlasinformatieDeling", NS,
                             GeefKlasinformatieDelingAntwoordInhoudType)


class KlasinformatieService(ServiceBase):
    @operation("RegistreerKlasinformatie", RegistreerVerzoek, VerwerktRepliek,
               "Send students' classes for LeerID, up to 1,000 per message, all or "
               "nothing; only Broekx, Informat and Wisa, only while the school shares.")
    def registreer_klasinformatie(ctx, verzoek):
        return call(ctx, verzoek, operation="RegistreerKlasinformatie",
                    repliek_type=VerwerktRepliek, question_of=register_question,
                    use_case=register_classes, result_type=ClassesStoredView,
                    inhoud_of=stored_inhoud)

    @operation("GeefKlasinformatie", GeefVerzoek, GeefRepliek,
               "LeerID reads the classes of a school's enrolled students, only while "
               "the school shares them.")
    def geef_klasinformatie(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefKlasinformatie",
                    repliek_type=GeefRepliek, question_of=consultation,
                    use_case=consult_classes, result_type=ClassesView,
                    inhoud_of=classes_inhoud)

    @operation("GeefKlasinformatieDeling", DelingVerzoek, DelingRepliek,
               "Whether a school shares class information with LeerID, since when and "
               "under which protocol.")
    def geef_klasinformatie_deling(ctx, verzoek):
        return call(ctx, verzoek, operation="GeefKlasinformatieDeling",
                    repliek_type=DelingRepliek, question_of=consultation,
                    use_case=consult_sharing, result_type=SharingView,
                    inhoud_of=sharing_inhoud)


def application() -> Application:
    """A fresh spyne Application for class information (validated with lxml)."""
    in_protocol = Soap11(validator="lxml")
    register_flat_items(in_protocol, KlasType)
    return Application([KlasinformatieService], tns=NS, name="Klasinformatie",
                       in_protocol=in_protocol, out_protocol=Soap11())
