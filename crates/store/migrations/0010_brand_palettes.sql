-- Named brand palettes: a look applied to one room or many at once. Local only (never
-- sent as such: applying one records ordinary room edits). Colors are normalised
-- (`theme_color` `#RRGGBB`; `nav_color` `#RRGGBB`, `flow-org-color` or
-- `target-company-color`); a cover field left NULL means "leave the room's as it is".
-- Names are unique whatever their case.
CREATE TABLE brand_palettes (
    name              TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
    theme_color       TEXT NOT NULL,
    nav_color         TEXT NOT NULL,
    cover_title       TEXT,
    cover_description TEXT,
    cover_disabled    INTEGER,
    position          INTEGER NOT NULL
) WITHOUT ROWID;

-- Starting palettes; the user may rename or delete them like any other.
INSERT INTO brand_palettes (name, theme_color, nav_color, cover_title, cover_description, cover_disabled, position) VALUES
    ('Ocean',    '#0B5394', 'flow-org-color',       NULL, NULL, NULL, 1),
    ('Forest',   '#1E5631', '#0F2E1A',              NULL, NULL, NULL, 2),
    ('Sunrise',  '#F6B26B', 'target-company-color', NULL, NULL, NULL, 3),
    ('Graphite', '#333333', '#111111',              NULL, NULL, 0,    4);
