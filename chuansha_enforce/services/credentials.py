"""Password hashes and reviewers' signing keys.

- Passwords: Argon2id (argon2-cffi); the cost travels inside each hash, so verification
  always uses the parameters the hash was made with.
- Private keys: a raw Ed25519 key, encrypted with AES-256-GCM under a key derived from the
  user's password by Argon2id (raw mode, its own salt). We chose this over ``cryptography``'s
  ``BestAvailableEncryption`` PKCS#8 because that one derives its key with PBKDF2 at a cost
  the library picks, while Argon2id is memory-hard and its parameters are stored with the key
  (JSON in ``users.key_kdf``) so they can be raised later; GCM also authenticates, so a wrong
  password is a clean failure (``InvalidTag``), never a garbage key. The user name and the
  algorithm are bound in as associated data, so a key blob copied to another user fails.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chuansha_enforce.domain.review.review_signing import ED25519

# argon2 and cryptography (some 40 modules) are loaded by the first hash, key or signature,
# not by every start of the program: the window paints its list before anyone logs in.
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


@dataclass(frozen=True, slots=True)
class PasswordCost:
    """Argon2id cost. Production uses the defaults (RFC 9106 'low memory' profile);
    tests pass a cheap one explicitly."""

    time_cost: int = 3
    memory_kib: int = 65_536
    parallelism: int = 4


PRODUCTION_COST = PasswordCost()


def hash_password(password: str, cost: PasswordCost) -> str:
    import argon2  # noqa: PLC0415

    hasher = argon2.PasswordHasher(
        time_cost=cost.time_cost, memory_cost=cost.memory_kib, parallelism=cost.parallelism
    )
    return hasher.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    import argon2  # noqa: PLC0415

    try:
        return argon2.PasswordHasher().verify(stored_hash, password)
    except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
        return False


@dataclass(frozen=True, slots=True)
class KeyPair:
    algorithm: str
    public_key: bytes
    private_key_enc: bytes
    kdf: str  # JSON: how the encryption key is derived from the password


def _derive(password: str, kdf: dict[str, object]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw  # noqa: PLC0415

    return hash_secret_raw(
        password.encode("utf-8"),
        bytes.fromhex(str(kdf["salt"])),
        time_cost=int(str(kdf["t"])),
        memory_cost=int(str(kdf["m"])),
        parallelism=int(str(kdf["p"])),
        hash_len=32,
        type=Type.ID,
    )


def _aad(user: str, algorithm: str) -> bytes:
    return f"chuansha-enforce/{algorithm}/{user}".encode()


def new_key_pair(user: str, password: str, cost: PasswordCost) -> KeyPair:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PrivateKey,
    )

    return seal_private_key(user, Ed25519PrivateKey.generate(), password, cost)


def seal_private_key(
    user: str, private: Ed25519PrivateKey, password: str, cost: PasswordCost
) -> KeyPair:
    """Encrypt ``private`` under a key derived from ``password`` (fresh salt and nonce)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415
    from cryptography.hazmat.primitives.serialization import (  # noqa: PLC0415
        Encoding,
        PublicFormat,
    )

    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    kdf = _kdf(cost)
    nonce = os.urandom(12)
    sealed = AESGCM(_derive(password, kdf)).encrypt(
        nonce, private.private_bytes_raw(), _aad(user, ED25519)
    )
    return KeyPair(ED25519, public, nonce + sealed, json.dumps(kdf, sort_keys=True))


def unlock_private_key(
    user: str, password: str, private_key_enc: bytes, kdf_json: str
) -> Ed25519PrivateKey | None:
    """The private key, or ``None`` when the password does not open it."""
    from cryptography.exceptions import InvalidTag  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PrivateKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415

    kdf = json.loads(kdf_json)
    try:
        raw = AESGCM(_derive(password, kdf)).decrypt(
            private_key_enc[:12], private_key_enc[12:], _aad(user, ED25519)
        )
    except InvalidTag:
        return None
    return Ed25519PrivateKey.from_private_bytes(raw)


CHAIN_KEY = "audit-chain-key"


def new_chain_key() -> bytes:
    return os.urandom(32)


def _kdf(cost: PasswordCost) -> dict[str, object]:
    return {
        "kdf": "argon2id",
        "salt": os.urandom(16).hex(),
        "t": cost.time_cost,
        "m": cost.memory_kib,
        "p": cost.parallelism,
        "cipher": "AES-256-GCM",
    }


def wrap_chain_key(user: str, key: bytes, password: str, cost: PasswordCost) -> tuple[bytes, str]:
    """The audit chain's key sealed under ``password`` for ``user`` (as the signing key is):
    (nonce + ciphertext, kdf JSON)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415

    kdf = _kdf(cost)
    nonce = os.urandom(12)
    sealed = AESGCM(_derive(password, kdf)).encrypt(nonce, key, _aad(user, CHAIN_KEY))
    return nonce + sealed, json.dumps(kdf, sort_keys=True)


def unwrap_chain_key(user: str, password: str, wrapped: bytes, kdf_json: str) -> bytes | None:
    """The chain key, or ``None`` when the password does not open it."""
    from cryptography.exceptions import InvalidTag  # noqa: PLC0415
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415

    try:
        return AESGCM(_derive(password, json.loads(kdf_json))).decrypt(
            wrapped[:12], wrapped[12:], _aad(user, CHAIN_KEY)
        )
    except (InvalidTag, ValueError, KeyError):
        return None


def sign(private_key: Ed25519PrivateKey, payload: bytes) -> bytes:
    return private_key.sign(payload)


def signature_valid(algorithm: str, public_key: bytes, signature: bytes, payload: bytes) -> bool:
    if algorithm != ED25519:
        return False  # SM2 and others: not implemented yet, so never accepted
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PublicKey,
    )

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, payload)
    except (InvalidSignature, ValueError):
        return False
    return True
