from fastapi.testclient import TestClient


def test_healthz(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://checkout:test@localhost/checkout")
    monkeypatch.setenv("CART_URL", "http://cart.test")
    monkeypatch.setenv("PSP_BASE_URL", "http://psp.test")
    monkeypatch.setenv("PSP_API_KEY", "test")
    from app.main import app

    assert TestClient(app).get("/healthz").json() == {"status": "ok"}
