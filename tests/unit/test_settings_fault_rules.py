"""DISCIMUS_FAULT_RULES: testers' fault rules apply unless switched off."""
import pytest

from discimus_service.settings import ConfigurationError, configure, non_defaults


@pytest.mark.parametrize("env, applies", [({}, True), ({"DISCIMUS_FAULT_RULES": ""}, True),
                                          ({"DISCIMUS_FAULT_RULES": "1"}, True),
                                          ({"DISCIMUS_FAULT_RULES": "off"}, False),
                                          ({"DISCIMUS_FAULT_RULES": "0"}, False)])
def test_fault_rules_apply_by_default(env, applies):
    settings = configure(env)
    assert settings.fault_rules is applies
    assert ("DISCIMUS_FAULT_RULES" in non_defaults(settings)) is not applies


def test_a_bad_value_names_the_variable():
    with pytest.raises(ConfigurationError, match="^DISCIMUS_FAULT_RULES='maybe'"):
        configure({"DISCIMUS_FAULT_RULES": "maybe"})
