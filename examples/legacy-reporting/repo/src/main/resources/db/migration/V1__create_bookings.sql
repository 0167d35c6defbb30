CREATE TABLE IF NOT EXISTS bookings (
    id           BIGSERIAL PRIMARY KEY,
    cost_centre  VARCHAR(16)    NOT NULL,
    account      VARCHAR(16)    NOT NULL,
    amount       NUMERIC(14, 2) NOT NULL,
    booked_on    DATE           NOT NULL
);

CREATE INDEX IF NOT EXISTS bookings_booked_on_idx ON bookings (booked_on);
