-- @before
CREATE TABLE `order` (`select` INT, `Total Amount` DECIMAL(10,2));
-- @after
CREATE TABLE `order` (`select` INT, `Total Amount` DECIMAL(12,2), `Shipped At` DATETIME);
-- @expect
-- Detected type change from DECIMAL(10,2) to DECIMAL(12,2) on 'order.Total Amount'
-- Detected added column 'order.Shipped At'
