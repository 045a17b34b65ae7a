"""Testers' fault rules: which one applies, and the delay."""
from discimus_service.domain.audit import ALL, FaultKind, FaultRule, applicable

UNAVAILABLE, BUSY, SLOW = FaultKind.UNAVAILABLE, FaultKind.BUSY, FaultKind.SLOW


def test_the_most_specific_refusing_rule_applies_and_the_longest_delay():
    rules = [FaultRule(ALL, ALL, BUSY, id=1),
             FaultRule("GeefAantalAanwezigheden", "21051612345", UNAVAILABLE, id=2),
             FaultRule(ALL, "21051612345", SLOW, 2.5, id=3)]
    rule, delay = applicable(rules, "GeefAantalAanwezigheden", "21051612345")
    assert rule.id == 2 and delay == 2.5
    rule, delay = applicable(rules, "GeefHistoriekInschrijving", "21051612345")
    assert rule.id == 1 and delay == 2.5
    rule, delay = applicable(rules, "GeefHistoriekInschrijving", "12031527701")
    assert rule.id == 1 and delay == 0


def test_a_rule_for_another_service_or_person_does_not_apply():
    rules = [FaultRule("GeefAantalAanwezigheden", "21051612345", UNAVAILABLE, id=1)]
    assert applicable(rules, "GeefAantalAanwezigheden", "12031527701") == (None, 0.0)
    assert applicable(rules, "GeefHistoriekInschrijving", "21051612345") == (None, 0.0)
    assert applicable([], "GeefAantalAanwezigheden", None) == (None, 0.0)
