-- merge heads
--
-- Revision ID: a1b2c3d4e5f6
-- Revises: 1a2b3c4d5e6f, 0f0e0d0c0b0a
-- Create Date: 2026-11-24 04:00:00
-- Branch Labels: feature, release_1
-- Depends On: 99aa88bb77cc, shared
-- Ticket: RET-42
-- migrate:no-transaction

-- migrate:upgrade
CREATE INDEX CONCURRENTLY ix_user_age ON "user" (age);
