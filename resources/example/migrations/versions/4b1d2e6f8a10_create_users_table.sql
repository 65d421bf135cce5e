-- create users table
--
-- Revision ID: 4b1d2e6f8a10
-- Revises:
-- Create Date: 2026-11-02 09:14:03.512204
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email VARCHAR(255) NOT NULL UNIQUE,
    display_name VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:downgrade
DROP TABLE users;
