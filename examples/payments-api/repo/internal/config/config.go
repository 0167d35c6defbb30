// Package config loads the service configuration from environment variables.
// Nothing is read from files baked into the image; every deploy environment
// supplies its own values through the ConfigMap and Secrets of its overlay.
package config

import (
	"fmt"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// Config is the complete runtime configuration of payments-api.
type Config struct {
	Environment string `envconfig:"ENVIRONMENT" required:"true"`
	HTTPAddr    string `envconfig:"HTTP_ADDR" default:":8080"`
	AdminAddr   string `envconfig:"ADMIN_ADDR" default:":9090"`
	LogLevel    string `envconfig:"LOG_LEVEL" default:"info"`

	DatabaseURL      string        `envconfig:"DATABASE_URL" required:"true"`
	DBMaxConns       int32         `envconfig:"DB_MAX_CONNS" default:"10"`
	DBQueryTimeout   time.Duration `envconfig:"DB_QUERY_TIMEOUT" default:"3s"`
	DBConnectTimeout time.Duration `envconfig:"DB_CONNECT_TIMEOUT" default:"5s"`

	PSPBaseURL    string        `envconfig:"PSP_BASE_URL" required:"true"`
	PSPAPIKey     string        `envconfig:"PSP_API_KEY" required:"true"`
	PSPTimeout    time.Duration `envconfig:"PSP_TIMEOUT" default:"5s"`
	PSPMaxRetries uint64        `envconfig:"PSP_MAX_RETRIES" default:"3"`

	JWTIssuer       string `envconfig:"JWT_ISSUER" required:"true"`
	JWTPublicKeyPEM string `envconfig:"JWT_PUBLIC_KEY" required:"true"`

	ShutdownTimeout time.Duration `envconfig:"SHUTDOWN_TIMEOUT" default:"20s"`
}

// Load reads the configuration from the process environment.
func Load() (Config, error) {
	var c Config
	if err := envconfig.Process("", &c); err != nil {
		return Config{}, fmt.Errorf("load config: %w", err)
	}
	return c, nil
}
