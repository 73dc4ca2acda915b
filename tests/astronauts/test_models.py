"""The astronaut model: its `wiki` is a web link, as every URL field is."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import AstronautFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("wiki", ["javascript:alert(1)", "data:text/html,<script>", "not a url"])
def test_the_wiki_refuses_what_is_not_a_web_link(wiki):
    astronaut = AstronautFactory(wiki=wiki)

    with pytest.raises(ValidationError) as refused:
        astronaut.full_clean()

    assert list(refused.value.message_dict) == ["wiki"]


def test_the_wiki_takes_a_web_link():
    AstronautFactory(wiki="https://en.wikipedia.org/wiki/Yuri_Gagarin").full_clean()
