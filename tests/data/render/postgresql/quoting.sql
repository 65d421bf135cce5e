-- upgrade

-- op 0
CREATE TABLE "user" (
    "order" INTEGER NOT NULL,
    "Group Name" VARCHAR(50),
    "1st" INTEGER,
    "mixedCase" INTEGER,
    "we""ird" TEXT,
    "back`tick" TEXT,
    plain_name TEXT,
    CONSTRAINT user_pkey PRIMARY KEY ("order")
);

-- op 0
CREATE INDEX "User Index" ON "user" ("mixedCase", "Group Name");

-- op 1
ALTER TABLE "user" ADD COLUMN "group" TEXT;

-- downgrade

-- op 0
ALTER TABLE "user" DROP COLUMN "group";

-- op 1
DROP TABLE "user";

