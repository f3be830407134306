"""The one shape of an error a person is told about: a stable code that the pages and the
command line translate, and a short detail in English for the log and the command line."""

from __future__ import annotations


class CodedError(Exception):
    """`code` names what went wrong (a catalogue key ends with it); `detail` is a hint such
    as the table or the value concerned, possibly empty."""

    def __init__(self, code: str, detail: object = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
