"""Schema of migration 0009_drop_duplicate_list_index.

``general_cases_list`` (filed_on DESC, id DESC, live cases only) is a prefix of
``general_cases_list_party`` (migration 0003: the same order and condition plus the party id),
so the planner already answers the case list and its paging from the longer index. The short
one was only upkeep: about 22 MiB and 1.1 s of index building per million cases, and one more
B-tree to update on every filing. (EXPLAIN QUERY PLAN of the list, its next page and the count
is the same before and after; tests/integration/test_storage.py holds the plans.)
"""

SCHEMA_0009 = "DROP INDEX IF EXISTS general_cases_list;"
