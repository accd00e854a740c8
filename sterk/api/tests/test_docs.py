"""The documentation page's content: every operation of the OpenAPI document, with its
parameters, grouped by resource, in the page's language."""

from django.utils import translation

from sterk.api.docs import groups
from sterk.api.main import api


def _operations(schema):  # type: ignore[no-untyped-def]
    return set(schema["paths"])


def test_every_operation_is_on_the_page_with_its_parameters():
    schema = api.get_openapi_schema()
    shown = {op.path: op for group in groups(schema) for op in group.operations}
    assert set(shown) == _operations(schema)
    regions = shown["/api/v1/regions"]
    names = {p.name: p for p in regions.parameters}
    assert {"lang", "limit", "offset"} <= set(names)
    assert names["limit"].kind == "integer (minimum 1, maximum 100)"
    assert names["lang"].kind == "nl | fr | en"
    assert regions.example.endswith("/api/v1/regions")


def test_the_descriptions_follow_the_language():
    with translation.override("en"):
        english = api.get_openapi_schema()
    assert english["info"]["description"].startswith("The public data")
    assert {t["name"] for t in english["tags"]} >= {"regions", "identity"}
    assert all(t["description"] for t in english["tags"])


def test_the_index_names_every_list(client, db):
    import json

    body = json.loads(client.get("/api/v1/").content)
    assert body["openapi"].endswith("/api/v1/openapi.json")
    assert body["documentation"].endswith("/nl/open-data/api/")
    schema = api.get_openapi_schema()
    lists = {p for p in schema["paths"] if "{" not in p and p != "/api/v1/"}
    assert {urlpath.split("://", 1)[1].split("/", 1)[1] for urlpath in body["lists"].values()} == {
        p.lstrip("/") for p in lists if p.count("/") == 3
    }


def test_no_two_resources_share_a_schema_name():
    """OpenAPI components are named after the schema class: two classes of one name in
    two modules would leave one of them described by the other's schema."""
    import inspect

    from ninja import Schema

    from sterk.api.resources import MODULES

    seen: dict[str, str] = {}
    clashes = []
    for module in MODULES:
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, Schema)
                and value.__module__ == module.__name__
            ):
                if name in seen:
                    clashes.append(f"{name} in {seen[name]} and {module.__name__}")
                seen[name] = module.__name__
    assert not clashes
