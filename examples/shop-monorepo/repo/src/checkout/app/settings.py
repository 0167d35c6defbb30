"""Settings, read from environment variables (12-factor config)."""
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    environment: str = "local"
    port: int = 8000
    log_level: str = "INFO"

    database_url: str
    db_pool_size: int = 5
    db_pool_timeout_seconds: float = 5

    cart_url: str
    psp_base_url: str
    psp_api_key: str
    http_timeout_seconds: float = 3

    @property
    def async_database_url(self) -> str:
        return self.database_url.replace("postgresql://", "postgresql+psycopg://", 1)

    @property
    def sync_database_url(self) -> str:
        return self.async_database_url
