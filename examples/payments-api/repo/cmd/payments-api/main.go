// Command payments-api serves the payments API. `payments-api migrate`
// applies the database migrations and exits (run by the migration Job).
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

	"github.com/example-org/payments-api/internal/config"
	"github.com/example-org/payments-api/internal/httpserver"
	"github.com/example-org/payments-api/internal/psp"
	"github.com/example-org/payments-api/internal/store"
	"github.com/example-org/payments-api/internal/telemetry"
)

// version is set at build time: -ldflags "-X main.version=v1.8.2".
var version = "dev"

func main() {
	if err := run(); err != nil {
		slog.Error("payments-api stopped with an error", "error", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}

	// JSON logs on stdout only; the level can be changed at runtime through
	// the admin port (see httpserver.AdminRoutes).
	level := new(slog.LevelVar)
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		return fmt.Errorf("LOG_LEVEL: %w", err)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: level})).
		With("service", "payments-api", "version", version, "environment", cfg.Environment)
	slog.SetDefault(logger)

	// SIGTERM (Kubernetes) and SIGINT (local) cancel ctx and start the drain.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	if len(os.Args) > 1 && os.Args[1] == "migrate" {
		return store.Migrate(ctx, cfg.DatabaseURL, logger)
	}

	shutdownTracing, err := telemetry.InitTracing(ctx, "payments-api", version)
	if err != nil {
		return err
	}

	st, err := store.Open(ctx, cfg.DatabaseURL, cfg.DBMaxConns, cfg.DBConnectTimeout, cfg.DBQueryTimeout)
	if err != nil {
		return err
	}
	defer st.Close()

	pspClient := psp.NewClient(cfg.PSPBaseURL, cfg.PSPAPIKey, cfg.PSPTimeout, cfg.PSPMaxRetries, logger)
	api, err := httpserver.New(st, pspClient, cfg.JWTPublicKeyPEM, cfg.JWTIssuer, logger)
	if err != nil {
		return err
	}

	public := &http.Server{
		Addr:              cfg.HTTPAddr,
		Handler:           api.Routes(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       90 * time.Second,
	}
	admin := &http.Server{
		Addr:              cfg.AdminAddr,
		Handler:           httpserver.AdminRoutes(level),
		ReadHeaderTimeout: 5 * time.Second,
	}

	errCh := make(chan error, 2)
	for _, srv := range []*http.Server{public, admin} {
		go func(srv *http.Server) {
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errCh <- fmt.Errorf("listen on %s: %w", srv.Addr, err)
			}
		}(srv)
	}
	logger.Info("payments-api listening", "http", cfg.HTTPAddr, "admin", cfg.AdminAddr)

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
	if err := shutdownTracing(shutdownCtx); err != nil {
		logger.Warn("flushing traces failed", "error", err)
	}
	logger.Info("payments-api stopped")
	return nil
}
