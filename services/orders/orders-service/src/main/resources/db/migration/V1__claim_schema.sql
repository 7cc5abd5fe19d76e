-- P4: this database and its public schema belong to the orders role alone (provisioned so by the
-- launcher and the test kit). The first migration records that ownership; orders's tables come
-- with the features that need them.
COMMENT ON SCHEMA public IS 'orders service data: no other service reads or writes it (P4)';
