"""docs/schema-differences.md is what `manage.py schema_differences` writes today, and every difference
between our schema and LL2's in it has its proof: a payload of LL2's in tests/ll2/, or a rule."""

import copy

import pytest
import yaml
from django.core.management import CommandError, call_command

from spacedevs import schema_differences
from spacedevs.schema_differences import DOCUMENT, Difference, payload_evidence, prove, render


@pytest.fixture(scope="module")
def rendered():
    return render()


def test_the_document_is_up_to_date(rendered):
    text, _unproven = rendered

    assert DOCUMENT.read_text() == text, "run `python manage.py schema_differences`"


def test_every_difference_has_its_proof(rendered):
    _text, unproven = rendered

    assert unproven == []
    assert "Proof: **none**" not in DOCUMENT.read_text()


def test_the_command_checks_the_document(capsys):
    call_command("schema_differences", "--check")

    assert capsys.readouterr().out == ""


def test_payloads_prove_what_they_show(ll2_schema):
    evidence = payload_evidence(ll2_schema)

    # The contract's launch has no mission; Salyut 5's port has nothing docked.
    assert evidence["LaunchSerializerCommon", "mission", "null in ours"] == (
        "`tests/ll2/spacecraft-flight-567.json` at `launch.mission`"
    )
    assert evidence["DockingLocationSerializerForSpacestation", "docked", "null in ours"].startswith(
        "`tests/ll2/data/spacestation-13.2.2.0.detail.json` at `docking_location[0].docked`"
    )
    # A key of late 2.2.0 that LL2's schema lacks.
    assert ("LaunchSerializerCommon", "net_precision", "key only in ours") in evidence


def test_a_difference_nothing_proves_is_reported(ll2_schema):
    evidence = payload_evidence(ll2_schema)
    invented = Difference(
        "components",
        "LL2's `Launch`",
        "key only in ours",
        "`invented_key`: ...",
        component="LaunchSerializerCommon",
        key="invented_key",
    )

    assert prove(invented, evidence, ll2_schema) is None


def doctor(monkeypatch, tmp_path, ll2_schema, change):
    """Render the differences with LL2's schema changed by `change(schema)`."""
    doctored = copy.deepcopy(ll2_schema)
    change(doctored)
    path = tmp_path / "ll2.yaml"
    path.write_text(yaml.safe_dump(doctored))
    monkeypatch.setattr(schema_differences, "LL2_SCHEMA", path)
    return render()


def test_a_key_ll2s_schema_lacks_is_proven_by_the_payload_that_has_it(monkeypatch, tmp_path, ll2_schema):
    def forget_name(schema):
        del schema["components"]["schemas"]["LaunchSerializerCommon"]["properties"]["name"]

    text, unproven = doctor(monkeypatch, tmp_path, ll2_schema, forget_name)

    assert unproven == []
    assert (
        "`name`: we serve it, LL2's schema lacks it. Proof: `tests/ll2/spacecraft-flight-567.json` at"
        " `launch.name`." in text
    )


def test_a_key_we_do_not_serve_has_no_proof(monkeypatch, tmp_path, ll2_schema):
    def invent_a_key(schema):
        schema["components"]["schemas"]["LaunchSerializerCommon"]["properties"]["made_up"] = {
            "type": "string"
        }

    text, unproven = doctor(monkeypatch, tmp_path, ll2_schema, invent_a_key)

    assert "`made_up`: LL2's schema has it, we do not serve it. Proof: **none**." in text
    assert [difference.key for difference in unproven] == ["made_up"]


def test_the_command_fails_on_a_difference_without_proof(monkeypatch, tmp_path):
    monkeypatch.setattr(schema_differences, "DOCUMENT", tmp_path / "differences.md")
    monkeypatch.setattr(
        "spacedevs.management.commands.schema_differences.render",
        lambda: ("text\n", [Difference("paths", "`/x/`", "path only in ours", "we serve it")]),
    )
    monkeypatch.setattr(
        "spacedevs.management.commands.schema_differences.DOCUMENT", tmp_path / "differences.md"
    )

    with pytest.raises(CommandError, match="1 differences have no proof"):
        call_command("schema_differences")
    assert (tmp_path / "differences.md").read_text() == "text\n"
