// Package config loads the cart service's configuration from environment
// variables; every deploy environment supplies its own through its overlay.
package config

import (
	"fmt"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// Config is the complete runtime configuration of cart.
type Config struct {
	Environment string `envconfig:"ENVIRONMENT" required:"true"`
	HTTPAddr    string `envconfig:"HTTP_ADDR" default:":8080"`
	AdminAddr   string `envconfig:"ADMIN_ADDR" default:":9090"`
	LogLevel    string `envconfig:"LOG_LEVEL" default:"info"`

	RedisAddr        string        `envconfig:"REDIS_ADDR" required:"true"`
	RedisDialTimeout time.Duration `envconfig:"REDIS_DIAL_TIMEOUT" default:"2s"`
	RedisReadTimeout time.Duration `envconfig:"REDIS_READ_TIMEOUT" default:"500ms"`
	CartTTL          time.Duration `envconfig:"CART_TTL" default:"72h"`

	CatalogURL     string        `envconfig:"CATALOG_URL" required:"true"`
	CatalogTimeout time.Duration `envconfig:"CATALOG_TIMEOUT" default:"2s"`

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
