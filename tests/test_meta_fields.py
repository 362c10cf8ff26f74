"""The post-meta fields are declared once (the record model) and every layout derives from it."""

from __future__ import annotations

from typing import get_type_hints

from anp_synth.db import tables
from anp_synth.formats.csvrows import HEADER
from anp_synth.model import META_FIELDS, Article, Meta
from anp_synth.render._meta import META_ORDER


def test_meta_fields_follow_the_model_declaration() -> None:
    assert [f.key for f in META_FIELDS] == list(get_type_hints(Meta))
    assert list(META_ORDER) == [f.key for f in META_FIELDS]


def test_the_csv_meta_columns_are_the_box_order() -> None:
    tops = [name.split(".")[1] for name in HEADER if name.startswith("meta.")]
    assert list(dict.fromkeys(tops)) == [f.key for f in META_FIELDS]


def test_every_article_column_names_a_value_the_record_model_declares() -> None:
    by_key = {f.key: f for f in META_FIELDS}
    computed = {"id", "body"}
    assert set(tables.ARTICLE_VALUES) == {c.name for c in tables.articles.columns} - computed
    for column, path in tables.ARTICLE_VALUES.items():
        if path[0] != "meta":
            assert path == (path[0],) and path[0] in get_type_hints(Article), column
            continue
        field = by_key[str(path[1])]
        if field.shape == "value":
            assert len(path) == 2, column
        elif field.shape == "list":
            assert len(path) == 3 and isinstance(path[2], int), column
        else:
            assert field.shape == "object" and len(path) == 3 and path[2] in dict(field.fields), column
