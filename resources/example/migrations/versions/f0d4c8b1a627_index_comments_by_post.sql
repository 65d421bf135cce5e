-- index comments by post
--
-- Revision ID: f0d4c8b1a627
-- Revises: e2b7a9c05d13
-- Create Date: 2026-11-07 10:31:09.874452
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE INDEX ix_comments_post_id ON comments (post_id);

-- migrate:downgrade
DROP INDEX ix_comments_post_id;
