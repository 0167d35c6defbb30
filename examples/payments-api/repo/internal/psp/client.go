// Package psp is the client for the external payment service provider (PSP).
// Every call has a timeout, goes through a circuit breaker and is retried with
// exponential backoff when the failure is transient. Charges carry an
// idempotency key, so a retried charge is never booked twice.
package psp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/sony/gobreaker"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"github.com/example-org/payments-api/internal/telemetry"
)

// ChargeRequest asks the PSP to capture an amount from a payment source.
type ChargeRequest struct {
	IdempotencyKey string `json:"-"`
	AmountMinor    int64  `json:"amount_minor"`
	Currency       string `json:"currency"`
	Source         string `json:"source"`
	Reference      string `json:"reference"`
}

// ChargeResult is the PSP's answer to a charge.
type ChargeResult struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// RejectedError is a 4xx answer: retrying will not help and it must not trip
// the circuit breaker.
type RejectedError struct {
	Status int
	Body   string
}

func (e *RejectedError) Error() string {
	return fmt.Sprintf("psp rejected request: %d %s", e.Status, e.Body)
}

// Client calls the PSP.
type Client struct {
	baseURL    string
	apiKey     string
	maxRetries uint64
	http       *http.Client
	breaker    *gobreaker.CircuitBreaker
	logger     *slog.Logger
}

// NewClient builds a PSP client with the given per-attempt timeout.
func NewClient(baseURL, apiKey string, timeout time.Duration, maxRetries uint64, logger *slog.Logger) *Client {
	settings := gobreaker.Settings{
		Name:        "psp",
		MaxRequests: 5,
		Interval:    time.Minute,
		Timeout:     30 * time.Second,
		ReadyToTrip: func(c gobreaker.Counts) bool {
			return c.Requests >= 20 && float64(c.TotalFailures)/float64(c.Requests) >= 0.5
		},
		IsSuccessful: func(err error) bool {
			var rejected *RejectedError
			return err == nil || errors.As(err, &rejected)
		},
		OnStateChange: func(name string, from, to gobreaker.State) {
			logger.Warn("circuit breaker state changed", "breaker", name, "from", from.String(), "to", to.String())
			telemetry.BreakerState.WithLabelValues(name).Set(float64(to))
		},
	}
	return &Client{
		baseURL:    baseURL,
		apiKey:     apiKey,
		maxRetries: maxRetries,
		http: &http.Client{
			Timeout:   timeout,
			Transport: otelhttp.NewTransport(http.DefaultTransport),
		},
		breaker: gobreaker.NewCircuitBreaker(settings),
		logger:  logger,
	}
}

// Charge captures a payment. Transient failures (network errors, 5xx, 429)
// are retried; rejections and an open circuit are returned at once.
func (c *Client) Charge(ctx context.Context, req ChargeRequest) (ChargeResult, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return ChargeResult{}, fmt.Errorf("encode charge: %w", err)
	}

	var result ChargeResult
	operation := func() error {
		out, err := c.breaker.Execute(func() (interface{}, error) {
			return c.post(ctx, "/v1/charges", req.IdempotencyKey, body)
		})
		if err != nil {
			var rejected *RejectedError
			if errors.As(err, &rejected) || errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
				return backoff.Permanent(err)
			}
			return err
		}
		result = out.(ChargeResult)
		return nil
	}

	policy := backoff.WithContext(backoff.WithMaxRetries(backoff.NewExponentialBackOff(), c.maxRetries), ctx)
	notify := func(err error, wait time.Duration) {
		telemetry.PSPCalls.WithLabelValues("retried").Inc()
		c.logger.WarnContext(ctx, "psp call failed, retrying", "error", err, "wait", wait.String())
	}
	if err := backoff.RetryNotify(operation, policy, notify); err != nil {
		telemetry.PSPCalls.WithLabelValues("failed").Inc()
		return ChargeResult{}, err
	}
	telemetry.PSPCalls.WithLabelValues("ok").Inc()
	return result, nil
}

func (c *Client) post(ctx context.Context, path, idempotencyKey string, body []byte) (ChargeResult, error) {
	httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(body))
	if err != nil {
		return ChargeResult{}, err
	}
	httpReq.Header.Set("Content-Type", "application/json")
	httpReq.Header.Set("Authorization", "Bearer "+c.apiKey)
	httpReq.Header.Set("Idempotency-Key", idempotencyKey)

	resp, err := c.http.Do(httpReq)
	if err != nil {
		return ChargeResult{}, fmt.Errorf("call psp: %w", err)
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		var out ChargeResult
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			return ChargeResult{}, fmt.Errorf("decode psp response: %w", err)
		}
		return out, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return ChargeResult{}, fmt.Errorf("psp unavailable: %s", resp.Status)
	default:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return ChargeResult{}, &RejectedError{Status: resp.StatusCode, Body: string(msg)}
	}
}
