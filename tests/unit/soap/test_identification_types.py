"""The student's identification types: one definition, declared per contract."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from discimus_service.domain.model import Sex
from discimus_service.soap import inschrijving_types, internaat_types
from discimus_service.soap.documented import DOCS
from discimus_service.soap.identification_types import identification_of, identification_types
from discimus_service.soap.namespaces import INSCHRIJVING, INTERNAAT
from discimus_service.soap.shared_types import stamnummer_type


def test_message_types_1_and_7_declare_the_same_student_in_their_own_namespace():
    one, seven = inschrijving_types.LeerlingType, internaat_types.LeerlingType
    assert (one.get_namespace(), seven.get_namespace()) == (INSCHRIJVING, INTERNAAT)
    assert DOCS[(INSCHRIJVING, "LeerlingType")] == DOCS[(INTERNAAT, "LeerlingType")]
    assert DOCS[(INSCHRIJVING, "AdresType")] == DOCS[(INTERNAAT, "AdresType")]
    assert list(one._type_info) == list(seven._type_info)


def test_each_namespace_gets_its_types_once():
    assert identification_types(INTERNAAT) is identification_types(INTERNAAT)
    assert stamnummer_type(INTERNAAT) is internaat_types.StamnummerType


def test_a_received_student_becomes_the_domains_identification():
    adres = SimpleNamespace(Straat=" Kerkstraat ", Huisnummer="12", Busnummer=" ",
                            Postcode="9050 01", Gemeente=None, Land="00150")
    leerling = SimpleNamespace(INSZ=" ", Stamnummer="2600001", Voornaam="Lotte",
                               Naam="Peeters", Geboortedatum=dt.date(2012, 3, 15),
                               Geslacht="V", Nationaliteit="00150", Adres=adres)
    ident = identification_of(leerling)
    assert ident.insz is None and ident.sex is Sex.V
    assert (ident.address.street, ident.address.box, ident.address.postcode) == (
        "Kerkstraat", None, "9050 01")
