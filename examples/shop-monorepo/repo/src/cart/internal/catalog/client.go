// Package catalog asks the product catalog API whether a SKU exists and is
// sellable. Calls time out, are retried with backoff on transient errors and
// go through a circuit breaker, so a slow catalog cannot hold carts up.
package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/sony/gobreaker"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Client of the catalog API.
type Client struct {
	baseURL string
	http    *http.Client
	breaker *gobreaker.CircuitBreaker
}

// NewClient builds a client with a per-request timeout.
func NewClient(baseURL string, timeout time.Duration) *Client {
	return &Client{
		baseURL: baseURL,
		http:    &http.Client{Timeout: timeout, Transport: otelhttp.NewTransport(http.DefaultTransport)},
		breaker: gobreaker.NewCircuitBreaker(gobreaker.Settings{
			Name:    "catalog",
			Timeout: 30 * time.Second,
			ReadyToTrip: func(c gobreaker.Counts) bool {
				return c.Requests >= 10 && float64(c.TotalFailures)/float64(c.Requests) > 0.5
			},
		}),
	}
}

// Product is what cart needs to know about a SKU.
type Product struct {
	SKU      string `json:"sku"`
	Sellable bool   `json:"sellable"`
}

// Lookup returns a product.
func (c *Client) Lookup(ctx context.Context, sku string) (Product, error) {
	var p Product
	op := func() error {
		_, err := c.breaker.Execute(func() (any, error) {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/v1/products/"+sku, nil)
			if err != nil {
				return nil, backoff.Permanent(err)
			}
			resp, err := c.http.Do(req)
			if err != nil {
				return nil, err
			}
			defer resp.Body.Close()
			if resp.StatusCode >= 500 {
				return nil, fmt.Errorf("catalog: %s", resp.Status)
			}
			if resp.StatusCode != http.StatusOK {
				return nil, backoff.Permanent(fmt.Errorf("catalog: %s", resp.Status))
			}
			return nil, json.NewDecoder(resp.Body).Decode(&p)
		})
		return err
	}
	policy := backoff.WithContext(backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 2), ctx)
	return p, backoff.Retry(op, policy)
}
