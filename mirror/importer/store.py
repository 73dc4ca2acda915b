"""The database side of an import: objects upserted by their LL2 id, what each write did, and the
problems met, kept per top-level object so that one can be undone and tried again."""

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Field, Min, Model

from mirror.importer.report import ImportProblem


class _Failed:
    """What reading an object returns when it had a problem: the problem is recorded, nothing is
    written, and whatever embeds the object is not written either (no second problem for it)."""

    def __repr__(self):
        return "FAILED"


FAILED = _Failed()


class Deferred(Exception):
    """A new object lacks something another object of the same run may bring (a launch the docking
    event's `launch_id` names, a docking location's station): its top-level object is undone and tried
    again once everything else is in."""


# How a write changed an object; an object keeps the strongest state a run gave it.
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
_RANK = {UNCHANGED: 0, UPDATED: 1, CREATED: 2}


def kind(model) -> str:
    """The name of a kind of object in summaries and problems: the model's verbose name."""
    return str(model._meta.verbose_name)


def required_fields(model) -> list[Field]:
    """The fields a new row must be given: neither nullable, nor defaulted, nor allowed to be ""."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key
        and not field.null
        and not field.has_default()
        and not (field.blank and field.empty_strings_allowed)
    ]


class _Log:
    """What one top-level object did: kept apart until it is done, dropped if it is undone."""

    def __init__(self):
        self.states = {}
        self.problems = []
        self.later = {}
        self.explicit_ids = set()
        self.originals = {}


class _Later:
    """An optional reference to resolve once the run's objects are all in (an agency's `parent` by name,
    a pad's `agency_id`): the object it names may come later in the input, or not at all."""

    def __init__(self, *, source, path, target, lookup, value, description):
        self.source = source
        self.path = path
        self.target = target
        self.lookup = lookup
        self.value = value
        self.description = description


# A reference resolved directly after an earlier one was left for later: the earlier one is dropped.
_RESOLVED = object()


