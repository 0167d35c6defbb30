"""Alembic environment: the database URL comes from DATABASE_URL."""
from alembic import context
from sqlalchemy import create_engine

from app.models import Base
from app.settings import Settings

settings = Settings()


def run_migrations_online() -> None:
    engine = create_engine(settings.sync_database_url, connect_args={"connect_timeout": 5})
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
