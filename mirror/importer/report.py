"""What an import reports: its problems, or a summary of what it wrote."""


class ImportProblem:
    """One problem of the input: where it is and what is wrong.

    `str(problem)` is "<source>: <json path>: <message>", e.g.
    "data/launch.json: $.results[1].net: 'not a date' is not a datetime".
    """

    def __init__(self, *, source, path, message):
        self.source = source
        self.path = path
        self.message = message

    def __str__(self):
        return f"{self.source}: {self.path}: {self.message}"

    def __repr__(self):
        return f"ImportProblem({str(self)!r})"

    def __eq__(self, other):
        if not isinstance(other, ImportProblem):
            return NotImplemented
        return (self.source, self.path, self.message) == (other.source, other.path, other.message)

    def __hash__(self):
        return hash((self.source, self.path, self.message))


class ImportFailed(Exception):
    """The input had problems, and nothing was written: `.problems` lists them all, in input order."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))


class ImportSummary:
    """What an import wrote, per kind of object (a model's verbose name: "launch", "agency"...).

    `.created`, `.updated` and `.unchanged` count distinct objects (an agency met in 50 launches counts
    once); an object that an import both created and then updated counts as created. `.notes` lists the
    references the import could not resolve and left as they were (e.g. an agency's `parent` naming no
    stored agency), one readable line each. `str()` is a readable summary, a line per kind.
    """

    def __init__(self, *, created=None, updated=None, unchanged=None, notes=()):
        self.created = dict(created or {})
        self.updated = dict(updated or {})
        self.unchanged = dict(unchanged or {})
        self.notes = list(notes)

    @property
    def changed(self) -> bool:
        """Whether the import created or updated anything."""
        return any(self.created.values()) or any(self.updated.values())

    def __str__(self):
        kinds = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        states = {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}
        totals = {state: sum(counts.values()) for state, counts in states.items()}
        lines = [
            f"{sum(totals.values())} objects: "
            + ", ".join(f"{total} {state}" for state, total in totals.items())
        ]
        for kind in kinds:
            parts = [f"{counts[kind]} {state}" for state, counts in states.items() if counts.get(kind)]
            lines.append(f"  {kind}: {', '.join(parts)}")
        return "\n".join(lines)

    def __repr__(self):
        return f"ImportSummary(created={self.created}, updated={self.updated}, unchanged={self.unchanged})"
