"""Full-text search on the practices' index table: PostgreSQL (unaccent, the sterk_dutch
configuration, a tsvector column filled by a trigger, a GIN index) or SQLite (an FTS5
table kept in sync by triggers). The SQL comes from sterk.core.search."""

from django.db import migrations

from sterk.core.search import SearchIndex, install_sql, uninstall_sql

INDEX = SearchIndex(table="practices_practicesearchentry", key="practice_id")


def forwards(apps, schema_editor):
    for statement in install_sql(INDEX, schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def backwards(apps, schema_editor):
    for statement in uninstall_sql(INDEX, schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
