"""A guard trigger said in PostgreSQL refuses with an integrity error, as SQLite's RAISE(ABORT)
does: a refusal by the database is the same kind of error on both backends."""

from __future__ import annotations

from chuansha_enforce.storage.server.pg_schema import trigger_statements


def test_a_raise_abort_is_an_integrity_error_on_the_server() -> None:
    function, trigger = trigger_statements(
        "CREATE TRIGGER notes_never_deleted BEFORE DELETE ON notes\n"
        "BEGIN\n    SELECT RAISE(ABORT, 'notes are never deleted');\nEND"
    )
    assert (
        "RAISE EXCEPTION '%', 'notes are never deleted'"
        " USING ERRCODE = 'integrity_constraint_violation';"
    ) in function
    assert trigger == (
        "CREATE TRIGGER notes_never_deleted BEFORE DELETE ON notes"
        " FOR EACH ROW EXECUTE FUNCTION trg_notes_never_deleted()"
    )
