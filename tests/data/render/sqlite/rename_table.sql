-- upgrade

-- op 0
ALTER TABLE child RENAME TO children;

-- downgrade

-- op 0
ALTER TABLE children RENAME TO child;

