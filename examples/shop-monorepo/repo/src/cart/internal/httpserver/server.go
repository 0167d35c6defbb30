// Package httpserver serves the cart API (port 8080) and the admin endpoints
// (port 9090: /metrics and the runtime log level).
package httpserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"github.com/acme/shop/src/cart/internal/carts"
	"github.com/acme/shop/src/cart/internal/catalog"
	"github.com/acme/shop/src/cart/internal/telemetry"
)

// Server holds the handlers' dependencies.
type Server struct {
	store    *carts.Store
	catalog  *catalog.Client
	logger   *slog.Logger
	draining atomic.Bool
}

// New builds the server.
func New(store *carts.Store, catalogClient *catalog.Client, logger *slog.Logger) *Server {
	return &Server{store: store, catalog: catalogClient, logger: logger}
}

// Drain makes /readyz fail so the endpoints controller stops sending traffic.
func (s *Server) Drain() { s.draining.Store(true) }

// Routes is the cart API. Carts are addressed by the id the storefront
// keeps in its session; cart holds no session of its own.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /v1/carts/{id}", s.getCart)
	mux.HandleFunc("POST /v1/carts/{id}/lines", s.addLine)
	mux.HandleFunc("DELETE /v1/carts/{id}/lines/{sku}", s.removeLine)
	return otelhttp.NewHandler(count(mux), "cart")
}

// AdminRoutes serves Prometheus metrics and changes the log level without a
// restart: PUT /admin/loglevel with body "debug".
func AdminRoutes(level *slog.LevelVar) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.Handler())
	mux.HandleFunc("PUT /admin/loglevel", func(w http.ResponseWriter, r *http.Request) {
		var buf [16]byte
		n, _ := r.Body.Read(buf[:])
		if err := level.UnmarshalText([]byte(strings.TrimSpace(string(buf[:n])))); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		fmt.Fprintln(w, level.Level().String())
	})
	return mux
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "draining"})
		return
	}
	if err := s.store.Ping(r.Context()); err != nil {
		telemetry.RedisUp.Set(0)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "redis unreachable"})
		return
	}
	telemetry.RedisUp.Set(1)
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (s *Server) getCart(w http.ResponseWriter, r *http.Request) {
	lines, err := s.store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.logger.ErrorContext(r.Context(), "read cart failed", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"lines": lines})
}

func (s *Server) addLine(w http.ResponseWriter, r *http.Request) {
	var req struct {
		SKU      string `json:"sku"`
		Quantity int    `json:"quantity"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10)).Decode(&req); err != nil || req.SKU == "" || req.Quantity < 1 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "sku and a positive quantity are required"})
		return
	}
	product, err := s.catalog.Lookup(r.Context(), req.SKU)
	if err != nil {
		s.logger.WarnContext(r.Context(), "catalog lookup failed", "sku", req.SKU, "error", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "catalog unavailable"})
		return
	}
	if !product.Sellable {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": "not sellable"})
		return
	}
	if err := s.store.Add(r.Context(), r.PathValue("id"), req.SKU, req.Quantity); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) removeLine(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Remove(r.Context(), r.PathValue("id"), r.PathValue("sku")); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func count(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		telemetry.HTTPRequests.WithLabelValues(r.Method, r.Pattern, strconv.Itoa(rec.status)).Inc()
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Shutdown stops servers, waiting for in-flight requests.
func Shutdown(ctx context.Context, servers ...*http.Server) error {
	var errs []error
	for _, srv := range servers {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
