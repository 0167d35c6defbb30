// Package store keeps payments in PostgreSQL (the CloudNativePG cluster
// payments-db in Kubernetes, a postgres container locally).
package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNotFound is returned when a payment does not exist.
var ErrNotFound = errors.New("payment not found")

// Payment is one row of the payments table.
type Payment struct {
	ID             string    `json:"id"`
	IdempotencyKey string    `json:"-"`
	AmountMinor    int64     `json:"amountMinor"`
	Currency       string    `json:"currency"`
	Status         string    `json:"status"`
	PSPReference   string    `json:"pspReference,omitempty"`
	CreatedAt      time.Time `json:"createdAt"`
}

// Store wraps the connection pool.
type Store struct {
	pool         *pgxpool.Pool
	queryTimeout time.Duration
}

// Open connects to the database named by databaseURL.
func Open(ctx context.Context, databaseURL string, maxConns int32, connectTimeout, queryTimeout time.Duration) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("parse DATABASE_URL: %w", err)
	}
	cfg.MaxConns = maxConns
	cfg.ConnConfig.ConnectTimeout = connectTimeout
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return &Store{pool: pool, queryTimeout: queryTimeout}, nil
}

// Close releases the pool.
func (s *Store) Close() { s.pool.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.queryTimeout)
	defer cancel()
	return s.pool.Ping(ctx)
}

// Create inserts a payment; a repeated idempotency key returns the first one.
func (s *Store) Create(ctx context.Context, p Payment) (Payment, error) {
	ctx, cancel := context.WithTimeout(ctx, s.queryTimeout)
	defer cancel()
	row := s.pool.QueryRow(ctx, `
		INSERT INTO payments (idempotency_key, amount_minor, currency, status, psp_reference)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
		RETURNING id, amount_minor, currency, status, psp_reference, created_at`,
		p.IdempotencyKey, p.AmountMinor, p.Currency, p.Status, p.PSPReference)
	var out Payment
	if err := row.Scan(&out.ID, &out.AmountMinor, &out.Currency, &out.Status, &out.PSPReference, &out.CreatedAt); err != nil {
		return Payment{}, fmt.Errorf("insert payment: %w", err)
	}
	return out, nil
}

// Get loads one payment by id.
func (s *Store) Get(ctx context.Context, id string) (Payment, error) {
	ctx, cancel := context.WithTimeout(ctx, s.queryTimeout)
	defer cancel()
	row := s.pool.QueryRow(ctx, `
		SELECT id, amount_minor, currency, status, psp_reference, created_at
		FROM payments WHERE id = $1`, id)
	var out Payment
	if err := row.Scan(&out.ID, &out.AmountMinor, &out.Currency, &out.Status, &out.PSPReference, &out.CreatedAt); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return Payment{}, ErrNotFound
		}
		return Payment{}, fmt.Errorf("load payment: %w", err)
	}
	return out, nil
}
