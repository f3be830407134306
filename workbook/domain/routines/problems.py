"""What the routines page refuses to take, as a code the page translates."""

from __future__ import annotations

from workbook.domain.errors import CodedError


class InputProblem(CodedError, ValueError):
    """What the user typed cannot be taken: `code` names the sentence to show
    (`routines.problem.<code>`), `values` fill it. Nothing was written."""

    catalogue = "routines.problem"

    def __init__(self, code: str, **values: object):
        super().__init__(code, **values)
