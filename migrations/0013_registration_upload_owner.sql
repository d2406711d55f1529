-- 用人单位注册 uploads its 营业执照 before the employer has an account: those uploads are owned by
-- this account until the registration that uses them attaches them. Nobody can sign in as it (its
-- password hash matches no password) and it belongs to no employer.
INSERT OR IGNORE INTO `accounts` (`id`, `username`, `password_hash`, `role`, `display_name`, `must_change_password`, `created_at`)
VALUES ('acc-registration-uploads', '~registration-uploads', '!', 'employer', '单位注册上传', 0, '2026-12-07T00:00:00.000Z');
