"""`python manage.py import_ll2 PATH [PATH ...]`: import LL2 JSON files (`-` reads standard input)."""

import sys
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mirror.importer import ImportFailed, ImportProblem, import_documents
from mirror.importer.run import UnreadableJSON, parse_json
from mirror.progress import progress_bar

STDIN = "-"
# Fewer top-level objects than this import too fast to need a progress bar.
PROGRESS_FROM = 50


class _ReadProblems(Exception):
    """Some input could not be read: roll back whatever the rest of it wrote."""


class Command(BaseCommand):
    help = (
        "Import LL2 JSON (2.2.0 or 2.1.0; one object, a list page or a list of objects, of any kind the "
        "API serves) into the database: all of it, or nothing if any of it has a problem."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="a JSON file; - reads standard input")

    def handle(self, *args, paths, **options) -> None:
        documents, problems = [], []
        for path in paths:
            document, problem = read_document(path)
            if problem is None:
                documents.append(document)
            else:
                problems.append(problem)
        try:
            # The readable documents are imported even when others are not, to report their problems
            # too; then all of it is rolled back.
            with transaction.atomic():
                summary = import_documents(documents, progress=self.progress_bar())
                if problems:
                    raise _ReadProblems
        except ImportFailed as failed:
            problems.extend(failed.problems)
        except _ReadProblems:
            pass
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"nothing was imported: {len(problems)} problem(s)", returncode=1)
        for note in summary.notes:
            self.stderr.write(f"note: {note}", style_func=self.style.WARNING)
        if options["verbosity"] > 0:
            self.stdout.write(str(summary))

    def progress_bar(self) -> Callable[[int, int], None] | None:
        """A progress callback drawing a bar on standard error, if it is a terminal (else None)."""
        return progress_bar(self.stderr, label="importing", minimum=PROGRESS_FROM)


def read_document(path) -> tuple[tuple[str, Any], None] | tuple[None, ImportProblem]:
    """(source name, parsed JSON) of `path`, and None; or None and the `ImportProblem` that stops it."""
    source = "<stdin>" if path == STDIN else path
    try:
        if path == STDIN:
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as file:
                text = file.read()
    except FileNotFoundError:
        return None, ImportProblem(source=source, path="$", message="no such file")
    except IsADirectoryError:
        return None, ImportProblem(source=source, path="$", message="a directory, not a file")
    except PermissionError:
        return None, ImportProblem(source=source, path="$", message="not readable (permission denied)")
    except UnicodeDecodeError as error:
        return None, ImportProblem(source=source, path="$", message=f"not UTF-8 text (byte {error.start})")
    try:
        return (source, parse_json(text)), None
    except UnreadableJSON as error:
        return None, ImportProblem(source=source, path="$", message=str(error))
