"""The checkout API."""
import logging
import uuid
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException
from prometheus_fastapi_instrumentator import Instrumentator
from pydantic import BaseModel
from sqlalchemy import text

from app.clients import Clients
from app.db import create_engine, session_factory
from app.logging_setup import configure_logging
from app.models import Order
from app.settings import Settings

settings = Settings()
configure_logging(settings.log_level)
logger = logging.getLogger("checkout")


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.engine = create_engine(settings)
    app.state.sessions = session_factory(app.state.engine)
    app.state.clients = Clients(settings)
    logger.info("checkout started", extra={"environment": settings.environment})
    yield
    # Shutdown (SIGTERM): uvicorn stops accepting, finishes in-flight requests, then this runs.
    await app.state.clients.aclose()
    await app.state.engine.dispose()
    logger.info("checkout stopped")


app = FastAPI(title="checkout", lifespan=lifespan)
Instrumentator().instrument(app).expose(app, endpoint="/metrics")


@app.get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


@app.get("/readyz")
async def readyz() -> dict:
    try:
        async with app.state.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001
        raise HTTPException(status_code=503, detail="database unreachable") from exc
    return {"status": "ready"}


class CheckoutRequest(BaseModel):
    cart_id: str
    currency: str = "EUR"


@app.post("/v1/orders", status_code=201)
async def create_order(request: CheckoutRequest) -> dict:
    lines = await app.state.clients.cart_lines(request.cart_id)
    if not lines:
        raise HTTPException(status_code=409, detail="cart is empty")
    amount = sum(quantity * 100 for quantity in lines.values())
    order_id = str(uuid.uuid4())
    reference = await app.state.clients.capture(order_id, amount, request.currency)
    async with app.state.sessions() as session, session.begin():
        session.add(
            Order(
                id=order_id,
                cart_id=request.cart_id,
                amount_minor=amount,
                currency=request.currency,
                status="captured",
                psp_reference=reference,
            )
        )
    logger.info("order captured", extra={"order_id": order_id})
    return {"id": order_id, "status": "captured"}
