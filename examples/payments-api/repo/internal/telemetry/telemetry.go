// Package telemetry wires OpenTelemetry tracing and the Prometheus metrics
// shared by the HTTP server and the outbound clients.
package telemetry

import (
	"context"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

var (
	// HTTPRequests counts served requests by route pattern and status code.
	HTTPRequests = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "payments_http_requests_total",
		Help: "HTTP requests served, by method, route and status code.",
	}, []string{"method", "route", "code"})

	// HTTPDuration observes request latency.
	HTTPDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "payments_http_request_duration_seconds",
		Help:    "HTTP request latency, by method and route.",
		Buckets: []float64{0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5},
	}, []string{"method", "route"})

	// PSPCalls counts calls to the payment service provider by outcome.
	PSPCalls = promauto.NewCounterVec(prometheus.CounterOpts{
		Name: "payments_psp_calls_total",
		Help: "Calls to the payment service provider, by outcome.",
	}, []string{"outcome"})

	// BreakerState is 0 closed, 1 half-open, 2 open (gobreaker.State values).
	BreakerState = promauto.NewGaugeVec(prometheus.GaugeOpts{
		Name: "payments_circuit_breaker_state",
		Help: "Circuit breaker state: 0 closed, 1 half-open, 2 open.",
	}, []string{"breaker"})
)

// InitTracing installs a global tracer provider that exports spans over OTLP
// gRPC. The endpoint comes from OTEL_EXPORTER_OTLP_ENDPOINT and the sampler
// from OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG, as the SDK reads them.
func InitTracing(ctx context.Context, service, version string) (func(context.Context) error, error) {
	exporter, err := otlptracegrpc.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("create otlp trace exporter: %w", err)
	}
	res, err := resource.New(ctx,
		resource.WithFromEnv(),
		resource.WithTelemetrySDK(),
		resource.WithAttributes(semconv.ServiceName(service), semconv.ServiceVersion(version)),
	)
	if err != nil {
		return nil, fmt.Errorf("build otel resource: %w", err)
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exporter),
		sdktrace.WithResource(res),
	)
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	return tp.Shutdown, nil
}
