// Command cart serves the cart API.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/acme/shop/src/cart/internal/carts"
	"github.com/acme/shop/src/cart/internal/catalog"
	"github.com/acme/shop/src/cart/internal/config"
	"github.com/acme/shop/src/cart/internal/httpserver"
	"github.com/acme/shop/src/cart/internal/telemetry"
)

// version is set at build time: -ldflags "-X main.version=1.4.0".
var version = "dev"

func main() {
	if err := run(); err != nil {
		slog.Error("cart stopped with an error", "error", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}

	// JSON logs on stdout; the level changes at runtime through the admin port.
	level := new(slog.LevelVar)
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		return fmt.Errorf("LOG_LEVEL: %w", err)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level})).
		With("service", "cart", "version", version, "environment", cfg.Environment)
	slog.SetDefault(logger)

	// SIGTERM (Kubernetes) and SIGINT (local) cancel ctx and start the drain.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	shutdownTracing, err := telemetry.InitTracing(ctx)
	if err != nil {
		return err
	}
	store, err := carts.Open(ctx, cfg.RedisAddr, cfg.RedisDialTimeout, cfg.RedisReadTimeout, cfg.CartTTL)
	if err != nil {
		return err
	}
	defer store.Close()

	api := httpserver.New(store, catalog.NewClient(cfg.CatalogURL, cfg.CatalogTimeout), logger)
	public := &http.Server{Addr: cfg.HTTPAddr, Handler: api.Routes(), ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 15 * time.Second}
	admin := &http.Server{Addr: cfg.AdminAddr, Handler: httpserver.AdminRoutes(level), ReadHeaderTimeout: 5 * time.Second}

	errCh := make(chan error, 2)
	for _, srv := range []*http.Server{public, admin} {
		go func(srv *http.Server) {
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errCh <- fmt.Errorf("listen on %s: %w", srv.Addr, err)
			}
		}(srv)
	}
	logger.Info("cart listening", "http", cfg.HTTPAddr, "admin", cfg.AdminAddr)

	select {
	case <-ctx.Done():
		logger.Info("termination signal received, draining")
	case err := <-errCh:
		return err
	}
	api.Drain()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := httpserver.Shutdown(shutdownCtx, public, admin); err != nil {
		logger.Error("graceful shutdown incomplete", "error", err)
	}
	_ = shutdownTracing(shutdownCtx)
	return nil
}
