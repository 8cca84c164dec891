-- Colors the designer's preview resolves the navigation keywords to: the org brand color
-- (`flow-org-color`, kept in `app_settings` under `org_color`) and each company's color
-- (`target-company-color`), which Flowla takes from the company itself and the API does
-- not return. Both are local only, never sent. Values are normalised `#RRGGBB`.
CREATE TABLE app_settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE company_colors (
    company_id TEXT PRIMARY KEY NOT NULL,
    color      TEXT NOT NULL
) WITHOUT ROWID;
