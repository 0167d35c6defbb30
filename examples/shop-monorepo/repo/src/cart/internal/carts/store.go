// Package carts keeps carts in Redis: one hash per cart, SKU → quantity,
// expiring CART_TTL after the last change.
package carts

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Store reads and writes carts.
type Store struct {
	rdb *redis.Client
	ttl time.Duration
}

// Open connects to Redis with bounded dial and read timeouts.
func Open(ctx context.Context, addr string, dialTimeout, readTimeout, ttl time.Duration) (*Store, error) {
	rdb := redis.NewClient(&redis.Options{
		Addr:         addr,
		DialTimeout:  dialTimeout,
		ReadTimeout:  readTimeout,
		WriteTimeout: readTimeout,
		MaxRetries:   2,
	})
	if err := rdb.Ping(ctx).Err(); err != nil {
		return nil, fmt.Errorf("redis %s: %w", addr, err)
	}
	return &Store{rdb: rdb, ttl: ttl}, nil
}

// Ping checks that Redis answers.
func (s *Store) Ping(ctx context.Context) error { return s.rdb.Ping(ctx).Err() }

// Close closes the connection pool.
func (s *Store) Close() error { return s.rdb.Close() }

// Get returns a cart's lines.
func (s *Store) Get(ctx context.Context, cartID string) (map[string]int, error) {
	raw, err := s.rdb.HGetAll(ctx, key(cartID)).Result()
	if err != nil {
		return nil, err
	}
	lines := make(map[string]int, len(raw))
	for sku, q := range raw {
		n, err := strconv.Atoi(q)
		if err != nil {
			continue
		}
		lines[sku] = n
	}
	return lines, nil
}

// Add adds a quantity of a SKU and renews the cart's expiry.
func (s *Store) Add(ctx context.Context, cartID, sku string, quantity int) error {
	pipe := s.rdb.TxPipeline()
	pipe.HIncrBy(ctx, key(cartID), sku, int64(quantity))
	pipe.Expire(ctx, key(cartID), s.ttl)
	_, err := pipe.Exec(ctx)
	return err
}

// Remove deletes a SKU from a cart.
func (s *Store) Remove(ctx context.Context, cartID, sku string) error {
	return s.rdb.HDel(ctx, key(cartID), sku).Err()
}

func key(cartID string) string { return "cart:" + cartID }
