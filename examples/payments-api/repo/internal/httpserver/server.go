// Package httpserver serves the public payments API (port 8080) and the
// admin endpoints (port 9090: /metrics and the runtime log level).
package httpserver

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"github.com/example-org/payments-api/internal/psp"
	"github.com/example-org/payments-api/internal/store"
	"github.com/example-org/payments-api/internal/telemetry"
)

// Server holds the handlers' dependencies.
type Server struct {
	store     *store.Store
	psp       *psp.Client
	publicKey *rsa.PublicKey
	issuer    string
	logger    *slog.Logger
	draining  atomic.Bool
}

// New builds the server. The JWT public key verifies the bearer tokens that
// the identity provider issues; sessions are never kept in this process.
func New(st *store.Store, pspClient *psp.Client, publicKeyPEM, issuer string, logger *slog.Logger) (*Server, error) {
	key, err := jwt.ParseRSAPublicKeyFromPEM([]byte(publicKeyPEM))
	if err != nil {
		return nil, fmt.Errorf("parse JWT_PUBLIC_KEY: %w", err)
	}
	return &Server{store: st, psp: pspClient, publicKey: key, issuer: issuer, logger: logger}, nil
}

// Drain makes /readyz fail so the endpoints controller stops sending traffic.
func (s *Server) Drain() { s.draining.Store(true) }

// Routes is the public API.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("POST /v1/payments", s.authenticated(http.HandlerFunc(s.createPayment)))
	mux.Handle("GET /v1/payments/{id}", s.authenticated(http.HandlerFunc(s.getPayment)))
	return otelhttp.NewHandler(instrument(mux), "payments-api",
		otelhttp.WithFilter(func(r *http.Request) bool { return r.URL.Path != "/healthz" && r.URL.Path != "/readyz" }))
}

// AdminRoutes serves Prometheus metrics and lets operators change the log
// level without a restart: PUT /admin/loglevel with body "debug".
func AdminRoutes(level *slog.LevelVar) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.Handler())
	mux.HandleFunc("GET /admin/loglevel", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, level.Level().String())
	})
	mux.HandleFunc("PUT /admin/loglevel", func(w http.ResponseWriter, r *http.Request) {
		var buf [16]byte
		n, _ := r.Body.Read(buf[:])
		if err := level.UnmarshalText([]byte(strings.TrimSpace(string(buf[:n])))); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		slog.Info("log level changed", "level", level.Level().String())
		fmt.Fprintln(w, level.Level().String())
	})
	return mux
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "draining"})
		return
	}
	if err := s.store.Ping(r.Context()); err != nil {
		s.logger.WarnContext(r.Context(), "readiness: database unreachable", "error", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "database unreachable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

type createPaymentRequest struct {
	AmountMinor int64  `json:"amountMinor"`
	Currency    string `json:"currency"`
	Source      string `json:"source"`
}

func (s *Server) createPayment(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	if key == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "Idempotency-Key header is required"})
		return
	}
	var req createPaymentRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10)).Decode(&req); err != nil || req.AmountMinor <= 0 || len(req.Currency) != 3 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "amountMinor > 0, currency (ISO 4217) and source are required"})
		return
	}

	charge, err := s.psp.Charge(r.Context(), psp.ChargeRequest{
		IdempotencyKey: key, AmountMinor: req.AmountMinor, Currency: req.Currency, Source: req.Source, Reference: key,
	})
	status := "captured"
	if err != nil {
		var rejected *psp.RejectedError
		if !errors.As(err, &rejected) {
			s.logger.ErrorContext(r.Context(), "charge failed", "error", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "payment provider unavailable, retry with the same Idempotency-Key"})
			return
		}
		status = "declined"
	}

	payment, err := s.store.Create(r.Context(), store.Payment{
		IdempotencyKey: key, AmountMinor: req.AmountMinor, Currency: req.Currency, Status: status, PSPReference: charge.ID,
	})
	if err != nil {
		s.logger.ErrorContext(r.Context(), "store payment failed", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		return
	}
	code := http.StatusCreated
	if status == "declined" {
		code = http.StatusPaymentRequired
	}
	writeJSON(w, code, payment)
}

func (s *Server) getPayment(w http.ResponseWriter, r *http.Request) {
	payment, err := s.store.Get(r.Context(), r.PathValue("id"))
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
	case err != nil:
		s.logger.ErrorContext(r.Context(), "load payment failed", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
	default:
		writeJSON(w, http.StatusOK, payment)
	}
}

// authenticated checks the RS256 bearer token.
func (s *Server) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "bearer token required"})
			return
		}
		_, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return s.publicKey, nil },
			jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(s.issuer), jwt.WithExpirationRequired(), jwt.WithLeeway(30*time.Second))
		if err != nil {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid token"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		telemetry.HTTPRequests.WithLabelValues(r.Method, route, strconv.Itoa(rec.status)).Inc()
		telemetry.HTTPDuration.WithLabelValues(r.Method, route).Observe(time.Since(start).Seconds())
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Shutdown stops an http.Server, waiting for in-flight requests.
func Shutdown(ctx context.Context, servers ...*http.Server) error {
	var errs []error
	for _, srv := range servers {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
