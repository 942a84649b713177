"""SQLAlchemy Core descriptions of the tables the migrations create, for building queries.

The migrations in ``migrations/*.sql`` are the source of truth for the database; these
``Table`` objects only name the columns for Core ``select``/``insert``. A test checks that
both agree column for column. Constraints live in the SQL, not here.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.types import NullType

metadata = sa.MetaData()

# NUMERIC columns hold what they were given (int stays int): no Core type conversion.
Number = NullType

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text),
    sa.Column("applied_at", sa.Text),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("content_hash", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("path", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("ingested_at", sa.Text),
    sa.Column("version", sa.Integer),
    sa.Column("previous_id", sa.Integer),
    sa.Column("extraction_status", sa.Text),
    sa.Column("extractor_version", sa.Text),
    sa.Column("removed_boilerplate", sa.Text),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.Integer),
    sa.Column("idx", sa.Integer),
    sa.Column("start_char", sa.Integer),
    sa.Column("end_char", sa.Integer),
    sa.Column("text", sa.Text),
)

ingest_errors = sa.Table(
    "ingest_errors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source", sa.Text),
    sa.Column("code", sa.Text),
    sa.Column("reason", sa.Text),
    sa.Column("occurred_at", sa.Text),
    sa.Column("first_seen_at", sa.Text),
    sa.Column("attempts", sa.Integer),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text),
    sa.Column("type", sa.Text),
    sa.Column("qid", sa.Text),
    sa.Column("created_at", sa.Text),
)

entity_aliases = sa.Table(
    "entity_aliases",
    metadata,
    sa.Column("entity_id", sa.Integer, primary_key=True),
    sa.Column("alias", sa.Text, primary_key=True),
    sa.Column("how", sa.Text, primary_key=True),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.Integer),
    sa.Column("sentence_id", sa.Integer),
    sa.Column("entity_id", sa.Integer),
    sa.Column("start_char", sa.Integer),
    sa.Column("end_char", sa.Integer),
    sa.Column("text", sa.Text),
    sa.Column("label", sa.Text),
    sa.Column("canonical", sa.Text),
    sa.Column("qid", sa.Text),
    sa.Column("source_component", sa.Text),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.Integer),
    sa.Column("sentence_id", sa.Integer),
    sa.Column("start_char", sa.Integer),
    sa.Column("end_char", sa.Integer),
    sa.Column("kind", sa.Text),
    sa.Column("subject", sa.Text),
    sa.Column("subject_entity_id", sa.Integer),
    sa.Column("predicate", sa.Text),
    sa.Column("value_text", sa.Text),
    sa.Column("value_entity_id", sa.Integer),
    sa.Column("attributed_to", sa.Text),
    sa.Column("as_of", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("extractor", sa.Text),
    sa.Column("extractor_version", sa.Text),
    sa.Column("confidence", sa.Float),
    sa.Column("review_state", sa.Text),
    sa.Column("payload", sa.Text),
    sa.Column("created_at", sa.Text),
)

figures = sa.Table(
    "figures",
    metadata,
    sa.Column("claim_id", sa.Integer, primary_key=True),
    sa.Column("value", Number),
    sa.Column("low", Number),
    sa.Column("high", Number),
    sa.Column("qualifier", sa.Text),
    sa.Column("approx", sa.Boolean),
    sa.Column("unit", sa.Text),
    sa.Column("counts", sa.Text),
    sa.Column("cohort_key", sa.Text),
    sa.Column("nationality", sa.Text),
    sa.Column("gender", sa.Text),
    sa.Column("age_class", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("noun", sa.Text),
    sa.Column("status", sa.Text),
    sa.Column("place", sa.Text),
    sa.Column("place_key", sa.Text),
    sa.Column("as_of", sa.Text),
    sa.Column("parent_claim_id", sa.Integer),
)
