"""What the recognizers need to know from their user, as plain protocols.

`recognizers/` is a leaf library: it needs Presidio and these few settings, nothing from the
processor. The processor's `DetectionSettings` (validated YAML) satisfies `RecognizerSettings`
by shape; a test or another program can pass any object with these attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class PatternSpec(Protocol):
    """An identifier of the operator's own, found by a regular expression."""

    @property
    def entity(self) -> str: ...
    @property
    def regex(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def context(self) -> Sequence[str]: ...


class RecognizerSettings(Protocol):
    """The settings recognizers are built from."""

    @property
    def language(self) -> str: ...
    @property
    def phone_regions(self) -> Sequence[str]: ...
    @property
    def custom_patterns(self) -> Sequence[PatternSpec]: ...
