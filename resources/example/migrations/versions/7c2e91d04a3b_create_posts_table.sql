-- create posts table
--
-- Revision ID: 7c2e91d04a3b
-- Revises: 4b1d2e6f8a10
-- Create Date: 2026-11-03 16:40:51.007113
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title VARCHAR(200) NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX ix_posts_author_id ON posts (author_id);

-- migrate:downgrade
DROP INDEX ix_posts_author_id;
DROP TABLE posts;
