// Package telemetry wires OpenTelemetry tracing and the Prometheus metrics.
package telemetry

import (
	"context"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

var (
	// HTTPRequests counts served requests by route pattern and status code.
	HTTPRequests = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "cart_http_requests_total",
		Help: "HTTP requests served, by method, route and status code.",
	}, []string{"method", "route", "code"})

	// RedisUp is 1 while Redis answers pings.
	RedisUp = promauto.NewGauge(prometheus.GaugeOpts{
		Name: "cart_redis_up",
		Help: "1 when the last Redis ping succeeded.",
	})
)

// InitTracing installs a tracer provider exporting spans over OTLP gRPC to
// OTEL_EXPORTER_OTLP_ENDPOINT.
func InitTracing(ctx context.Context) (func(context.Context) error, error) {
	exporter, err := otlptracegrpc.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("create otlp trace exporter: %w", err)
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exporter))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return tp.Shutdown, nil
}
