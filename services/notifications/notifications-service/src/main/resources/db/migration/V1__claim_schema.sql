-- P4: this database and its public schema belong to the notifications role alone (provisioned so by the
-- launcher and the test kit). The first migration records that ownership; notifications's tables come
-- with the features that need them.
COMMENT ON SCHEMA public IS 'notifications service data: no other service reads or writes it (P4)';