class Store:
    """The objects of one import run, cached by model and LL2 id, and what the run did to them."""

    def __init__(self):
        self.source = None
        # Where in the input the current object is: problems are listed in input order.
        self.position = 0
        # Problems are not final while an object may still be undone and tried again.
        self.deferring = True
        self._instances = {}
        self._named = {}
        self._names = {}
        self._adopted = set()
        self._states = {}
        self._problems = []
        self._later = {}
        self._explicit_ids = set()
        # What the objects updated held before the run, by field: an object that the run changes and
        # changes back (two files that disagree, imported again) is unchanged.
        self._originals = {}
        self._log = _Log()

    # -- one top-level object at a time ------------------------------------------------------------

    def begin(self) -> None:
        self._log = _Log()

    def commit(self) -> None:
        log = self._log
        for key, state in log.states.items():
            self._escalate(self._states, key, state)
        self._problems.extend(log.problems)
        for key, later in log.later.items():
            if later is _RESOLVED:
                self._later.pop(key, None)
            else:
                self._later[key] = later
        self._explicit_ids |= log.explicit_ids
        for key, originals in log.originals.items():
            # The value before the run is the one met first.
            for name, original in originals.items():
                self._originals.setdefault(key, {}).setdefault(name, original)
        self._log = _Log()

    def undo(self) -> None:
        """Forget what the current object did: its savepoint was rolled back, so the cached instances
        may hold values the database no longer has."""
        self._log = _Log()
        self._instances.clear()
        self._named.clear()
        self._names.clear()
        self._adopted.clear()

    # -- problems ------------------------------------------------------------------------------------

    def problem(self, path, message) -> _Failed:
        problem = ImportProblem(source=self.source, path=path, message=message)
        self._log.problems.append((self.position, problem))
        return FAILED

    def missing(self, path, message) -> _Failed:
        """A new object lacks what it needs: try again at the end of the run, then it is a problem."""
        if self.deferring:
            raise Deferred(message)
        return self.problem(path, message)

    @property
    def problems(self) -> list[ImportProblem]:
        return [problem for _position, problem in sorted(self._problems, key=lambda entry: entry[0])]

    # -- reading and writing -------------------------------------------------------------------------

    def get(self, model, pk) -> Model | None:
        """The stored object of `model` with LL2 id `pk`, or None."""
        key = (model, pk)
        if key not in self._instances:
            self._instances[key] = model.objects.filter(pk=pk).first()
        return self._instances[key]

    def upsert(self, model, pk, fields, m2m, *, path, keys=None) -> Model | _Failed:
        """Create or update the object `pk` of `model` with `fields` (model field name: value, related
        instances for relations) and `m2m` (name: list of instances, the whole set). Only the fields
        given are written: what the payload does not carry stays as stored.

        `keys` maps a field name to the LL2 key that carries it, for the problem a new object without a
        required field gets. Returns the instance, or FAILED.
        """
        instance = self.get(model, pk)
        if instance is None:
            absent = [field for field in required_fields(model) if field.name not in fields]
            if absent:
                names = ", ".join(repr((keys or {}).get(field.name, field.name)) for field in absent)
                return self.missing(
                    path, f"{kind(model)} {pk} is new, and the payload has no {names}, which it needs"
                )
            instance = model(pk=pk, **fields)
            instance.save(force_insert=True)
            self._instances[(model, pk)] = instance
            self._log.explicit_ids.add(model)
            state = CREATED
        else:
            state = UNCHANGED
        changed = state == UNCHANGED and self._write(instance, fields)
        for name, targets in m2m.items():
            manager = getattr(instance, name)
            wanted = {target.pk for target in targets}
            current = set() if state == CREATED else set(manager.values_list("pk", flat=True))
            if wanted != current:
                manager.set(targets)
                if state != CREATED:
                    self.changed(instance, name, current, reader=_m2m_pks)
                    changed = True
        self.record(model, pk, UPDATED if changed else state)
        return instance

    def update(self, instance, fields) -> None:
        """Write `fields` of a stored `instance` where they differ; record what that did."""
        changed = self._write(instance, fields)
        self.record(type(instance), instance.pk, UPDATED if changed else UNCHANGED)

    def _write(self, instance, fields):
        changed = [name for name, value in fields.items() if _differs(instance, name, value)]
        for name in changed:
            field = instance._meta.get_field(name)
            self.changed(instance, name, getattr(instance, field.attname), reader=_attribute)
            setattr(instance, name, fields[name])
        if changed:
            instance.save(update_fields=changed)
        return bool(changed)

    def changed(self, instance, name, original, *, reader) -> None:
        """Note what `instance`'s `name` held before this run changed it; `reader(instance, name)` reads
        it again at the end of the run."""
        originals = self._log.originals.setdefault((type(instance), instance.pk), {})
        originals.setdefault(name, (original, reader))

    def named(self, model, name, *, current=None, off_ll2_ids=False) -> Model:
        """The object of a lookup that LL2 serves by its name (an agency's `type`, a station's `orbit`).

        The object the relation holds now (`current`, its id) is kept if it has that name, so that an
        import again changes nothing; else the object of that name, preferring those with LL2's ids
        (positive) and the oldest; else a new one. For a lookup that LL2 serves elsewhere with its ids
        (an orbit: a mission's has one), `off_ll2_ids` gives the new object a negative id: an LL2 id that
        comes later never lands on it (which would rename it under every object that named it).
        """
        if current is not None:
            if (model, current) not in self._names:
                self._names[(model, current)] = (
                    model.objects.filter(pk=current).values_list("name", flat=True).first()
                )
            if self._names[(model, current)] == name:
                self.record(model, current, UNCHANGED)
                return model(pk=current, name=name)
        key = (model, name)
        if key not in self._named:
            pks = model.objects.filter(name=name).values_list("pk", flat=True)
            found = min(pks, key=lambda pk: (pk < 0, abs(pk)), default=None)
            if found is None:
                self._named[key] = self._create_named(model, name, off_ll2_ids=off_ll2_ids)
            else:
                self._named[key] = model(pk=found, name=name)
                self.record(model, found, UNCHANGED)
        return self._named[key]

    def _create_named(self, model, name, *, off_ll2_ids):
        if off_ll2_ids:
            lowest = model.objects.aggregate(lowest=Min("pk"))["lowest"] or 0
            instance = model.objects.create(pk=min(lowest, 0) - 1, name=name)
        else:
            if model in self._explicit_ids | self._log.explicit_ids:
                # Rows inserted with LL2's ids this run are past the id sequence (PostgreSQL).
                reset_sequences([model])
            instance = model.objects.create(name=name)
        self.record(model, instance.pk, CREATED)
        return instance

    def adopt(self, instance) -> None:
        """`instance` came with its LL2 id (an orbit, as a mission serves it): the objects of its name
        created from the name alone (negative ids, see `named`) are replaced by it, in every relation
        that holds them, and deleted."""
        model = type(instance)
        if (model, instance.pk, instance.name) in self._adopted:
            return
        for placeholder in model.objects.filter(name=instance.name, pk__lt=0).values_list("pk", flat=True):
            for relation in model._meta.related_objects:
                if not relation.one_to_many:
                    continue
                holders = relation.related_model.objects.filter(**{relation.field.name: placeholder})
                for pk in holders.values_list("pk", flat=True):
                    self.update(self.get(relation.related_model, pk), {relation.field.name: instance})
            model.objects.filter(pk=placeholder).delete()
            self._named = {key: value for key, value in self._named.items() if value.pk != placeholder}
            self._names.pop((model, placeholder), None)
            for states in (self._states, self._log.states):
                states.pop((model, placeholder), None)
        self._adopted.add((model, instance.pk, instance.name))

    def record(self, model, pk, state) -> None:
        self._escalate(self._log.states, (model, pk), state)

    @staticmethod
    def _escalate(states, key, state):
        if _RANK[state] > _RANK.get(states.get(key), -1):
            states[key] = state

    # -- references resolved at the end --------------------------------------------------------------

    def later(self, owner, field, *, path, target, lookup, value, description) -> None:
        """Set `owner.field` (a stored instance) to the `target` object whose `lookup` ("pk" or "name")
        is `value`, once the run's objects are all in; `description` names the reference in the note
        written when nothing matches."""
        self._log.later[(type(owner), owner.pk, field)] = _Later(
            source=self.source, path=path, target=target, lookup=lookup, value=value, description=description
        )

    def resolved(self, owner, field) -> None:
        """`owner.field` was set directly: a reference left for later by an earlier object is dropped."""
        self._log.later[(type(owner), owner.pk, field)] = _RESOLVED

    def resolve_later(self) -> list[str]:
        """Resolve the references left for later; returns a note for each that names nothing (its
        field is left as stored)."""
        notes = []
        for (model, pk, field), later in self._later.items():
            self.begin()
            matches = list(later.target.objects.filter(**{later.lookup: later.value}).order_by("pk")[:2])
            owner = self.get(model, pk)
            if len(matches) == 1:
                self.update(owner, {field: matches[0]})
            else:
                what = "no" if not matches else "more than one"
                notes.append(
                    f"{later.source}: {later.path}: {later.description} {later.value!r} names {what} "
                    f"{kind(later.target)}; the {kind(model)}'s {field} is left as it was"
                )
            self.commit()
        self._later.clear()
        return notes

    # -- the end of the run --------------------------------------------------------------------------

    def counts(self) -> dict[str, dict[str, int]]:
        """`{state: {kind: count}}` over every object the run touched."""
        counts = {CREATED: {}, UPDATED: {}, UNCHANGED: {}}
        for (model, pk), state in self._states.items():
            if state == UPDATED and self._as_before(model, pk):
                state = UNCHANGED
            by_kind = counts[state]
            by_kind[kind(model)] = by_kind.get(kind(model), 0) + 1
        return counts

    def _as_before(self, model, pk):
        """Whether every field the run changed holds its value from before the run again."""
        instance = self.get(model, pk)
        return all(
            reader(instance, name) == original
            for name, (original, reader) in self._originals.get((model, pk), {}).items()
        )

    def reset_sequences(self) -> None:
        """Move PostgreSQL's id sequences past the LL2 ids inserted, as `loaddata` does, so that what a
        curator adds gets a fresh id."""
        reset_sequences(sorted(self._explicit_ids, key=lambda model: model._meta.label))


def _attribute(instance, name):
    return getattr(instance, instance._meta.get_field(name).attname)


def _m2m_pks(instance, name):
    return set(getattr(instance, name).values_list("pk", flat=True))


def _differs(instance, name, value):
    field = instance._meta.get_field(name)
    current = getattr(instance, field.attname)
    new = value.pk if field.is_relation and value is not None else value
    return current != new


def reset_sequences(models) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
