"""Instances read from the database are built directly (`spacedevs.db.models.Model.from_db`), and are
the instances Django's own `from_db` builds."""

import pytest
from django.apps import apps
from django.db import models
from django.db.models.signals import post_init

from launches.models import Launch, LaunchStatus, Pad
from spacedevs.db import models as loading

DOMAIN_MODELS = [model for model in apps.get_models() if issubclass(model, loading.Model)]


def state(instance):
    return (
        {key: value for key, value in vars(instance).items() if key != "_state"},
        instance._state.adding,
        instance._state.db,
        # An empty cache of related objects is the same whether made yet or not (it is made on first use).
        {key: value for key, value in vars(instance._state).items() if (key, value) != ("fields_cache", {})},
    )


def test_every_domain_model_is_loaded_directly():
    assert {model._meta.app_label for model in DOMAIN_MODELS} >= {
        "agencies", "astronauts", "events", "launches", "spacecraft", "stations"
    }  # fmt: skip
    assert all(loading._attnames(model) is not None for model in DOMAIN_MODELS)


@pytest.mark.parametrize("model", DOMAIN_MODELS, ids=lambda model: model._meta.label)
def test_an_instance_loaded_is_the_one_django_builds(read_only_demo, model):
    attnames = [field.attname for field in model._meta.concrete_fields]
    rows = list(model.objects.order_by("pk").values_list(*attnames)[:50])
    if not rows:
        pytest.skip(f"the demo has no {model._meta.label}")
    for row in rows:
        ours = model.from_db("default", attnames, row)
        djangos = models.Model.from_db.__func__(model, "default", attnames, row)
        assert type(ours) is model
        assert state(ours) == state(djangos)
        assert ours == djangos
        assert ours.pk is not None


def test_a_loaded_instance_reads_its_relations_and_saves_as_an_update(read_only_demo):
    pad = Pad.objects.select_related("location").order_by("pk").first()
    assert type(pad.location).__name__ == "Location"
    assert pad.location.pk == pad.location_id
    pad.name = "Renamed pad"
    pad.save()
    assert Pad.objects.filter(name="Renamed pad").count() == 1
    assert Pad.objects.count() == Pad.objects.filter(pk__lte=Pad.objects.order_by("-pk").first().pk).count()
    # A foreign key's id set afterwards still forgets the related object it replaced.
    other = Pad.objects.exclude(location_id=pad.location_id).order_by("pk").first()
    pad.location_id = other.location_id
    assert pad.location.pk == other.location_id


def test_deferred_fields_are_left_to_django(read_only_demo):
    launch = Launch.objects.only("id").order_by("pk").first()
    assert launch.get_deferred_fields() >= {"name", "net"}
    assert launch.name == Launch.objects.get(pk=launch.pk).name


def test_a_model_with_post_init_receivers_is_built_by_django(read_only_demo):
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance.pk)

    post_init.connect(receiver, sender=LaunchStatus)
    try:
        statuses = list(LaunchStatus.objects.order_by("pk"))
    finally:
        post_init.disconnect(receiver, sender=LaunchStatus)
    assert seen == [status.pk for status in statuses] != []


def test_a_model_with_an_init_of_its_own_is_built_by_django():
    class Own(loading.Model):
        name = models.CharField(max_length=10)

        class Meta:
            app_label = "launches"
            managed = False

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.seen = True

    assert loading._attnames(Own) is None
    assert Own.from_db("default", ["id", "name"], (1, "x")).seen is True
