"""Full-text search, one interface over two engines.

- PostgreSQL: a `tsvector` column on the app's index table, filled by a trigger with
  `to_tsvector('sterk_dutch', ...)` (the `dutch` snowball configuration with `unaccent`
  in front of the stemmer), weighted A (title) / B (summary) / C (body), a GIN index,
  `websearch_to_tsquery` for queries, `ts_rank_cd` for ranking and `ts_headline` for the
  highlighted snippet.
- SQLite (the embedded default): an FTS5 external-content table over the same index
  table, kept in sync by triggers, tokenizer `unicode61 remove_diacritics 2`, ranked with
  `bm25`. SQLite has no Dutch stemmer, so the index table also holds the text after
  `stem_text` (a small Dutch suffix stripper after the Snowball algorithm); queries go
  through the same function, so "nabijheid" meets "nabij" on both databases.

An app declares a `SearchIndex` for its index table (one row per searchable object, with
columns `title`, `summary`, `body`, `stem_title`, `stem_body` and the key column) and
runs `install_sql(index, vendor)` in a migration. Services write rows with
`index_row_values`; selectors compose `match_sql` into their own queries and ask
`headlines` for the snippets of the page they show.
"""

# SQL here is built from table and column names that are constants of this code; every
# value a person typed goes in as a query parameter.
# ruff: noqa: S608

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.utils.safestring import SafeString, mark_safe

# --- text normalisation and the Dutch stemmer ------------------------------------------

_WORD = re.compile(r"[0-9a-z]+")
_VOWELS = set("aeiouyè")


def normalise(text: str) -> str:
    """Lower case without accents ("Financiële" -> "financiele")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def _r1_r2(word: str) -> tuple[int, int]:
    def region(start: int) -> int:
        for i in range(start + 1, len(word)):
            if word[i] not in _VOWELS and word[i - 1] in _VOWELS:
                return i + 1
        return len(word)

    r1 = max(region(0), 3)
    r2 = region(r1) if r1 < len(word) else len(word)
    return r1, r2


def _undouble(word: str) -> str:
    if len(word) >= 2 and word[-1] == word[-2] and word[-1] in "kdt":
        return word[:-1]
    return word


def _valid_en(word: str, cut: int) -> bool:
    return cut > 0 and word[cut - 1] not in _VOWELS and not word[:cut].endswith("gem")


def stem(word: str) -> str:
    """Dutch stem after the Snowball Dutch algorithm (accents already removed)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    r1, r2 = _r1_r2(word)
    # Step 1
    if word.endswith("heden") and len(word) - 5 >= r1:
        word = word[:-5] + "heid"
    elif word.endswith("ene") and len(word) - 3 >= r1 and _valid_en(word, len(word) - 3):
        word = _undouble(word[:-3])
    elif word.endswith("en") and len(word) - 2 >= r1 and _valid_en(word, len(word) - 2):
        word = _undouble(word[:-2])
    elif word.endswith("se") and len(word) - 2 >= r1 and word[-3] not in _VOWELS | {"j"}:
        word = word[:-2]
    elif word.endswith("s") and len(word) - 1 >= r1 and word[-2] not in _VOWELS | {"j"}:
        word = word[:-1]
    # Step 2
    e_removed = False
    if word.endswith("e") and len(word) - 1 >= r1 and len(word) > 1 and word[-2] not in _VOWELS:
        word = _undouble(word[:-1])
        e_removed = True
    # Step 3a
    if word.endswith("heid") and len(word) - 4 >= r2 and not word[:-4].endswith("c"):
        word = word[:-4]
        if word.endswith("en") and len(word) - 2 >= r1 and _valid_en(word, len(word) - 2):
            word = _undouble(word[:-2])
    # Step 3b
    if word.endswith(("end", "ing")) and len(word) - 3 >= r2:
        word = word[:-3]
        if word.endswith("ig") and len(word) - 2 >= r2 and not word[:-2].endswith("e"):
            word = word[:-2]
        else:
            word = _undouble(word)
    elif word.endswith("ig") and len(word) - 2 >= r2 and not word[:-2].endswith("e"):
        word = word[:-2]
    elif word.endswith("lijk") and len(word) - 4 >= r2:
        word = word[:-4]
        if word.endswith("e") and len(word) - 1 >= r1 and word[-2:-1] not in _VOWELS:
            word = _undouble(word[:-1])
    elif word.endswith("baar") and len(word) - 4 >= r2:
        word = word[:-4]
    elif word.endswith("bar") and len(word) - 3 >= r2 and e_removed:
        word = word[:-3]
    # Step 4: undouble a vowel (CVVD -> CVD)
    if (
        len(word) >= 4
        and word[-1] not in _VOWELS
        and word[-1] != "i"
        and word[-2] == word[-3]
        and word[-2] in "aeou"
        and word[-4] not in _VOWELS
    ):
        word = word[:-2] + word[-1]
    return word


