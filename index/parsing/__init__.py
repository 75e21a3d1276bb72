"""Parse Third Committee reports (markdown) into typed records.

Rules, not line numbers: the same code reads any report printed in this format.
"""

from index.parsing.document import load_documents, parse_document
from index.parsing.errors import ParseError

__all__ = ["ParseError", "load_documents", "parse_document"]
