-- add bio and published_at
--
-- Revision ID: c81a6d4e2f95
-- Revises: 7c2e91d04a3b
-- Create Date: 2026-11-05 14:27:12.300571
-- Branch Labels: profiles
-- Depends On:

-- migrate:upgrade
ALTER TABLE users ADD COLUMN bio TEXT;
ALTER TABLE posts ADD COLUMN published_at TIMESTAMP;

-- migrate:downgrade
ALTER TABLE posts DROP COLUMN published_at;
ALTER TABLE users DROP COLUMN bio;
