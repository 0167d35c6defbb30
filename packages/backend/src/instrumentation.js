/*
 * OpenTelemetry metrics of the backend, exported for Prometheus at
 * http://<host>:9464/metrics (OTEL_EXPORTER_PROMETHEUS_PORT and
 * OTEL_EXPORTER_PROMETHEUS_HOST change the port and the interface): the
 * twelve-factor plugin's, and those of Backstage's own plugins and services.
 *
 * Loaded with `node --require` before the backend (Backstage's "Setup
 * OpenTelemetry"): the metrics API hands out no-op meters until a provider is
 * registered, so a provider registered after the plugins start would receive
 * nothing. Plain JavaScript, outside the bundle, for the same reason.
 */
const { isMainThread } = require('node:worker_threads');

// Worker threads load --require files too; one endpoint per process.
if (isMainThread) {
  const { metrics } = require('@opentelemetry/api');
  const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');
  const { MeterProvider } = require('@opentelemetry/sdk-metrics');

  const port = Number(process.env.OTEL_EXPORTER_PROMETHEUS_PORT || 9464);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(
      `OTEL_EXPORTER_PROMETHEUS_PORT must be a port number, not ${process.env.OTEL_EXPORTER_PROMETHEUS_PORT}`,
    );
  const host = process.env.OTEL_EXPORTER_PROMETHEUS_HOST || undefined;
  const exporter = new PrometheusExporter({ port, host }, error => {
    // A busy port leaves the backend running, without the endpoint.
    if (error)
      console.error(
        `Prometheus metrics endpoint not started on port ${port}: ${error.message}`,
      );
    else
      console.log(
        `Prometheus metrics on http://${host ?? 'localhost'}:${port}/metrics`,
      );
  });
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [exporter] }));
}
