from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "synagogue" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(80) NOT NULL UNIQUE,
    "timezone" VARCHAR(64) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "elevation" DOUBLE PRECISION NOT NULL,
    "in_israel" BOOL NOT NULL,
    "candle_lighting_minutes" INT NOT NULL,
    "havdalah_opinion" VARCHAR(16) NOT NULL,
    "use_elevation" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "synagogue" IS 'A tenant. Not tenant-scoped itself: it is the registry every tenant row points to.';
CREATE TABLE IF NOT EXISTS "app_user" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "display_name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "is_platform_admin" BOOL NOT NULL,
    "failed_logins" INT NOT NULL,
    "locked_until" TIMESTAMPTZ,
    "password_changed_at" TIMESTAMPTZ NOT NULL,
    "theme" VARCHAR(16) NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS "membership" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "role" SMALLINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "synagogue_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_membership_user_id_383401" UNIQUE ("user_id", "synagogue_id")
);
COMMENT ON COLUMN "membership"."role" IS 'VIEWER: 10\nEDITOR: 20\nADMIN: 30\nOWNER: 40';
CREATE TABLE IF NOT EXISTS "session_family" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "user_agent" VARCHAR(400) NOT NULL,
    "ip_address" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoked_reason" VARCHAR(64) NOT NULL,
    "user_id" INT NOT NULL REFERENCES "app_user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "session_family" IS 'One login: the chain of refresh tokens rotated from it. Revoking it ends the session.';
CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "replaced_at" TIMESTAMPTZ,
    "family_id" INT NOT NULL REFERENCES "session_family" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "refresh_token" IS 'A refresh token, stored as its SHA-256. `replaced_at` set means it was rotated.';
CREATE TABLE IF NOT EXISTS "audit_entry" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "at" TIMESTAMPTZ NOT NULL,
    "actor_id" INT,
    "action" VARCHAR(120) NOT NULL,
    "target_id" VARCHAR(200) NOT NULL,
    "impersonated" BOOL NOT NULL,
    "detail" JSONB NOT NULL,
    "request_id" VARCHAR(64) NOT NULL,
    "tenant_id" INT NOT NULL REFERENCES "synagogue" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_audit_entry_tenant__3517b3" ON "audit_entry" ("tenant_id");
