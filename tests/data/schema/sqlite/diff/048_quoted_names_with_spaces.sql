-- @before
CREATE TABLE "user" ("Full Name" TEXT, "order" INTEGER);
-- @after
CREATE TABLE "user" ("Full Name" TEXT, "order" INTEGER, "e mail" TEXT);
-- @expect
-- Detected added column 'user.e mail'
