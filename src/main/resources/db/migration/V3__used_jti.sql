-- The JWT replay cache shared by every replica (cds.security.replay-cache=database): one row per accepted token,
-- kept until the token has expired (plus clock skew), then deleted. The key is a SHA-256 of the issuer and the jti,
-- so any jti a client sends fits, and the unique key decides which replica saw a token first.
CREATE TABLE used_jti (
    token_key  VARCHAR(64)              NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX used_jti_expires_at ON used_jti (expires_at);
