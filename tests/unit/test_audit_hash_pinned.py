"""The audit chain's hash of a fixed entry is pinned: changing the hashed text breaks old chains."""

from __future__ import annotations

from chuansha_enforce.storage.safety.audit_log import (
    GENESIS_HASH,
    AuditEntry,
    canonical,
    chain_hash,
)

ENTRY = AuditEntry(
    at="2026-11-27T02:00:00.000000+00:00",
    user="周丽",
    action="case.file",
    object_type="general_case",
    object_id="川执立〔2026〕000001号",
    outcome="ok",
    detail={"fine_fen": 500_000, "party": "上海某某餐饮有限公司"},
)


def test_the_canonical_text_of_a_fixed_entry() -> None:
    assert canonical(ENTRY) == (
        '{"action":"case.file","at":"2026-11-27T02:00:00.000000+00:00",'
        '"detail":{"fine_fen":500000,"party":"上海某某餐饮有限公司"},'
        '"object_id":"川执立〔2026〕000001号","object_type":"general_case",'
        '"outcome":"ok","user":"周丽"}'
    )


def test_the_chain_hash_of_a_fixed_entry() -> None:
    assert GENESIS_HASH == "0" * 64
    first = chain_hash(GENESIS_HASH, ENTRY)  # = sha256sum of "0"*64 + the canonical text above
    assert first == "335209f71f43369eeb9984d295c19b4bca4bcbb9802d8d4a1ae42204376f6a75"
    assert (
        chain_hash(first, ENTRY)
        == "bd358a653862e410b5c106a38a2c9ff398bddcaac2836d34504b887697672ad0"
    )
