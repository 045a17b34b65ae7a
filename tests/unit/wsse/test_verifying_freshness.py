"""The Timestamp rules of the verifier, each on its own and at its exact edge.

Every message here is validly signed over the Timestamp it carries, so a refusal can
only come from the rule under test. The times are chosen so that one rule decides: the
Expires rule is tried with an Expires well inside the maximum age, the maximum age with
an Expires far away, and each edge is accepted at the limit and refused one microsecond
past it (STRICT: 60 s future skew, 300 s maximum age).

Equivalent mutants (mutation testing, see tools/mutation.py) in this part:
none; every comparison's edge is pinned below.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest

from discimus_client.wsse import ns
from discimus_client.wsse.errors import (
    InvalidTimestamp, MessageExpired, SignatureWrapping, TimestampInFuture,
)
from discimus_client.wsse.policy import STRICT
from tests.unit.wsse.conftest import NOW
from tests.unit.wsse.forging import (
    HEADER, WSU, resign, security, signed_root, text, timestamp, verify, with_times,
)

US = dt.timedelta(microseconds=1)
S = dt.timedelta(seconds=1)


def test_the_strict_profile_has_the_documented_windows():
    # Pinned, not recomputed: the README and docs promise these numbers to vendors.
    assert STRICT.future_skew == 60 * S
    assert STRICT.max_age == 300 * S
    assert STRICT.timestamp_ttl == 300 * S


# -- Expires, on its own (an Expires well inside the maximum age) -----------------------
def test_expires_is_accepted_up_to_and_including_its_own_moment(rsa_pair):
    root = with_times(rsa_pair, text(NOW), text(NOW + 10 * S))
    assert verify(root, now=NOW + 10 * S).expires == NOW + 10 * S


def test_expires_refuses_one_microsecond_later_even_within_the_maximum_age(rsa_pair):
    root = with_times(rsa_pair, text(NOW), text(NOW + 10 * S))
    with pytest.raises(MessageExpired):
        verify(root, now=NOW + 10 * S + US)


# -- maximum age, on its own (an Expires far away) ---------------------------------------
def test_a_message_exactly_the_maximum_age_old_is_accepted(rsa_pair):
    root = with_times(rsa_pair, text(NOW), text(NOW + dt.timedelta(hours=1)))
    assert verify(root, now=NOW + 300 * S).created == NOW


def test_a_message_one_microsecond_over_the_maximum_age_is_refused(rsa_pair):
    root = with_times(rsa_pair, text(NOW), text(NOW + dt.timedelta(hours=1)))
    with pytest.raises(MessageExpired):
        verify(root, now=NOW + 300 * S + US)


def test_the_maximum_age_comes_from_the_policy(rsa_pair):
    root = with_times(rsa_pair, text(NOW), text(NOW + dt.timedelta(hours=1)))
    short = dataclasses.replace(STRICT, max_age=20 * S)
    verify(root, now=NOW + 20 * S, policy=short)
    with pytest.raises(MessageExpired):
        verify(root, now=NOW + 20 * S + US, policy=short)


# -- future skew ---------------------------------------------------------------------------
def test_created_exactly_the_allowed_skew_ahead_is_accepted(rsa_pair):
    root = with_times(rsa_pair, text(NOW + 60 * S), text(NOW + 120 * S))
    assert verify(root, now=NOW).created == NOW + 60 * S


def test_created_one_microsecond_beyond_the_skew_is_refused(rsa_pair):
    root = with_times(rsa_pair, text(NOW + 60 * S + US), text(NOW + 120 * S))
    with pytest.raises(TimestampInFuture):
        verify(root, now=NOW)


def test_a_created_slightly_ahead_is_within_the_skew(rsa_pair):
    root = with_times(rsa_pair, text(NOW + 30 * S), text(NOW + 90 * S))
    verify(root, now=NOW)


# -- Created and Expires together ------------------------------------------------------------
def test_expires_equal_to_created_is_refused(rsa_pair):
    root = with_times(rsa_pair, text(NOW), text(NOW))
    with pytest.raises(InvalidTimestamp):
        verify(root, now=NOW)


def test_expires_one_microsecond_after_created_is_accepted(rsa_pair):
    root = with_times(rsa_pair, text(NOW), text(NOW + US))
    verify(root, now=NOW)


def test_expires_before_created_is_refused(rsa_pair):
    root = with_times(rsa_pair, text(NOW), text(NOW - 10 * S))
    with pytest.raises(InvalidTimestamp):
        verify(root, now=NOW - 20 * S)


# -- the Timestamp's shape ----------------------------------------------------------------------
def test_a_timestamp_without_expires_is_refused(rsa_pair):
    root = with_times(rsa_pair, text(NOW), None)
    with pytest.raises(InvalidTimestamp):
        verify(root)


def test_expires_before_created_in_document_order_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    stamp = timestamp(root)
    stamp.append(stamp.find(f"{WSU}Created"))
    with pytest.raises(InvalidTimestamp):
        verify(resign(root, rsa_pair[0]))


def test_a_third_child_in_the_timestamp_is_refused(rsa_pair):
    root = signed_root(rsa_pair)
    timestamp(root).append(copy.deepcopy(timestamp(root).find(f"{WSU}Expires")))
    with pytest.raises(InvalidTimestamp):
        verify(resign(root, rsa_pair[0]))


def test_two_timestamps_are_refused(rsa_pair):
    root = signed_root(rsa_pair)
    second = copy.deepcopy(timestamp(root))
    del second.attrib[ns.WSU_ID]
    timestamp(root).addnext(second)
    with pytest.raises(InvalidTimestamp):
        verify(root)


def test_two_timestamps_with_the_same_id_are_refused_as_two_timestamps(rsa_pair):
    root = signed_root(rsa_pair)
    timestamp(root).addnext(copy.deepcopy(timestamp(root)))
    with pytest.raises(InvalidTimestamp):
        verify(root)


def test_a_timestamp_outside_the_security_header_is_wrapping(rsa_pair):
    root = signed_root(rsa_pair)
    root.find(HEADER).append(timestamp(root))
    with pytest.raises(SignatureWrapping):
        verify(root)


def test_a_timestamp_missing_everywhere_is_an_invalid_timestamp(rsa_pair):
    root = signed_root(rsa_pair)
    security(root).remove(timestamp(root))
    with pytest.raises(InvalidTimestamp):
        verify(root)


# -- time syntax ---------------------------------------------------------------------------------
@pytest.mark.parametrize("created, microsecond", [
    ("2026-09-03T08:00:00Z", 0),
    ("2026-09-03T08:00:00.5Z", 500_000),
    ("2026-09-03T08:00:00.000001Z", 1),
    ("2026-09-03T08:00:00.123456789Z", 123_456),   # nanoseconds: truncated, not refused
    (" 2026-09-03T08:00:00.250Z\n", 250_000),
])
def test_times_with_or_without_fractional_seconds_are_read_exactly(rsa_pair, created,
                                                                   microsecond):
    root = with_times(rsa_pair, created, text(NOW + 60 * S))
    assert verify(root).created == NOW.replace(microsecond=microsecond)


@pytest.mark.parametrize("created", [
    "2026-09-03T08:00:00",            # no Z: local time of nobody knows where
    "2026-09-03T08:00:00+00:00",      # an offset, even zero: the profile says Z
    "2026-09-03T08:00:00.1234567890Z",  # more than nine fraction digits
    "2026-09-03T08:00:00.Z",
    "2026-02-30T08:00:00Z",           # an impossible date
    "2026-09-03T24:00:00Z",           # an impossible time
    "2026-9-3T08:00:00Z",
    "",
])
def test_times_outside_the_profile_are_refused(rsa_pair, created):
    root = with_times(rsa_pair, created, text(NOW + 60 * S))
    with pytest.raises(InvalidTimestamp):
        verify(root)


def test_an_impossible_expires_is_refused_too(rsa_pair):
    root = with_times(rsa_pair, text(NOW), "2026-09-31T08:00:00Z")
    with pytest.raises(InvalidTimestamp):
        verify(root)


@pytest.mark.parametrize("name", [ns.WSU_ID, "{urn:x}Note", "{urn:x}Zone"])
def test_other_attributes_on_created_and_expires_are_fine(rsa_pair, name):
    # Only ValueType is forbidden there (WS-I BSP 1.1 R3225, R3226); names that sort
    # before and after it are not.
    root = signed_root(rsa_pair)
    for part in timestamp(root):
        part.set(name, "x")
    verify(resign(root, rsa_pair[0]))