def stem_text(text: str) -> str:
    return " ".join(stem(w) for w in words(text))


# --- the index declaration and its SQL ---------------------------------------------------


@dataclass(frozen=True)
class SearchIndex:
    table: str  # the index table (a Django model's db_table)
    key: str  # its primary key column: the id of the object found

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"


def vendor() -> str:
    return connection.vendor


def install_sql(index: SearchIndex, db_vendor: str) -> list[str]:
    """The statements a migration runs to make `index` searchable on this database."""
    t, k, fts = index.table, index.key, index.fts
    if db_vendor == "postgresql":
        return [
            "CREATE EXTENSION IF NOT EXISTS unaccent",
            """DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'sterk_dutch') THEN
                CREATE TEXT SEARCH CONFIGURATION sterk_dutch (COPY = pg_catalog.dutch);
                ALTER TEXT SEARCH CONFIGURATION sterk_dutch
                  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
              END IF;
            END $$""",
            f"ALTER TABLE {t} ADD COLUMN search_vector tsvector",
            f"CREATE INDEX {t}_vector_gin ON {t} USING gin (search_vector)",
            f"""CREATE FUNCTION {t}_vector_update() RETURNS trigger AS $$
            BEGIN
              NEW.search_vector :=
                setweight(to_tsvector('sterk_dutch', coalesce(NEW.title, '')), 'A') ||
                setweight(to_tsvector('sterk_dutch', coalesce(NEW.summary, '')), 'B') ||
                setweight(to_tsvector('sterk_dutch', coalesce(NEW.body, '')), 'C');
              RETURN NEW;
            END $$ LANGUAGE plpgsql""",
            f"""CREATE TRIGGER {t}_vector_trigger BEFORE INSERT OR UPDATE ON {t}
            FOR EACH ROW EXECUTE FUNCTION {t}_vector_update()""",
        ]
    if db_vendor == "sqlite":
        return [
            f"""CREATE VIRTUAL TABLE {fts} USING fts5(
              stem_title, stem_body, content='{t}', content_rowid='{k}',
              tokenize='unicode61 remove_diacritics 2')""",
            f"""CREATE TRIGGER {t}_fts_ai AFTER INSERT ON {t} BEGIN
              INSERT INTO {fts}(rowid, stem_title, stem_body)
              VALUES (new.{k}, new.stem_title, new.stem_body); END""",
            f"""CREATE TRIGGER {t}_fts_ad AFTER DELETE ON {t} BEGIN
              INSERT INTO {fts}({fts}, rowid, stem_title, stem_body)
              VALUES ('delete', old.{k}, old.stem_title, old.stem_body); END""",
            f"""CREATE TRIGGER {t}_fts_au AFTER UPDATE ON {t} BEGIN
              INSERT INTO {fts}({fts}, rowid, stem_title, stem_body)
              VALUES ('delete', old.{k}, old.stem_title, old.stem_body);
              INSERT INTO {fts}(rowid, stem_title, stem_body)
              VALUES (new.{k}, new.stem_title, new.stem_body); END""",
        ]
    return []


def uninstall_sql(index: SearchIndex, db_vendor: str) -> list[str]:
    t, fts = index.table, index.fts
    if db_vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {t}_vector_trigger ON {t}",
            f"DROP FUNCTION IF EXISTS {t}_vector_update()",
            f"ALTER TABLE {t} DROP COLUMN IF EXISTS search_vector",
        ]
    if db_vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {t}_fts_{s}" for s in ("ai", "ad", "au")] + [
            f"DROP TABLE IF EXISTS {fts}"
        ]
    return []


def index_row_values(*, title: str, summary: str, body: str) -> dict[str, str]:
    """The column values of one index row. The stemmed columns serve SQLite only."""
    stemmed = vendor() == "sqlite"
    return {
        "title": title,
        "summary": summary,
        "body": body,
        "stem_title": stem_text(title) if stemmed else "",
        "stem_body": stem_text(f"{summary} {body}") if stemmed else "",
    }