COMMENT ON TABLE "audit_entry" IS 'A privileged or impersonated action in a tenant.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXFtz2jgU/isaP7UzaSZQSDOZnZ2BhGzZTaADtN3pZVwFC9DEllxLTsp2899XsjG+Oz"
    "Y1BLx+SYh0Plt8R9K56Cg/FYNqSGfH4yWBczq3kXIOfioEGvJDvPMIKNA0/S7ZwOGt7kiz"
    "kNgt4xacctExgzpDoklDbGphk2NKpHgHcEQg4cdgQPnq8ys2pSbSAOYM6bNz8RtgBvgCAQ"
    "vNsXjiEqB7JH664sCiD8CkmHAhRI/lezU6FWKYzLf3Cpvg7zZSOZ0jAbPEiz5/Fc2YaOgH"
    "Yt6f5p06w0jXQoRiTT7AaVf50nTa+oRfOYJy9LfqlOq2QXxhc8kXlKylxUBk6xwRZEGO5O"
    "O5ZUt6ia3rK1V4jLsj9UXcIQYwGppBW5dKkmh3AH6boqqD4UQd9yaqqsQU6CEChK+appRI"
    "5UvOnG8/l0N41Wy03rTOXp+2zoSIM8x1y5tH99U+MS7QoWcwUR6dfsihK+Fw7JPq/I7Rer"
    "GAVjKvnnyEWTHkKLMej1nUeg0+t/583wW5Bvyh6ojM+UIyenKSQeWHzujibWf0Qki9lK+k"
    "YoG6S3ew6mq6fZJvn1+m2/Mi/Hry5fD7vFM3xO5ZHnLP0rk9i1HLsYH+oaTQ9A1iKjiFT1"
    "s5SD5tpZIsu8Ik65BjbmsJJF/pFKZsvkFQhOWZRB0gzxm8Xg7fd6974N2od9Ef94cD+RZj"
    "yb7rfqdsEg2YOxyMep3rKM2UzDfgOYiqic5DNNLRPXTGVIToEGqXRJ8cJsuYqJhZEOlxlr"
    "uU6giSFK8tiIvwfCuA26J53bJbqrvD4bVDL1vR2+1PIlvz+5tub/Si8TJMuefX+YxPIdF0"
    "pOp4vuBiNKqBic0RK+AxZzzhaTe6LEU0zvbaj/b5XsB7DepwoVITk8TtJN0JScLuzhlRLn"
    "t/jHq9sXqmtpWdeCWN0xxeSeM01SuRXWH2bYbUjJ08c4+JYet9psg+YyHJieqavDDtl6JH"
    "Otgp+0sIGSFdW0GPvQ8H6Lko4gtqQ6IvFTfOylDIpH/TG086N+9CWrnsTHqypxk2uavWF9"
    "EFsn4I+NifvAXyT/BpOHCss0kZn1vOG325ySdFjgnanKqEPqhQC4SEXqvHWni9mdqGWg8j"
    "a63vi9Y9jgJqd0Yvs2+zu0CqSDbcwundA7Q0NdZDmzRNNt5lNI1oCyRw7uhMkiuHucqa3i"
    "DjFllsgU0lIaca6D3KSqoaYbmnsqrpOk/IWn6WhsQx0n7q9mudynzGVKYljH4irT1iGw61"
    "fTEeSKYoRrEH3Z2jW5xn5UO/97E3Eu7UyRfSu+xPhiOZs/xCOpc3/cE5eC0+Dj8OpETrJJ"
    "rNz9TI6+ab07Uy5B9ZehjfdK6va7+g+hYij1+w3vrUQjtaFLbPy+7ZIkxpXorRGkDUjK4Y"
    "jfkzYYITsoDUQnhO/kLLmMmIkLpyRt6vHnNg5D56s8dr9Ze8BR/WPktwUonvLr4xckPDi8"
    "74onPZU5L3gxJ4DR2cV5Tc6EaYzPDzuOAjNBOGYjGhd4goCU54qD/TDbdcSeE+e6I56htW"
    "IOCAjgDjYv5oADJZewDGbzuvmu3TY/DNQqYOp4778A0wxIGBIJFC4EHIWpTLSZNU3FD68+"
    "vKhv0KBxzFqgvIFoUOiEOoyp3Cl39AXDv+6dRX1/FHP0wsnraB1sPICmr9QLSckACMqzlg"
    "/YrqOQItQdGreVnruXw9z6CB9WWxaDOEqePNp+NNl7AyIiPEmPhqV+vnHRjPeaOj0Azbp9"
    "AorICkou+ohjIKv11R1Z8dT0dHQ4KATueYnDu119OFIBHQWTimWUcnYGZRQ0Qsx2CE7umd"
    "0IwMXxDR3Mrt1QDiMdLW3lJHSvsVKTkpHjHTSYKRT4+Uwqgd1q8o26I5FCm1clWDtzKqwV"
    "vxanBsSqssVk9CYVY602FU5ZiuY9I6Ji0jJtUh46rYlTbRexRba/6QNG9Jj2PDKDWIrIPU"
    "fQ5SPV2JecyKFdzGkbURfdKI1ufP9fnzHiQBnjx/Tk8BRM6CEnzu7gp39dcI6WkF4SnnnR"
    "Xh+3GbiRJnbibkR7w5m54WET2qt0DKLdysUw3PmGpABsQJl8LSTfcaULmj2GY7j8kWUunX"
    "zdsxo61hZupwqRa91h/FVc4/2srlfhMy9kDFJlm0yiAGrOBd9Ga7nWt+tzPmdzuWQGOqmK"
    "d8Ri1DhA4GLnr5KxFfXwArcAFsJvZjEUo5BwNFrpfGcLsLEbZ1ibrsil+dTmWUahOeZCOf"
    "SGBFsHUqY59TGev9f7qAZL5R5irlEXXicl8mQp7EpYhJivlpa8AOHTS2ZBwZu3HTyr8qro"
    "vVYYvotAjLQcwOiXbzCodIcn3g9n/ZvQrcDw5kfdb3cH8xBxe++HtgMyE1Axe6QePWyfwi"
    "T1WtENtqsrJja5j3CLcSS7oCvUeZiUspp6K1YI6rLqaF70VwJAYFqAWwYYopTolTVCWQQg"
    "xgAqD37ziVCIMbPaDOi+5XXrS44awN5mEYzODmLhYjLXimGoRslDHZsyi+7JyJu78Vce59"
    "RAWTro1mnjS3kEp37pvxf7QKLWEmEudtRqQaBNXHCXmOE4KGu2heOwKtU9oFUtoa4omnkn"
    "+Oh4OU47I1ImqA8ZSDf4GO2day2cpvM5u4Xt2tjXWOCTuWr/19WzM/QwmSoZASvPn94qbz"
    "d3TqX1wPu1GjKh/QjajDQoIMVnS/CaMqt+GUX9/lRgPFvJEQZlsHOIfm12eUeLl8xQl+7n"
    "+GsUuK8xZ6hebWPt326iALTxdKUk7A7TnKzAf4MnUZ0yEt66OMcP1eOFsFw44ApIJxx1aK"
    "PeSiKsDwSryC7DZyRRuNjGijEY82xBt54pW/dLc3ANm93/s8pQWlebgFDk7KN2aP/wFknD"
    "C8"
)
