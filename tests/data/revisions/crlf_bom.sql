-- crlf and bom
--
-- Revision ID: c0ffee000001
-- Revises:

-- migrate:upgrade
SELECT 1;   

-- migrate:downgrade
SELECT 2;


