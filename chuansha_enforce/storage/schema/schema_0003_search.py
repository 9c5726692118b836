"""Schema of migration 0003_case_search: the search dictionaries, their mark and triggers.

How the search uses them and keeps them up to date: ``case_search_index``. The existing rows
are folded in by ``migrate`` after the upgrade (``refresh_case_search``).
"""

SCHEMA_0003 = """
CREATE TABLE search_state (
        name TEXT PRIMARY KEY CHECK (name = 'parties' OR name = 'general_cases'),
        upto INTEGER NOT NULL CHECK (upto >= 0)
    ) STRICT, WITHOUT ROWID;
INSERT INTO search_state (name, upto) VALUES ('parties', 0), ('general_cases', 0);
CREATE TABLE search_party_names (
        name TEXT PRIMARY KEY,
        pinyin TEXT NOT NULL DEFAULT '',
        uses INTEGER NOT NULL DEFAULT 1 CHECK (uses >= 0)
    ) STRICT, WITHOUT ROWID;
CREATE INDEX search_party_names_pending ON search_party_names(name) WHERE pinyin = '';
CREATE TABLE search_causes (
        cause TEXT PRIMARY KEY,
        uses INTEGER NOT NULL DEFAULT 1 CHECK (uses >= 0)
    ) STRICT, WITHOUT ROWID;
CREATE TABLE search_id_numbers (
        id_number TEXT PRIMARY KEY,
        tail TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
CREATE INDEX search_id_numbers_tail ON search_id_numbers(tail);
CREATE INDEX parties_name ON parties(name);
CREATE INDEX general_cases_cause ON general_cases(cause);
CREATE INDEX general_cases_list_party ON general_cases(filed_on DESC, id DESC, party_id)
    WHERE deleted_at IS NULL;
CREATE TRIGGER search_parties_update AFTER UPDATE OF name, id_number ON parties
BEGIN
    INSERT INTO search_party_names (name) SELECT new.name
        WHERE NOT EXISTS (SELECT 1 FROM search_party_names WHERE name = new.name);
    INSERT INTO search_id_numbers (id_number, tail)
        SELECT new.id_number, upper(substr(new.id_number, -4))
        WHERE new.id_number IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM search_id_numbers WHERE id_number = new.id_number);
END;
CREATE TRIGGER search_cases_update AFTER UPDATE OF cause ON general_cases
BEGIN
    INSERT INTO search_causes (cause) SELECT new.cause
        WHERE NOT EXISTS (SELECT 1 FROM search_causes WHERE cause = new.cause);
END;
"""
