"""The security error tree: codes, fault codes and HTTP status are part of the contract.

The codes of the subclasses are pinned by the README code table
(tests/contract/test_contracts.py); these pin the rest: the root, the text format of
a faultstring, and the HTTP status each class travels with.

Equivalent mutant of client/wsse/errors.py (tools/mutation.py): MessageTooLarge's class
attribute ``http_status = 413`` moved by one: its ``__init__`` always sets the instance's
own value (413 by default).
"""
from __future__ import annotations

import pytest

from discimus_client.wsse import errors


def test_the_root_is_s199_an_invalid_security_fault_with_http_500():
    root = errors.SecurityError("refused")
    assert (root.code, root.faultcode, root.http_status) == (
        199, ("wsse", "InvalidSecurity"), 500)
    assert root.faultstring == "[S199] refused" and root.message == "refused"
    assert isinstance(root, ValueError)


def test_every_security_error_is_listed_once_sorted_by_code():
    listed = errors.all_security_errors()
    codes = [cls.code for cls in listed]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert listed[0] is errors.MalformedXml and errors.SecurityError in listed
    # Subclasses defined elsewhere (the service's InternalError) are listed too.
    assert set(listed) >= {cls for cls in vars(errors).values() if isinstance(cls, type)
                           and issubclass(cls, errors.SecurityError)}


@pytest.mark.parametrize("cls, status", [
    (errors.WrongContentType, 415), (errors.MalformedXml, 500),
    (errors.SignatureInvalid, 500), (errors.ReplayedMessage, 500),
])
def test_each_class_travels_with_its_http_status(cls, status):
    assert cls("x").http_status == status


def test_message_too_large_is_413_unless_the_body_was_read():
    assert errors.MessageTooLarge("x").http_status == 413
    assert errors.MessageTooLarge("x", http_status=500).http_status == 500
    assert errors.MessageTooLarge("x").faultstring == "[S102] x"
