-- merge comments and profiles
--
-- Revision ID: e2b7a9c05d13
-- Revises: 9e5f3b2c1d70, c81a6d4e2f95
-- Create Date: 2026-11-06 08:55:40.118364
-- Branch Labels:
-- Depends On:

-- migrate:upgrade

-- migrate:downgrade
