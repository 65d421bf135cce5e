-- add age field to user
--
-- Revision ID: 3f2a9c1b7d4e
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-11-24 03:00:00.123456
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
ALTER TABLE "user" ADD COLUMN age INTEGER;

-- migrate:downgrade
ALTER TABLE "user" DROP COLUMN age;
