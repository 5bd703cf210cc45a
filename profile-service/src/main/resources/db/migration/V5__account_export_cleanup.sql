-- A failed or expired export's objects are deleted after its state changed; until that has succeeded (S3 may be
-- away) cleaned_at stays empty and the job tries again, so nothing is left behind in the member's folder.
ALTER TABLE account_exports ADD COLUMN cleaned_at TIMESTAMPTZ;
CREATE INDEX idx_account_exports_uncleaned ON account_exports(requested_at)
  WHERE state IN ('failed', 'expired') AND cleaned_at IS NULL;
