"""The rule catalogue: rules/<group>/<ID>.yaml and rules/frameworks/*.yaml, validated on the
way in (JSON Schema for the file, the check kind's Params model for `check.params`), with
every error naming the file and the field, as yamllint validates rule options before linting.

- model: groups, severity weights and the Rule, Framework and Ruleset models;
- loading: reading and validating rules and frameworks into a Ruleset;
- catalogue_doc: rules/CATALOGUE.md, generated from the rules' metadata.
"""

from lepcheck.rules.loading import (
    catalogue_digest,
    framework_weights,
    load_framework,
    load_rule,
    load_rules,
    load_ruleset,
    load_schema,
    rating_cap_rules,
    resource_dir,
    rule_files,
)
from lepcheck.rules.model import (
    DEFAULT_FRAMEWORK,
    GROUP_TITLES,
    GROUPS,
    SEVERITY_WEIGHTS,
    SPOT_CHECK_FRAMEWORK,
    SUCCESSOR_FRAMEWORK,
    Framework,
    FrameworkClause,
    Reference,
    Rule,
    Ruleset,
    default_framework,
)

__all__ = [
    "DEFAULT_FRAMEWORK",
    "GROUPS",
    "GROUP_TITLES",
    "SEVERITY_WEIGHTS",
    "SPOT_CHECK_FRAMEWORK",
    "SUCCESSOR_FRAMEWORK",
    "Framework",
    "FrameworkClause",
    "Reference",
    "Rule",
    "Ruleset",
    "catalogue_digest",
    "default_framework",
    "framework_weights",
    "load_framework",
    "load_rule",
    "load_rules",
    "load_ruleset",
    "load_schema",
    "rating_cap_rules",
    "resource_dir",
    "rule_files",
]
