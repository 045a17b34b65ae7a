"""The helpers every contract type is made with keep documentation and domain in step."""
from __future__ import annotations

import enum

import pytest
from spyne.model.complex import ComplexModel
from spyne.model.primitive import Date

from discimus_service.soap.documented import (
    DOCS, TypeDoc, code_list, complex_type, field, register, simple_type,
)

NS = "urn:discimus-emulator:test-documented:01.00"


class Colour(str, enum.Enum):
    RED = "R"
    GREEN = "G"


def test_a_code_list_documents_each_code_of_the_domain_enum():
    code_list("KleurType", NS, "A colour.", {"R": "Red.", "G": "Green."}, codes=Colour)
    assert DOCS[(NS, "KleurType")] == TypeDoc("A colour.", values={"R": "Red.",
                                                                    "G": "Green."})


@pytest.mark.parametrize("meanings", [{"R": "Red."}, {"R": "Red.", "G": "Green.",
                                                       "B": "Blue."}])
def test_a_code_without_meaning_or_a_meaning_without_code_is_refused(meanings):
    with pytest.raises(ValueError, match="codes"):
        code_list("KleurOokType", NS, "A colour.", meanings, codes=Colour)


def test_a_field_keeps_the_named_type_and_is_required_unless_optional():
    code = simple_type("TestCodeType", NS, "A code.", max_len=3)
    required, optional = field(code, "Needed."), field(code, "Maybe.", optional=True)
    assert required.get_type_name() == optional.get_type_name() == "TestCodeType"
    assert (required.Attributes.min_occurs, optional.Attributes.min_occurs) == (1, 0)
    assert not required.Attributes.nillable and not optional.Attributes.nillable


def test_a_complex_type_is_registered_with_its_docstring_and_field_docs():
    @complex_type
    class PeriodTestType(ComplexModel):
        """A test period."""

        __namespace__ = NS
        _type_info = [("Begin", field(Date, "First day.")),
                      ("Einde", field(Date, "Last day.", optional=True))]

    assert DOCS[(NS, "PeriodTestType")] == TypeDoc(
        "A test period.", fields={"Begin": "First day.", "Einde": "Last day."})


def test_an_undocumented_element_is_refused():
    class UndocumentedTestType(ComplexModel):
        """Has an undocumented element."""

        __namespace__ = NS
        _type_info = [("Begin", Date)]

    with pytest.raises(ValueError, match="Begin"):
        complex_type(UndocumentedTestType)


def test_two_different_definitions_under_one_name_are_refused():
    register(NS, "TwiceType", TypeDoc("One."))
    register(NS, "TwiceType", TypeDoc("One."))       # the same again is harmless
    with pytest.raises(ValueError, match="two definitions"):
        register(NS, "TwiceType", TypeDoc("Another."))
