"""Anonymization operators, registered by name like Presidio's.

An operator turns one detected value into what a partner may see. It receives the raw
value and its entity type and returns the replacement text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from presidio_anonymizer.operators import Redact, Replace

Operator = Callable[[str, str, dict[str, Any]], str]

_OPERATORS: dict[str, Operator] = {}


def register(name: str) -> Callable[[Operator], Operator]:
    def add(fn: Operator) -> Operator:
        if name in _OPERATORS:
            raise ValueError(f"operator {name!r} is registered twice")
        _OPERATORS[name] = fn
        return fn

    return add


def get(name: str) -> Operator:
    try:
        return _OPERATORS[name]
    except KeyError:
        raise KeyError(f"unknown operator {name!r}; known: {', '.join(sorted(_OPERATORS))}") from None


def names() -> list[str]:
    return sorted(_OPERATORS)


_replace, _redact = Replace(), Redact()


@register("replace")
def replace(value: str, entity_type: str, params: dict[str, Any]) -> str:
    """`<ENTITY_TYPE>`, or the configured `new_value`."""
    return _replace.operate(value, {"entity_type": entity_type, **params})


@register("redact")
def redact(value: str, entity_type: str, params: dict[str, Any]) -> str:
    """The empty string."""
    return _redact.operate(value, params)