# --- queries -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """SQL fragments that restrict an index table aliased `alias` to the rows matching a
    query: add `join` after `FROM <table> alias`, `where` to the WHERE clause (both take
    `params`, join's first), and order by `rank` (best first)."""

    join: str
    where: str
    rank: str
    params: tuple[Any, ...]
    join_params: tuple[Any, ...] = ()
    score: str = ""  # the relevance expression of `rank`, without its direction
    direction: str = ""  # "DESC" when a higher score is better (PostgreSQL)


def _fts5_query(query: str) -> str:
    terms = []
    for word in words(query)[:12]:
        stemmed = stem(word)
        terms.append(f'"{stemmed}"*' if len(stemmed) >= 3 else f'"{stemmed}"')
    return " AND ".join(terms)


def has_terms(query: str) -> bool:
    return bool(words(query))


def match_sql(index: SearchIndex, query: str, alias: str = "e") -> Match | None:
    """None when the query has no words (the caller then lists everything)."""
    if not has_terms(query):
        return None
    if vendor() == "postgresql":
        return Match(
            join="",
            where=f"{alias}.search_vector @@ websearch_to_tsquery('sterk_dutch', %s)",
            rank=(
                f"ts_rank_cd({alias}.search_vector, websearch_to_tsquery('sterk_dutch', %s)) DESC"
            ),
            params=(query,),
            score=f"ts_rank_cd({alias}.search_vector, websearch_to_tsquery('sterk_dutch', %s))",
            direction="DESC",
        )
    fts = index.fts
    return Match(
        join=f"JOIN {fts} ON {fts}.rowid = {alias}.{index.key}",
        where=f"{fts} MATCH %s",
        rank=f"bm25({fts}, 10.0, 1.0)",
        params=(_fts5_query(query),),
        # bm25 is negative, lower is better: scaling it by a weight below 1 still lowers
        # the relevance, as on PostgreSQL.
        score=f"bm25({fts}, 10.0, 1.0)",
    )


def weighted_score(match: Match, weight: str) -> str:
    """The relevance of `match` multiplied by the SQL expression `weight` (1 keeps it, 0.5
    halves it); sort by it in `match.direction`; takes rank_params(match)."""
    return f"({match.score}) * ({weight})"


def rank_params(match: Match) -> tuple[Any, ...]:
    """Parameters the ORDER BY `rank` fragment needs."""
    return match.params if vendor() == "postgresql" else ()


@functools.lru_cache(maxsize=50_000)
def _token_stem(token: str) -> str:
    """A token of a snippet as the index knows it. Kept: a page of snippets stems the same
    few thousand words again and again (a fifth of a library request's time, #14)."""
    return stem(normalise(token))


def _highlight(text: str, query: str, length: int) -> SafeString:
    """Python snippet (SQLite): the part of text around the first hit, hits in <mark>.
    Only the tokens up to the first hit and those shown are stemmed."""
    wanted = {stem(w) for w in words(query)}
    tokens = re.split(r"(\w+)", text)

    def is_hit(token: str) -> bool:
        return bool(token) and _token_stem(token) in wanted

    first = next((i for i, t in enumerate(tokens) if is_hit(t)), None)
    start = 0
    if first is not None:
        before = "".join(tokens[:first])
        if len(before) > length // 3:
            cut = len(before) - length // 3
            consumed = 0
            for i, t in enumerate(tokens):
                consumed += len(t)
                if consumed >= cut:
                    start = i + 1
                    break
    out: list[str] = []
    size = 0
    for i in range(start, len(tokens)):
        token = tokens[i]
        size += len(token)
        if size > length and out:
            out.append("…")
            break
        escaped = html.escape(token)
        out.append(f"<mark>{escaped}</mark>" if is_hit(token) else escaped)
    prefix = "…" if start else ""
    return mark_safe(prefix + "".join(out).strip())  # noqa: S308 - escaped above


def headlines(
    index: SearchIndex, ids: Sequence[int], query: str, *, length: int = 220
) -> dict[int, SafeString]:
    """A highlighted snippet (summary and body) for each id, for the page being shown."""
    if not ids or not has_terms(query):
        return {}
    t, k = index.table, index.key
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if vendor() == "postgresql":
            cursor.execute(
                f"SELECT {k}, ts_headline('sterk_dutch', summary || ' ' || body, "
                "websearch_to_tsquery('sterk_dutch', %s), "
                "'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, "
                f'MaxFragments=2, FragmentDelimiter=" … "\') FROM {t} WHERE {k} IN ({placeholders})',
                [query, *ids],
            )
            rows = cursor.fetchall()
            # ts_headline does not escape the document: escape it, then restore the marks.
            return {
                pk: mark_safe(  # noqa: S308 - escaped, only our <mark> restored
                    html.escape(text)
                    .replace("&lt;mark&gt;", "<mark>")
                    .replace("&lt;/mark&gt;", "</mark>")
                )
                for pk, text in rows
            }
        cursor.execute(f"SELECT {k}, summary, body FROM {t} WHERE {k} IN ({placeholders})", ids)
        return {
            pk: _highlight(f"{summary} {body}", query, length)
            for pk, summary, body in cursor.fetchall()
        }


# --- suggestions ("Did you mean") ----------------------------------------------------------


def trigrams(word: str) -> set[str]:
    """The trigrams of a word as pg_trgm counts them (two spaces before, one after)."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's similarity(): shared trigrams over all trigrams of both words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


SIMILARITY_THRESHOLD = 0.3  # pg_trgm's default for the % operator


@dataclass(frozen=True)
class Vocabulary:
    """A table of the words of an index (`word`: normalised; `spelling`: as written;
    `frequency`: rows it occurs in) that suggests the nearest words to a typo: with
    pg_trgm's `%` and `similarity()` (a trigram index) on PostgreSQL, with the same
    trigram similarity in Python on SQLite."""

    table: str

    def known(self, candidates: Iterable[str]) -> set[str]:
        candidates = sorted(set(candidates))
        if not candidates:
            return set()
        marks = ", ".join(["%s"] * len(candidates))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT word FROM {self.table} WHERE word IN ({marks})", candidates)
            return {row[0] for row in cursor.fetchall()}

    def nearest(self, word: str, limit: int = 3) -> list[str]:
        """The spellings of the words most like `word`, most similar (then commonest)
        first."""
        word = normalise(word)
        with connection.cursor() as cursor:
            if vendor() == "postgresql":
                cursor.execute(
                    f"SELECT spelling FROM {self.table} WHERE word %% %s "
                    "ORDER BY similarity(word, %s) DESC, frequency DESC, word LIMIT %s",
                    [word, word, limit],
                )
                return [row[0] for row in cursor.fetchall()]
            cursor.execute(f"SELECT word, spelling, frequency FROM {self.table}")
            scored = [(similarity(word, w), n, w, spelling) for w, spelling, n in cursor.fetchall()]
        scored = [s for s in scored if s[0] >= SIMILARITY_THRESHOLD and s[2] != word]
        scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
        return [s[3] for s in scored[:limit]]

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Queries like `query` with each word the index does not know replaced by a
        near one ("onderbeschermnig jongeren" -> ["onderbescherming jongeren"]), or left
        out when none is near; empty when every word is known or nothing is near."""
        typed = words(query)[:12]
        if not typed:
            return []
        known = self.known(typed)
        unknown = [w for w in dict.fromkeys(typed) if w not in known]
        if not unknown:
            return []
        options = {w: self.nearest(w, limit) for w in unknown}
        if not any(options.values()):
            return []
        suggestions = []
        for rank in range(limit):
            replaced = []
            for w in typed:
                near = options.get(w)
                if near is None:
                    replaced.append(w)  # known: kept
                elif near:
                    replaced.append(near[min(rank, len(near) - 1)])
                # nothing near: left out, the rest of the query may still find something
            text = " ".join(replaced)
            if text and text not in suggestions and text != " ".join(typed):
                suggestions.append(text)
        return suggestions


def vocabulary_counts(texts: Iterable[str]) -> dict[str, tuple[str, int]]:
    """word -> (its commonest spelling, the number of texts it occurs in), for a
    Vocabulary table: words of 4 to 60 letters, lower case."""
    frequency: dict[str, int] = {}
    spellings: dict[str, dict[str, int]] = {}
    for text in texts:
        seen = set()
        for token in re.findall(r"[^\W\d_]+", (text or "").lower()):
            word = normalise(token)
            if not 4 <= len(word) <= 60 or not word.isalpha():
                continue
            forms = spellings.setdefault(word, {})
            forms[token] = forms.get(token, 0) + 1
            if word not in seen:
                seen.add(word)
                frequency[word] = frequency.get(word, 0) + 1
    return {
        word: (max(spellings[word].items(), key=lambda f: (f[1], f[0]))[0], n)
        for word, n in frequency.items()
    }


def rebuild_sql(index: SearchIndex) -> Iterable[str]:
    """After raw bulk loads that bypassed triggers (not needed for normal inserts)."""
    if vendor() == "sqlite":
        yield f"INSERT INTO {index.fts}({index.fts}) VALUES ('rebuild')"
