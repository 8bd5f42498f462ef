"""Personal calendar-feed tokens in SQL: one per user, stored hashed."""

from __future__ import annotations

from sqlmodel import select

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import CalendarFeedToken, User


def set_token(user_id: int, token_hash: str) -> None:
    """The user's feed token becomes this one (an older one stops working)."""
    with sql.session() as db:
        row = db.exec(select(CalendarFeedToken).where(CalendarFeedToken.user_id == user_id)).first()
        if row is None:
            row = CalendarFeedToken(user_id=user_id, token_hash=token_hash)
        else:
            row.token_hash = token_hash
        db.add(row)
        db.commit()


def user_for_token(token_hash: str) -> User | None:
    """The user whose feed token this is (active or not), else None."""
    with sql.session() as db:
        row = db.exec(select(CalendarFeedToken).where(CalendarFeedToken.token_hash == token_hash)).first()
        return db.get(User, row.user_id) if row else None
