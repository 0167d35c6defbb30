"""Clients of the cart service and the payment service provider."""
import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from app.settings import Settings


class Clients:
    def __init__(self, settings: Settings) -> None:
        timeout = httpx.Timeout(settings.http_timeout_seconds)
        self.cart = httpx.AsyncClient(base_url=settings.cart_url, timeout=timeout)
        self.psp = httpx.AsyncClient(
            base_url=settings.psp_base_url,
            timeout=timeout,
            headers={"Authorization": f"Bearer {settings.psp_api_key}"},
        )

    async def cart_lines(self, cart_id: str) -> dict[str, int]:
        response = await self.cart.get(f"/v1/carts/{cart_id}")
        response.raise_for_status()
        return response.json()["lines"]

    @retry(
        retry=retry_if_exception_type(httpx.TransportError),
        stop=stop_after_attempt(3),
        wait=wait_exponential(multiplier=0.2, max=2),
    )
    async def capture(self, order_id: str, amount_minor: int, currency: str) -> str:
        response = await self.psp.post(
            "/v1/charges",
            json={"reference": order_id, "amount": amount_minor, "currency": currency},
            headers={"Idempotency-Key": order_id},
        )
        response.raise_for_status()
        return response.json()["id"]

    async def aclose(self) -> None:
        await self.cart.aclose()
        await self.psp.aclose()
