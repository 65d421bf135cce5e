-- upgrade

-- op 0
RENAME TABLE child TO children;

-- downgrade

-- op 0
RENAME TABLE children TO child;

