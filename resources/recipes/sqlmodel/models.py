# The models of Alembic's tutorial, in SQLModel. Add `age: Optional[int] = None` to User and
# run `retort revision --autogenerate -m "add age field to user"`.
from typing import Optional

from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
