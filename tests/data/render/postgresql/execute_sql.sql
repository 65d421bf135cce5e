-- upgrade

-- op 0
UPDATE child SET score = 0;

-- downgrade

-- op 0
UPDATE child SET score = 1;

