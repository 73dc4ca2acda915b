"""Import LL2 JSON into the database: `import_documents` and what it reports.

LL2 JSON as LL2 (or another instance of this service) serves it, 2.2.0 and 2.1.0 shapes: one object, a
`{count, next, previous, results}` page, or a JSON list of objects, of every kind the API serves. See
`mirror.importer.run` for the rules.
"""

from mirror.importer.report import ImportFailed, ImportProblem, ImportSummary
from mirror.importer.run import import_documents

__all__ = ["ImportFailed", "ImportProblem", "ImportSummary", "import_documents"]
