"""The one shape of an error a person is told about: a stable code that the pages and the
command line translate, and a short detail in English for the log and the command line."""

from __future__ import annotations


class CodedError(Exception):
    """`code` names what went wrong; `detail` is a hint such as the table or the value
    concerned, possibly empty; `values` fill the sentence. A subclass names in `catalogue` the
    catalogue section its codes are sentences of, so that `key` is the whole catalogue key and
    one handler can translate every kind (`workbook.ui.common.act`)."""

    catalogue = ""

    def __init__(self, code: str, detail: object = "", **values: object):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.values = values

    @property
    def key(self) -> str:
        return f"{self.catalogue}.{self.code}" if self.catalogue else self.code

    @property
    def keys(self) -> list[str]:
        """The sentences to show, in order (one, unless a subclass refuses for several
        reasons at once)."""
        return [self.key]
