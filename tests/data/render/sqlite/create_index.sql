-- upgrade

-- op 0
CREATE UNIQUE INDEX ix_child_score_positive ON child (score) WHERE score > 0;

-- op 1
CREATE INDEX ix_child_lower_title ON child (lower(title));

-- downgrade

-- op 0
DROP INDEX ix_child_lower_title;

-- op 1
DROP INDEX ix_child_score_positive;

