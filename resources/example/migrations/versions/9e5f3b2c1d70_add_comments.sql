-- add comments
--
-- Revision ID: 9e5f3b2c1d70
-- Revises: 7c2e91d04a3b
-- Create Date: 2026-11-05 11:02:37.640918
-- Branch Labels: comments
-- Depends On:

-- migrate:upgrade
CREATE TABLE comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:downgrade
DROP TABLE comments;
